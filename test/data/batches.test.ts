import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_BATCH_SIZE, iterateBatches } from '../../electron/core/data/batches';
import type { Split } from '../../electron/core/data/types';
import { createRng } from '../../electron/core/util/rng';

/** Image i is filled with the byte i (so every batch row says which image it came from). */
function numberedSplit(count: number): Split {
  const images = new Uint8Array(count * 3072);
  for (let i = 0; i < count; i++) images.fill(i, i * 3072, (i + 1) * 3072);
  return { images, labels: Uint8Array.from({ length: count }, (_, i) => i % 10), count };
}

const order = (split: Split, options: Parameters<typeof iterateBatches>[2], batchSize = 4): number[] =>
  [...iterateBatches(split, batchSize, options)].flatMap((b) =>
    Array.from({ length: b.size }, (_, i) => Math.round(b.x[i * 3072]! * 255)),
  );

test('batches cover the split in order, the last one partial, pixels scaled to [0, 1]', () => {
  assert.equal(DEFAULT_BATCH_SIZE, 128);
  const split = numberedSplit(10);
  const batches = [...iterateBatches(split, 4, { shuffle: false })];
  assert.deepEqual(
    batches.map((b) => b.size),
    [4, 4, 2],
  );
  assert.deepEqual(
    batches.map((b) => b.x.length),
    [4 * 3072, 4 * 3072, 2 * 3072],
  );
  assert.deepEqual(Array.from(batches[2]!.labels), [8, 9]);
  assert.ok(batches[0]!.labels instanceof Int32Array && batches[0]!.x instanceof Float32Array);
  assert.equal(batches[1]!.x[3 * 3072 + 100], Math.fround(7 / 255));
  assert.deepEqual(order(split, { shuffle: false }), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const full = numberedSplit(256);
  const [first] = iterateBatches(full, 256, {});
  assert.equal(
    first!.x.reduce((a, b) => Math.max(a, b)),
    1,
  );
  assert.equal(
    first!.x.reduce((a, b) => Math.min(a, b)),
    0,
  );
});

test('shuffling is deterministic per seed, differs per epoch, and visits every image once', () => {
  const split = numberedSplit(50);
  const a = order(split, { shuffle: true, seed: 7, epoch: 0 });
  assert.deepEqual(order(split, { shuffle: true, seed: 7, epoch: 0 }), a);
  assert.notDeepEqual(order(split, { shuffle: true, seed: 7, epoch: 1 }), a);
  assert.notDeepEqual(order(split, { shuffle: true, seed: 8, epoch: 0 }), a);
  assert.deepEqual(
    [...a].sort((x, y) => x - y),
    Array.from({ length: 50 }, (_, i) => i),
  );
  assert.notDeepEqual(
    a,
    Array.from({ length: 50 }, (_, i) => i),
  );

  const rng = createRng(3);
  const epoch1 = order(split, { shuffle: true, rng });
  const epoch2 = order(split, { shuffle: true, rng });
  assert.notDeepEqual(epoch1, epoch2);
  const again = createRng(3);
  assert.deepEqual(order(split, { shuffle: true, rng: again }), epoch1);
  assert.deepEqual(order(split, { shuffle: true, rng: again }), epoch2);
});

test('labels travel with their images when shuffled', () => {
  const split = numberedSplit(30);
  for (const batch of iterateBatches(split, 8, { shuffle: true, seed: 1 })) {
    for (let i = 0; i < batch.size; i++) assert.equal(batch.labels[i], Math.round(batch.x[i * 3072]! * 255) % 10);
  }
});

test('a bad batch size is refused', () => {
  assert.throws(() => [...iterateBatches(numberedSplit(3), 0)], RangeError);
});
