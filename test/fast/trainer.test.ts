import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guideModel } from '../../electron/core/model/baseline';
import { initWeights } from '../../electron/core/model/weights';
import { createFastTrainer } from '../../electron/core/train/fast/trainer';
import type { Batch } from '../../electron/core/train/types';
import { createRng } from '../../electron/core/util/rng';

/** Images whose class is written as a bright square at a class-specific position, plus noise: easy to learn. */
function syntheticBatch(n: number, seed: number): Batch {
  const rng = createRng(seed);
  const x = new Float32Array(n * 32 * 32 * 3);
  const labels = new Int32Array(n);
  for (let b = 0; b < n; b++) {
    const label = rng.int(10);
    labels[b] = label;
    const top = 4 + Math.floor(label / 5) * 14;
    const left = 2 + (label % 5) * 6;
    for (let i = 0; i < 32 * 32 * 3; i++) x[b * 3072 + i] = rng.next() * 0.3;
    for (let r = top; r < top + 8; r++) for (let c = left; c < left + 5; c++) x[b * 3072 + (r * 32 + c) * 3 + (label % 3)] = 1;
  }
  return { x, labels, size: n };
}

test('a short training run lowers the loss and fits learnable data', () => {
  const spec = guideModel(false);
  // A larger learning rate than Keras' default so that 60 steps suffice.
  const adam = { learningRate: 1e-2, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };
  const trainer = createFastTrainer({ spec, weights: initWeights(spec, 1), adam });
  const batches = Array.from({ length: 8 }, (_, i) => syntheticBatch(32, i));
  const steps = Array.from({ length: 60 }, (_, step) => trainer.trainStep(batches[step % 8]!));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const firstLoss = mean(steps.slice(0, 8).map((s) => s.loss));
  const lastLoss = mean(steps.slice(-8).map((s) => s.loss));
  const lastAccuracy = mean(steps.slice(-8).map((s) => s.accuracy));
  assert.ok(lastLoss < firstLoss * 0.6, `training loss ${firstLoss} -> ${lastLoss}`);
  assert.ok(lastAccuracy > 0.6, `training accuracy over the last 8 steps ${lastAccuracy}`);
});

test('evaluate agrees with predict, across batches of different sizes and the inference chunking', () => {
  const spec = guideModel(true);
  const trainer = createFastTrainer({ spec, weights: initWeights(spec, 2) });
  trainer.trainStep(syntheticBatch(16, 1));
  const batches = [syntheticBatch(300, 5), syntheticBatch(7, 6)];
  const result = trainer.evaluate(batches);
  let loss = 0;
  let correct = 0;
  for (const batch of batches) {
    const logits = trainer.predict(batch.x, batch.size);
    for (let b = 0; b < batch.size; b++) {
      const row = Array.from(logits.subarray(b * 10, b * 10 + 10));
      const max = Math.max(...row);
      const logSum = Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0)) + max;
      loss += logSum - row[batch.labels[b]!]!;
      if (row.indexOf(max) === batch.labels[b]) correct++;
    }
  }
  assert.equal(result.count, 307);
  assert.ok(Math.abs(result.loss - loss / 307) < 1e-6, `${result.loss} vs ${loss / 307}`);
  assert.equal(result.accuracy, correct / 307);
});

test('weights(): writes reach the engine (a pruning mask stays applied through inference), snapshots are copies', () => {
  const spec = guideModel(false);
  const trainer = createFastTrainer({ spec, weights: initWeights(spec, 3) });
  const batch = syntheticBatch(8, 1);
  const access = trainer.weights();
  const kernel = access.read('conv2d_1/kernel');
  const masked = kernel.map((v, i) => (i % 2 ? 0 : v));
  access.write('conv2d_1/kernel', masked);
  assert.deepEqual(Array.from(access.read('conv2d_1/kernel')), Array.from(masked));
  const snapshot = trainer.snapshot();
  const logits = trainer.predict(batch.x, 8);
  access.write('conv2d_1/kernel', new Float32Array(kernel.length)); // all zero: logits must change
  assert.notDeepEqual(Array.from(trainer.predict(batch.x, 8)), Array.from(logits));
  assert.deepEqual(Array.from(snapshot.get('conv2d_1/kernel').values), Array.from(masked));
  assert.equal(snapshot.tensors.length, 32);
  assert.equal(snapshot.get('batch_normalization/moving_mean').trainable, false);
  assert.throws(() => access.write('conv2d_1/kernel', new Float32Array(3)), /holds 128 values/);
  assert.throws(() => access.read('nope/kernel'), /No weight named 'nope\/kernel'/);
});

test('training is deterministic for the same weights and data', () => {
  const spec = guideModel(false);
  const run = () => {
    const trainer = createFastTrainer({ spec, weights: initWeights(spec, 4) });
    for (let step = 0; step < 3; step++) trainer.trainStep(syntheticBatch(16, step));
    return trainer.snapshot().tensors.map((t) => Array.from(t.values));
  };
  assert.deepEqual(run(), run());
});

test('buffers sized for a larger batch leave no stale values in a smaller one', () => {
  const spec = guideModel(false);
  const fresh = createFastTrainer({ spec, weights: initWeights(spec, 5) });
  const used = createFastTrainer({ spec, weights: initWeights(spec, 5) });
  used.predict(syntheticBatch(300, 9).x, 300); // grows every buffer to 256 rows and fills it
  const batch = syntheticBatch(16, 3);
  assert.deepEqual(used.trainStep(batch), fresh.trainStep(batch));
  assert.deepEqual(
    used.snapshot().tensors.map((t) => Array.from(t.values)),
    fresh.snapshot().tensors.map((t) => Array.from(t.values)),
  );
});
