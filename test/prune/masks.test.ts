import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roundHalfEven } from '../../electron/core/prune/round-half-even';
import { keptCount, magnitudeMask } from '../../electron/core/prune/magnitude-mask';
import { blockMask } from '../../electron/core/prune/block-mask';

const zeros = (mask: Float32Array): number => mask.filter((m) => m === 0).length;

test('round half to even, as tf.round (not Math.round)', () => {
  const cases: [number, number][] = [
    [0.5, 0],
    [1.5, 2],
    [2.5, 2],
    [3.5, 4],
    [4.5, 4],
    [2.4999, 2],
    [2.5001, 3],
    [-1.5, -2],
    [-2.5, -2],
    [7, 7],
  ];
  for (const [x, expected] of cases) assert.equal(roundHalfEven(x), expected, `round(${x})`);
  assert.equal(Math.round(2.5), 3);
});

test('kept count k = max(round_half_even(float32(n) * float32(1 - s)), 1)', () => {
  const cases: [number, number, number][] = [
    [6, 0.25, 4], // 4.5 -> 4 (Math.round would keep 5)
    [10, 0.25, 8], // 7.5 -> 8
    [10, 0.35, 6], // float32(0.65) * 10 = 6.4999998 -> 6
    [128, 0.75, 32],
    [512, 0.75, 128],
    [100, 0.999, 1], // max(..., 1): never an index of -1 (#215)
    [100, 0, 100],
  ];
  for (const [n, s, k] of cases) assert.equal(keptCount(n, s), k, `n=${n} s=${s}`);
  assert.throws(() => keptCount(10, NaN), /begin_step == end_step/);
});

test('mask keeps the k largest magnitudes and every tie at the threshold', () => {
  const cases: { values: number[]; sparsity: number; mask: number[]; threshold: number }[] = [
    { values: [0.1, -0.9, 0.3, -0.2, 0.5], sparsity: 0.4, mask: [0, 1, 1, 0, 1], threshold: Math.fround(0.3) },
    // k = 2 but three entries equal the threshold 2: all kept, real sparsity 0.2 < 0.6.
    { values: [1, 2, -2, 2, 3], sparsity: 0.6, mask: [0, 1, 1, 1, 1], threshold: 2 },
    // More than n - k exact zeros: threshold 0 and nothing is pruned.
    { values: [0, 0, 0, 0, 5], sparsity: 0.2, mask: [1, 1, 1, 1, 1], threshold: 0 },
    { values: [3, 1, 2], sparsity: 0, mask: [1, 1, 1], threshold: 1 },
  ];
  for (const c of cases) {
    const update = magnitudeMask(Float32Array.from(c.values), c.sparsity);
    assert.deepEqual(Array.from(update.mask), c.mask, JSON.stringify(c.values));
    assert.equal(update.threshold, c.threshold);
  }
});

test('block mask [1,4] AVG: k counts blocks, the threshold is a pooled value', () => {
  // 2 x 8 weights = 4 blocks of 1x4, with mean magnitudes 1, 4, 2, 3.
  const values = Float32Array.from([1, 1, -1, 1, 4, 4, 4, -4, 2, 2, 2, 2, 3, 3, 3, 3]);
  const update = blockMask(values, [2, 8], [1, 4], 'AVG', 0.5);
  assert.deepEqual(Array.from(update.mask), [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1]);
  assert.equal(update.threshold, 3);
});

test('block mask [1,4] MAX uses the largest magnitude of each block', () => {
  const values = Float32Array.from([0, 0, 0, 9, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 1]);
  // Block means 2.25, 2, 0, 0.25 and maxima 9, 2, 0, 1: both keep the first row's two blocks.
  for (const pooling of ['AVG', 'MAX'] as const) {
    assert.deepEqual(
      Array.from(blockMask(values, [2, 8], [1, 4], pooling, 0.5).mask),
      [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
    );
  }
  // One block kept: the mean picks the [3, 3, 3, 3] block, the maximum the [0, 0, 0, 8] block.
  const differ = Float32Array.from([0, 0, 0, 8, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(
    Array.from(blockMask(differ, [2, 8], [1, 4], 'AVG', 0.75).mask),
    [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
  );
  assert.deepEqual(
    Array.from(blockMask(differ, [2, 8], [1, 4], 'MAX', 0.75).mask),
    [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  );
  // Like tf.squeeze upstream, a [1, n] weight is rank 1 after squeezing and fails.
  assert.throws(() => blockMask(values, [1, 16], [1, 4], 'AVG', 0.5), /factorized_pool\(\) accepts tensors of rank 2 only/);
});

test("block mask keeps upstream's 'SAME' pooling quirk on partial blocks", () => {
  // Rows of 6 with [1,4]: TF 'SAME' pools columns {0,1,2} and {3,4,5} (one pad column before), but the mask expands
  // block 0 over columns 0-3 and block 1 over columns 4-5.
  const values = Float32Array.from([1, 1, 1, 5, 5, 5, 1, 1, 1, 1, 1, 1]);
  const update = blockMask(values, [2, 6], [1, 4], 'AVG', 0.75);
  assert.deepEqual(Array.from(update.mask), [0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0]);
  assert.equal(update.threshold, 5);
  assert.equal(zeros(update.mask), 10);
});
