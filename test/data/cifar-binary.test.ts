import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { CIFAR10_CLASS_NAMES } from '../../electron/core/data/cifar10-classes';
import { loadDataset } from '../../electron/core/data/load';
import type { Split } from '../../electron/core/data/types';
import { UserError } from '../../electron/core/util/errors';
import { cifarRecords, makeTarGz, pixelOf, tempDir, writeFiles } from './fixtures';

const pixel = (split: Split, image: number, y: number, x: number, c: number): number =>
  split.images[image * 3072 + (y * 32 + x) * 3 + c]!;
const rejects =
  (code: string, ...words: string[]) =>
  (error: unknown): boolean => {
    assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
    assert.equal(error.code, code);
    for (const word of words) assert.ok(error.message.includes(word), `"${error.message}" should mention ${word}`);
    return true;
  };

/** 3 + 2 training records and 2 test records; labels 0..4, image numbers continue across files. */
function tinyRelease(meta?: string): Record<string, Uint8Array | string> {
  return {
    'cifar-10-batches-bin/data_batch_1.bin': cifarRecords([3, 1, 4], 0),
    'cifar-10-batches-bin/data_batch_2.bin': cifarRecords([0, 2], 3),
    'cifar-10-batches-bin/test_batch.bin': cifarRecords([4, 0], 100),
    'cifar-10-batches-bin/readme.html': '<p>ignored</p>',
    ...(meta === undefined ? {} : { 'cifar-10-batches-bin/batches.meta.txt': meta }),
  };
}

test('a cifar-10-batches-bin folder loads in record order, converted from R,G,B planes to HWC', async (t) => {
  const dir = await tempDir(t);
  await writeFiles(dir, tinyRelease('zero\none\ntwo\nthree\nfour\n\n'));
  const data = await loadDataset(join(dir, 'cifar-10-batches-bin'), { cacheDir: join(dir, 'cache') });
  assert.deepEqual(data.classNames, ['zero', 'one', 'two', 'three', 'four']);
  assert.deepEqual([data.train.count, data.validation.count, data.test.count], [4, 1, 2]);
  assert.deepEqual(Array.from(data.train.labels), [3, 1, 4, 0]);
  assert.deepEqual(Array.from(data.validation.labels), [2]);
  assert.deepEqual(Array.from(data.test.labels), [4, 0]);
  for (const [y, x, c] of [
    [0, 0, 0],
    [1, 2, 1],
    [31, 30, 2],
    [17, 5, 0],
  ] as const) {
    assert.equal(pixel(data.train, 0, y, x, c), pixelOf(0, y, x, c));
    assert.equal(pixel(data.train, 3, y, x, c), pixelOf(3, y, x, c));
    assert.equal(pixel(data.validation, 0, y, x, c), pixelOf(4, y, x, c));
    assert.equal(pixel(data.test, 1, y, x, c), pixelOf(101, y, x, c));
  }
  assert.deepEqual(data.imageShape, [32, 32, 3]);
  assert.equal(data.source, join(dir, 'cifar-10-batches-bin'));
  assert.match(data.fingerprint, /^[0-9a-f]{64}$/);
  // The parent folder works too, and without batches.meta.txt the official class names are used.
  const plain = await tempDir(t);
  await writeFiles(plain, tinyRelease());
  const fromParent = await loadDataset(plain, { cacheDir: join(plain, 'cache') });
  assert.deepEqual(fromParent.classNames, CIFAR10_CLASS_NAMES);
  assert.deepEqual(fromParent.train.images, data.train.images);
});

test('cifar-10-binary.tar.gz loads the same data; its fingerprint is the archive sha256', async (t) => {
  const dir = await tempDir(t);
  const files = tinyRelease();
  const archive = makeTarGz([
    { path: 'cifar-10-batches-bin/', type: 'dir' },
    ...Object.entries(files).map(([path, content]) => ({ path, content })),
  ]);
  await writeFile(join(dir, 'cifar-10-binary.tar.gz'), archive);
  await writeFiles(join(dir, 'folder'), files);
  const fromTar = await loadDataset(join(dir, 'cifar-10-binary.tar.gz'), { cacheDir: join(dir, 'cache') });
  const fromFolder = await loadDataset(join(dir, 'folder'), { cacheDir: join(dir, 'cache') });
  assert.deepEqual(fromTar.train, fromFolder.train);
  assert.deepEqual(fromTar.validation, fromFolder.validation);
  assert.deepEqual(fromTar.test, fromFolder.test);
  assert.equal(fromTar.fingerprint, createHash('sha256').update(archive).digest('hex'));
});

