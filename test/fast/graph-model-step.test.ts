import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../shared/model-spec';
import { graphShapes } from '../../electron/core/model/shapes';
import { initWeights } from '../../electron/core/model/weights';
import { Network } from '../../electron/core/train/fast/network';
import type { TensorMemory } from '../../electron/core/train/fast/tensor-memory';
import { createFastTrainer } from '../../electron/core/train/fast/trainer';
import { KERAS_ADAM } from '../../electron/core/train/types';
import { createRng } from '../../electron/core/util/rng';
import { assertClose, memories, placed, useTfjsCpu, values } from './compare';
import { residualBlockModel, squeezeExciteModel } from './graph-specs';
import { TfGraphReference, type Moments } from './tf-graph-reference';

before(useTfjsCpu);

/** Conv biases read only by BatchNormalization layers: their loss gradient is exactly zero. */
function biasesBeforeBatchNorm(spec: ModelSpec): Set<string> {
  const names = new Set<string>();
  for (const layer of spec.layers) {
    if ((layer.type !== 'Conv2D' && layer.type !== 'DepthwiseConv2D') || !layer.useBias || layer.activation !== 'linear') continue;
    const readers = spec.layers.filter((l) => l.inputs.includes(layer.name));
    if (readers.length > 0 && readers.every((r) => r.type === 'BatchNormalization')) names.add(`${layer.name}/bias`);
  }
  return names;
}

function randomBatch(spec: ModelSpec, n: number, seed: number) {
  const rng = createRng(seed);
  const classes = graphShapes(spec).get(spec.outputs[0])![0]!;
  const x = new Float32Array(n * spec.inputShape.reduce((a, b) => a * b, 1)).map(() => rng.next());
  const labels = new Int32Array(n).map(() => rng.int(classes));
  return { x, labels, size: n, classes };
}

/**
 * Loss, every gradient, one Adam step, the moving statistics and inference logits of the fast engine against the same
 * graph written with TF.js ops (Dropout replays the engine's mask).
 */
function checkModelStep(spec: ModelSpec, n: number, seed: number, memory: TensorMemory): void {
  const weights = initWeights(spec, seed);
  // Non-trivial batch-norm parameters and biases, so every term of the gradients is exercised.
  const rng = createRng(seed + 1);
  for (const t of weights.tensors) {
    if (/\/(beta|bias)$/.test(t.name)) t.values = t.values.map(() => (rng.next() - 0.5) * 0.2);
    if (/\/gamma$/.test(t.name)) t.values = t.values.map(() => 0.8 + rng.next() * 0.4);
  }
  const batch = randomBatch(spec, n, seed + 2);
  const [h, w, c] = spec.inputShape;

  const network = new Network(spec, weights, memory);
  const ours = network.lossAndGradients(placed(memory, batch.x), batch.labels, batch.size);
  const masks = new Map(network.layers.filter((l) => l.lastMask).map((l) => [l.name, l.lastMask!().slice()]));

  const reference = new TfGraphReference(spec, weights);
  const tx = tf.tensor4d(batch.x, [batch.size, h, w, c]);
  const onehot = tf.oneHot(tf.tensor1d(batch.labels, 'int32'), batch.classes);
  const moments: Moments = new Map();
  const trainable = [...reference.variables.values()].filter((v) => v.trainable);
  const { value: loss, grads } = tf.variableGrads(
    () => tf.losses.softmaxCrossEntropy(onehot, reference.forward(tx, true, { moments, masks })) as tf.Scalar,
    trainable,
  );
  assertClose([ours.loss], values(loss), 'loss');
  const noiseOnly = biasesBeforeBatchNorm(spec);
  for (const p of network.params.filter((q) => q.trainable)) {
    const expected = values(grads[`${reference.prefix}${p.name}`]!);
    if (noiseOnly.has(p.name)) {
      assert.ok(p.grad!.every((g) => g === 0), `${p.name}: a bias before BatchNormalization gets exactly zero gradient`);
      assertClose(expected, new Float32Array(expected.length), `TF.js gradient of ${p.name} (rounding noise only)`, 1e-5);
    } else assertClose(p.grad!, expected, `gradient of ${p.name}`);
  }

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
  // A fresh trainer draws the same first Dropout masks (seeded), so its step matches the reference's.
  const trainer = createFastTrainer({ spec, weights });
  const step = trainer.trainStep(batch);
  assertClose([step.loss], values(loss), 'trainer loss');
  const access = trainer.weights();
  for (const t of weights.tensors) {
    // Adam moves each weight by about 1e-3 on the first step; biases before BatchNormalization do not move here (zero
    // gradient) while TF.js moves them by up to the learning rate on its rounding noise.
    const tolerance = noiseOnly.has(t.name) ? 2 * KERAS_ADAM.learningRate : 2e-5;
    assertClose(access.read(t.name), values(reference.variables.get(t.name)!), `${t.name} after one step`, tolerance);
  }
  // Inference uses the moving statistics, so those biases' difference would show: give the reference the engine's.
  for (const name of noiseOnly) reference.variables.get(name)!.assign(tf.tensor(access.read(name), weights.get(name).shape));
  assertClose(trainer.predict(batch.x, batch.size), values(reference.forward(tx, false)), 'inference logits');
  tf.disposeVariables();
}

for (const [label, spec] of [
  ['residual block (fan-out, Add of three, ReLU6, 5x5 depthwise, hard-swish, leaky ReLU, Rescaling)', residualBlockModel()],
  ['squeeze-excite block (GAP keepdims, Multiply broadcast, hard_sigmoid, swish, Reshape, Dropout)', squeezeExciteModel()],
] as const) {
  for (const [where, memory] of memories()) {
    test(`${label}, ${where} kernels: loss, gradients, Adam step and moving statistics match TF.js ops on the same graph`, () => {
      checkModelStep(spec, 5, 11, memory);
    });
  }
}

test('Dropout draws a fresh mask every training step and none at inference', () => {
  const spec = squeezeExciteModel();
  const network = new Network(spec, initWeights(spec, 3));
  const batch = randomBatch(spec, 4, 5);
  const drop = network.layers.find((l) => l.name === 'drop')!;
  network.lossAndGradients(batch.x, batch.labels, batch.size);
  const first = drop.lastMask!().slice(0, 64);
  network.lossAndGradients(batch.x, batch.labels, batch.size);
  assert.notDeepEqual(drop.lastMask!().slice(0, 64), first);
  const a = network.forward(batch.x, batch.size, false).slice();
  const b = network.forward(batch.x, batch.size, false).slice();
  assert.deepEqual(a, b);
});

test('training a graph with Dropout is reproducible: two fresh trainers give bit-identical weights', () => {
  const spec = squeezeExciteModel();
  const batch = randomBatch(spec, 6, 9);
  const run = () => {
    const trainer = createFastTrainer({ spec, weights: initWeights(spec, 4) });
    for (let i = 0; i < 3; i++) trainer.trainStep(batch);
    return trainer.snapshot().tensors.map((t) => Array.from(t.values));
  };
  assert.deepEqual(run(), run());
});
