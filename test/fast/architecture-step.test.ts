import { before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../shared/model-spec';
import { modelByName, type ModelName } from '../../electron/core/model/built-in';
import { initWeights } from '../../electron/core/model/weights';
import { Network } from '../../electron/core/train/fast/network';
import { createFastTrainer } from '../../electron/core/train/fast/trainer';
import { createTfjsTrainer } from '../../electron/core/train/tfjs-trainer';
import { createRng } from '../../electron/core/util/rng';
import { assertClose, memories, placed, useTfjsCpu, values } from './compare';
import { TfGraphReference } from './tf-graph-reference';

before(useTfjsCpu);

// The built-in MobileNets at their smallest width, a batch of 3: one training step's loss and every gradient of the
// fast engine (JavaScript and WebAssembly kernels) against the same graph written with stock TF.js ops, and inference
// logits against the app's stock tf.layers model.

const BATCH = 3;
const WIDTH = 0.1;

function setup(name: ModelName) {
  const spec: ModelSpec = modelByName(name, { width: WIDTH });
  const weights = initWeights(spec, 21);
  // Non-trivial batch-norm parameters and biases, so every term of the gradients is exercised.
  const rng = createRng(22);
  for (const t of weights.tensors) {
    if (/\/(beta|bias)$/.test(t.name)) t.values = t.values.map(() => (rng.next() - 0.5) * 0.2);
    if (/\/gamma$/.test(t.name)) t.values = t.values.map(() => 0.8 + rng.next() * 0.4);
  }
  const x = Float32Array.from({ length: BATCH * 32 * 32 * 3 }, () => rng.next());
  const labels = Int32Array.from({ length: BATCH }, () => rng.int(10));
  return { spec, weights, x, labels };
}

for (const name of ['mobilenetv2-cifar', 'mobilenetv3s-cifar'] as const) {
  test(`${name} (width ${WIDTH}): a training step's loss and gradients, and inference, match stock TF.js`, async () => {
    const { spec, weights, x, labels } = setup(name);
    const runs = memories().map(([kind, memory]) => {
      const network = new Network(spec, weights, memory);
      const result = network.lossAndGradients(placed(memory, x), labels, BATCH);
      const masks = new Map(network.layers.filter((l) => l.lastMask).map((l) => [l.name, l.lastMask!().slice()]));
      return { kind, network, result, masks };
    });

    // Dropout replays the engine's mask (the same for both kernel kinds: it depends on the seed, step and row only).
    const reference = new TfGraphReference(spec, weights);
    const tx = tf.tensor4d(x, [BATCH, 32, 32, 3]);
    const onehot = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);
    const trainable = [...reference.variables.values()].filter((v) => v.trainable);
    const { value: loss, grads } = tf.variableGrads(
      () => tf.losses.softmaxCrossEntropy(onehot, reference.forward(tx, true, { masks: runs[0]!.masks })) as tf.Scalar,
      trainable,
    );
    for (const { kind, network, result } of runs) {
      assertClose([result.loss], values(loss), `${kind}: loss`);
      for (const p of network.params.filter((q) => q.trainable))
        assertClose(p.grad!, values(grads[`${reference.prefix}${p.name}`]!), `${kind}: gradient of ${p.name}`);
    }
    tf.disposeVariables();

    const stock = await createTfjsTrainer({ spec, weights }, 'tfjs-cpu');
    const expected = stock.predict(x, BATCH);
    stock.dispose();
    const fast = createFastTrainer({ spec, weights });
    assertClose(fast.predict(x, BATCH), expected, 'inference logits (fast-cpu vs tf.layers)');
    fast.dispose();
  });
}