test('limit takes the first N training records and N / 5 test records', async (t) => {
  const dir = await tempDir(t);
  const labels = (n: number): number[] => Array.from({ length: n }, (_, i) => i % 10);
  await writeFiles(dir, {
    'data_batch_1.bin': cifarRecords(labels(12), 0),
    'data_batch_2.bin': cifarRecords(labels(13), 12),
    'test_batch.bin': cifarRecords(labels(5), 50),
  });
  const data = await loadDataset(dir, { limit: 15, cacheDir: join(dir, 'cache') });
  assert.deepEqual([data.train.count, data.validation.count, data.test.count], [13, 2, 3]);
  assert.equal(pixel(data.validation, 1, 3, 4, 2), pixelOf(14, 3, 4, 2));
  const full = await loadDataset(dir, { cacheDir: join(dir, 'cache') });
  assert.equal(data.fingerprint, `${full.fingerprint}/limit=15`);
  await assert.rejects(loadDataset(dir, { limit: 1 }), rejects('DATA_BAD_LIMIT'));
});

test('damaged binary releases are refused with the file named', async (t) => {
  const cases: [string, Record<string, Uint8Array | string>, string, string[]][] = [
    [
      'truncated batch',
      { 'data_batch_1.bin': cifarRecords([1, 2]).subarray(0, 6000), 'test_batch.bin': cifarRecords([1]) },
      'DATA_BAD_BIN',
      ['data_batch_1.bin', '6000 bytes'],
    ],
    [
      'empty batch',
      { 'data_batch_1.bin': cifarRecords([1]), 'test_batch.bin': new Uint8Array(0) },
      'DATA_BAD_BIN',
      ['test_batch.bin', '0 bytes'],
    ],
    ['no test batch', { 'data_batch_1.bin': cifarRecords([1]) }, 'DATA_BAD_BIN', ['test_batch.bin']],
    ['no training batch', { 'test_batch.bin': cifarRecords([1]) }, 'DATA_BAD_BIN', ['data_batch_1.bin']],
    [
      'gap in numbering',
      { 'data_batch_1.bin': cifarRecords([1]), 'data_batch_3.bin': cifarRecords([1]), 'test_batch.bin': cifarRecords([1]) },
      'DATA_BAD_BIN',
      ['data_batch_2.bin'],
    ],
    [
      'label out of range',
      { 'data_batch_1.bin': cifarRecords([1, 10]), 'test_batch.bin': cifarRecords([1]) },
      'DATA_BAD_BIN',
      ['data_batch_1.bin', 'label 10'],
    ],
  ];
  for (const [name, files, code, words] of cases) {
    const dir = await tempDir(t);
    await writeFiles(dir, files);
    await assert.rejects(loadDataset(dir, { cacheDir: join(dir, 'cache') }), rejects(code, ...words), name);
  }
});

test('a truncated cifar-10-binary.tar.gz is refused with the archive named', async (t) => {
  const dir = await tempDir(t);
  const archive = makeTarGz(Object.entries(tinyRelease()).map(([path, content]) => ({ path, content })));
  await writeFile(join(dir, 'cut.tar.gz'), archive.subarray(0, Math.floor(archive.length / 2)));
  await assert.rejects(
    loadDataset(join(dir, 'cut.tar.gz'), { cacheDir: join(dir, 'cache') }),
    rejects('DATA_BAD_ARCHIVE', 'cut.tar.gz'),
  );
  await writeFile(join(dir, 'not-an-archive.tar.gz'), 'hello');
  await assert.rejects(
    loadDataset(join(dir, 'not-an-archive.tar.gz'), { cacheDir: join(dir, 'cache') }),
    rejects('DATA_BAD_ARCHIVE', 'not-an-archive.tar.gz'),
  );
});

test('the full-size release splits into 45,000 / 5,000 / 10,000 uint8 images', async (t) => {
  const dir = await tempDir(t);
  const batch = cifarRecords(Array.from({ length: 10_000 }, (_, i) => i % 10));
  for (const name of ['data_batch_1', 'data_batch_2', 'data_batch_3', 'data_batch_4', 'data_batch_5', 'test_batch']) {
    await writeFile(join(dir, `${name}.bin`), batch);
  }
  const data = await loadDataset(dir, { cacheDir: join(dir, 'cache') });
  assert.deepEqual([data.train.count, data.validation.count, data.test.count], [45_000, 5_000, 10_000]);
  // Training and validation are views of one buffer: the whole set costs 60,000 x 3,073 bytes.
  assert.equal(data.train.images.buffer, data.validation.images.buffer);
  assert.equal(data.train.images.byteLength + data.validation.images.byteLength + data.test.images.byteLength, 60_000 * 3072);
  assert.equal(pixel(data.validation, 0, 9, 8, 1), pixelOf(5_000, 9, 8, 1));
  assert.equal(pixel(data.train, 44_999, 9, 8, 1), pixelOf(4_999, 9, 8, 1));
  assert.equal(data.validation.labels[4_999], 9);
  assert.deepEqual((await readFile(join(dir, 'test_batch.bin'))).length, 10_000 * 3073);
});
