import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { guideModel } from '../../electron/core/model/baseline';
import { initWeights, type ModelWeights } from '../../electron/core/model/weights';
import { createParallelFastTrainer } from '../../electron/core/train/fast/parallel/parallel-trainer';
import { createTfjsTrainer } from '../../electron/core/train/tfjs-trainer';
import { type Batch, type Trainer } from '../../electron/core/train/types';
import { createRng } from '../../electron/core/util/rng';
import { assertClose, useTfjsCpu } from './compare';

before(useTfjsCpu);

const spec = guideModel(false);

function randomBatch(n: number, seed: number): Batch {
  const rng = createRng(seed);
  return {
    x: Float32Array.from({ length: n * 3072 }, () => rng.next()),
    labels: Int32Array.from({ length: n }, () => rng.int(10)),
    size: n,
  };
}

/** Sizes that split evenly, unevenly, and into fewer rows than threads. */
const BATCHES = [randomBatch(12, 1), randomBatch(7, 2), randomBatch(1, 3)];

/**
 * Adam with epsilon 1 and learning rate 1: each update is about the gradient itself (g / (|g| + 1)), so weights stay a
 * smooth function of the gradients. With Keras' epsilon (1e-7) a gradient at rounding level (a batch-norm parameter
 * of a nearly dead channel) becomes a full learning-rate step whose size depends on that rounding.
 */
const GRADIENT_LIKE_ADAM = { learningRate: 1, beta1: 0.9, beta2: 0.999, epsilon: 1 };

async function trained(threads: number, seed = 5): Promise<{ trainer: Trainer; weights: ModelWeights; losses: number[] }> {
  const trainer = await createParallelFastTrainer({ spec, weights: initWeights(spec, seed), adam: GRADIENT_LIKE_ADAM }, threads);
  const losses = BATCHES.map((batch) => trainer.trainStep(batch).loss);
  return { trainer, weights: trainer.snapshot(), losses };
}

const bytes = (weights: ModelWeights): Buffer =>
  Buffer.concat(weights.tensors.map((t) => Buffer.from(t.values.buffer, t.values.byteOffset, t.values.byteLength)));

/** Biases feeding a BatchNormalization: their true gradient is 0 (see layers.ts), both sides train rounding noise. */
const noiseOnly = new Set(
  spec.layers.flatMap((layer, i) =>
    layer.type === 'Conv2D' || layer.type === 'DepthwiseConv2D'
      ? spec.layers[i + 1]?.type === 'BatchNormalization'
        ? [`${layer.name}/bias`]
        : []
      : [],
  ),
);

test('the same thread count gives bit-identical weights run after run', async () => {
  const a = await trained(2);
  const b = await trained(2);
  assert.equal(a.trainer.threads, 2);
  assert.ok(bytes(a.weights).equals(bytes(b.weights)), 'two 2-thread runs differ');
  a.trainer.dispose();
  b.trainer.dispose();
});

test('2 and 3 threads train like 1 thread within float rounding (batch norm synchronised across threads)', async () => {
  const start = initWeights(spec, 5);
  const one = await trained(1);
  assert.equal(one.trainer.threads, 1);
  for (const threads of [2, 3]) {
    const many = await trained(threads);
    assert.equal(many.trainer.threads, threads);
    assertClose(many.losses, one.losses, `${threads}-thread losses`, 1e-6);
    for (const t of one.weights.tensors) {
      // What training changed, compared relative to the largest change in the tensor.
      const before = start.get(t.name).values;
      const moved = (values: Float32Array) => values.map((v, i) => v - before[i]!);
      const expected = moved(t.values);
      const scale = Math.max(1e-30, ...expected.map(Math.abs));
      assertClose(
        moved(many.weights.get(t.name).values).map((v) => v / scale),
        expected.map((v) => v / scale),
        `${t.name} update, ${threads} vs 1 thread`,
        1e-3,
      );
    }
    const probe = randomBatch(9, 4);
    assertClose(many.trainer.predict(probe.x, 9), one.trainer.predict(probe.x, 9), `${threads}-thread inference logits`, 1e-5);
    const e1 = one.trainer.evaluate([probe]);
    const e2 = many.trainer.evaluate([probe]);
    assert.equal(e2.count, 9);
    assert.ok(Math.abs(e1.loss - e2.loss) < 1e-5, `evaluation loss ${e2.loss} vs ${e1.loss}`);
    many.trainer.dispose();
  }
  one.trainer.dispose();
});

