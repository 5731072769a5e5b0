import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../shared/model-spec';
import { guideModel } from '../../electron/core/model/baseline';
import { chainModel } from '../../electron/core/model/chain';
import { initWeights } from '../../electron/core/model/weights';
import { Network } from '../../electron/core/train/fast/network';
import { createFastTrainer } from '../../electron/core/train/fast/trainer';
import { createTfjsTrainer } from '../../electron/core/train/tfjs-trainer';
import { KERAS_ADAM } from '../../electron/core/train/types';
import { createRng } from '../../electron/core/util/rng';
import { assertClose, memories, placed, useTfjsCpu, values } from './compare';
import { TfGraphReference } from './tf-graph-reference';

before(useTfjsCpu);

/** Every layer option the engine supports that the guide model does not use. */
const OPTIONS_MODEL: ModelSpec = chainModel(
  'options',
  [11, 9, 3],
  [
    {
      type: 'Conv2D',
      name: 'c1',
      filters: 6,
      kernelSize: [3, 3],
      strides: [2, 2],
      padding: 'same',
      dilationRate: [1, 1],
      groups: 1,
      useBias: true,
      activation: 'relu',
    },
    {
      type: 'DepthwiseConv2D',
      name: 'd1',
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: 'same',
      dilationRate: [1, 1],
      depthMultiplier: 2,
      useBias: false,
      activation: 'relu',
    },
    { type: 'BatchNormalization', name: 'bn', axis: 3, epsilon: 1e-3, momentum: 0.9 },
    { type: 'ReLU', name: 'r6', maxValue: 6 },
    {
      type: 'Conv2D',
      name: 'c2',
      filters: 5,
      kernelSize: [1, 1],
      strides: [1, 1],
      padding: 'valid',
      dilationRate: [1, 1],
      groups: 1,
      useBias: false,
      activation: 'linear',
    },
    { type: 'Flatten', name: 'f' },
    { type: 'Dense', name: 'h', units: 7, useBias: true, activation: 'relu' },
    { type: 'Dense', name: 'out', units: 4, useBias: true, activation: 'linear' },
  ],
);

const MODELS: [string, ModelSpec][] = [
  ['guide model', guideModel(false)],
  ['guide model with keepdims', guideModel(true)],
  ['options model', OPTIONS_MODEL],
];

/** Names of conv biases directly followed by a BatchNormalization layer (their loss gradient is exactly zero). */
function biasesBeforeBatchNorm(spec: ModelSpec): Set<string> {
  const names = new Set<string>();
  spec.layers.forEach((layer, i) => {
    const next = spec.layers[i + 1];
    if (
      (layer.type === 'Conv2D' || layer.type === 'DepthwiseConv2D') &&
      layer.activation === 'linear' &&
      next?.type === 'BatchNormalization'
    ) {
      names.add(`${layer.name}/bias`);
    }
  });
  return names;
}

function randomBatch(spec: ModelSpec, n: number, seed: number) {
  const rng = createRng(seed);
  const classes = spec.layers.at(-1)!.type === 'Dense' ? (spec.layers.at(-1) as { units: number }).units : 10;
  const x = new Float32Array(n * spec.inputShape.reduce((a, b) => a * b, 1)).map(() => rng.next());
  const labels = new Int32Array(n).map(() => rng.int(classes));
  return { x, labels, size: n };
}

for (const [kind, memory] of memories())
  for (const [label, spec] of MODELS) {
    test(`${label} (${kind} kernels): loss, gradients, Adam step and moving statistics match an independent TF.js computation`, () => {
      const weights = initWeights(spec, 7);
      const batch = randomBatch(spec, 6, 8);
      const [h, w, c] = spec.inputShape;

      const reference = new TfGraphReference(spec, weights);
      const tx = tf.tensor4d(batch.x, [batch.size, h, w, c]);
      const logitsShape = (spec.layers.at(-1) as { units: number }).units;
      const onehot = tf.oneHot(tf.tensor1d(batch.labels, 'int32'), logitsShape);
      const moments = new Map<string, { mean: tf.Tensor; variance: tf.Tensor }>();
      const trainable = [...reference.variables.values()].filter((v) => v.trainable);
      const { value: loss, grads } = tf.variableGrads(
        () => tf.losses.softmaxCrossEntropy(onehot, reference.forward(tx, true, { moments })) as tf.Scalar,
        trainable,
      );

      const network = new Network(spec, weights, memory);
      const ours = network.lossAndGradients(placed(memory, batch.x), batch.labels, batch.size);
      assertClose([ours.loss], values(loss), 'loss');
      for (const p of network.params.filter((q) => q.trainable)) {
        assertClose(p.grad!, values(grads[`${reference.prefix}${p.name}`]!), `gradient of ${p.name}`);
      }

      // One Adam step and the moving-average update, as tf.train.adam and tfjs-layers' BatchNormalization do them.
      tf.train
        .adam(KERAS_ADAM.learningRate, KERAS_ADAM.beta1, KERAS_ADAM.beta2, KERAS_ADAM.epsilon)
        .applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
      for (const layer of spec.layers) {
        if (layer.type !== 'BatchNormalization') continue;
        const m = moments.get(layer.name)!;
        for (const [stat, batchValue] of [
          ['moving_mean', m.mean],
          ['moving_variance', m.variance],
        ] as const) {
          const v = reference.variables.get(`${layer.name}/${stat}`)!;
          v.assign(tf.sub(v, tf.mul(tf.sub(v, batchValue), 1 - layer.momentum)));
        }
      }
      const trainer = createFastTrainer({ spec, weights });
      const step = trainer.trainStep(batch);
      assertClose([step.loss], values(loss), 'trainer loss');
      const access = trainer.weights();
      // Adam moves each weight by about 1e-3 on the first step, so weights must agree far more closely than that, except
      // biases feeding a BatchNormalization: their true gradient is 0, both sides compute rounding noise, and Adam turns
      // noise into steps of up to the learning rate in either direction.
      const noiseOnly = biasesBeforeBatchNorm(spec);
      for (const t of weights.tensors) {
        const tolerance = noiseOnly.has(t.name) ? 2 * KERAS_ADAM.learningRate : 2e-5;
        assertClose(access.read(t.name), values(reference.variables.get(t.name)!), `${t.name} after one step`, tolerance);
      }

      // Inference uses the moving statistics.
      const logits = trainer.predict(batch.x, batch.size);
      assertClose(logits, values(reference.forward(tx, false)), 'inference logits');
      tf.disposeVariables();
    });
  }

test('guide model: the fast trainer agrees with the tf.layers trainer over two steps (moving statistics included)', async () => {
  const spec = guideModel(false);
  const weights = initWeights(spec, 3);
  const stock = await createTfjsTrainer({ spec, weights }, 'tfjs-cpu');
  const fast = createFastTrainer({ spec, weights });
  for (const seed of [1, 2]) {
    const batch = randomBatch(spec, 6, seed);
    const a = stock.trainStep(batch);
    const b = fast.trainStep(batch);
    assertClose([b.loss], [a.loss], `loss of step ${seed}`);
    assert.equal(b.accuracy, a.accuracy);
  }
  const expected = stock.snapshot();
  const actual = fast.snapshot();
  assert.deepEqual(
    actual.tensors.map((x) => x.name),
    expected.tensors.map((x) => x.name),
  );
  const noiseOnly = biasesBeforeBatchNorm(spec);
  for (const e of expected.tensors) {
    const tolerance = noiseOnly.has(e.name) ? 4 * KERAS_ADAM.learningRate : 2e-5;
    assertClose(actual.get(e.name).values, e.values, `${e.name} after two steps`, tolerance);
  }
  stock.dispose();
});