test('2 threads agree with stock TF.js (tf.layers) over two steps, moving statistics included', async () => {
  const weights = initWeights(spec, 3);
  const stock = await createTfjsTrainer({ spec, weights, adam: GRADIENT_LIKE_ADAM }, 'tfjs-cpu');
  const parallel = await createParallelFastTrainer({ spec, weights, adam: GRADIENT_LIKE_ADAM }, 2);
  for (const seed of [1, 2]) {
    const batch = randomBatch(6, seed);
    const a = stock.trainStep(batch);
    const b = parallel.trainStep(batch);
    assertClose([b.loss], [a.loss], `loss of step ${seed}`);
    assert.equal(b.accuracy, a.accuracy);
  }
  const actual = parallel.snapshot();
  for (const e of stock.snapshot().tensors) {
    const before = weights.get(e.name).values;
    const moved = (values: Float32Array) => values.map((v, i) => v - before[i]!);
    const expected = moved(e.values);
    const scale = Math.max(1e-30, ...expected.map(Math.abs));
    // Biases feeding a BatchNormalization move by rounding noise only (their true gradient is 0) on both sides.
    if (noiseOnly.has(e.name)) assert.ok(scale < 1e-5, `${e.name} moved by ${scale}`);
    else
      assertClose(
        moved(actual.get(e.name).values).map((v) => v / scale),
        expected.map((v) => v / scale),
        `${e.name} update after two steps`,
        1e-3,
      );
  }
  stock.dispose();
  parallel.dispose();
});

test('weights written between steps (what the pruning hooks do) reach every thread', async () => {
  const one = await createParallelFastTrainer({ spec, weights: initWeights(spec, 8) }, 1);
  const two = await createParallelFastTrainer({ spec, weights: initWeights(spec, 8) }, 2);
  const batch = randomBatch(10, 6);
  for (const trainer of [one, two]) {
    trainer.trainStep(batch);
    const access = trainer.weights();
    const kernel = access.read('conv2d_2/kernel');
    access.write(
      'conv2d_2/kernel',
      kernel.map((v, i) => (i % 4 === 0 ? v : 0)),
    );
    access.write(
      'batch_normalization_4/moving_variance',
      access.read('batch_normalization_4/moving_variance').map((v) => v * 3),
    );
  }
  assertClose(two.predict(batch.x, 10), one.predict(batch.x, 10), 'logits after the writes', 1e-4);
  one.trainStep(batch);
  two.trainStep(batch);
  assertClose(two.weights().read('conv2d_2/kernel'), one.weights().read('conv2d_2/kernel'), 'kernel after the next step', 2e-5);
  one.dispose();
  two.dispose();
});

test('a failure in any thread ends the step with its error instead of leaving the others waiting', async () => {
  for (const bad of [0, 3]) {
    const trainer = await createParallelFastTrainer({ spec, weights: initWeights(spec, 9) }, 2);
    const batch = randomBatch(4, 7);
    batch.labels[bad] = 99;
    // Row 0 is this thread's shard, row 3 a worker's; the other shard is then waiting at a batch-norm exchange.
    assert.throws(() => trainer.trainStep(batch), /Label 99 of sample/);
    assert.throws(() => trainer.trainStep(randomBatch(4, 8)), /failed/);
    trainer.dispose();
  }
});
