import type { Hash } from 'node:crypto';
import { UserError } from '../util/errors';
import { CIFAR10_CLASS_NAMES, IMAGE_BYTES } from './cifar10-classes';
import { limitedCounts } from './split-counts';
import { allocateSplit } from './split-views';
import type { SourceFile, SourceTree } from './source-tree';
import { describeFile, parentDir } from './source-tree';
import type { DatasetProgress, Split } from './types';

/** One record of the binary release: a label byte, then the R, G and B planes (32 x 32 each, row-major). */
export const RECORD_BYTES = 1 + IMAGE_BYTES;
const PLANE = IMAGE_BYTES / 3;
const BATCH_NAME = /^(?:data_batch_(\d+)|test_batch)\.bin$/;

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** True when the tree holds the official binary release (data_batch_N.bin / test_batch.bin). */
export function isCifarBinaryTree(tree: SourceTree): boolean {
  return tree.files.some((file) => BATCH_NAME.test(baseName(file.path)));
}

/**
 * Copies `count` records into `into` from image `first` on, turning the planar layout into HWC.
 * Labels must name one of `classCount` classes.
 */
export function convertRecords(
  bytes: Uint8Array,
  count: number,
  into: Split,
  first: number,
  classCount: number,
  name: string,
): void {
  const images = into.images;
  for (let r = 0; r < count; r++) {
    const base = r * RECORD_BYTES;
    const label = bytes[base]!;
    if (label >= classCount) {
      throw new UserError(
        'DATA_BAD_BIN',
        `${name}: record ${r} has label ${label}, but there are only ${classCount} classes.`,
        'The file is corrupt or not a CIFAR-10 batch; download it again.',
      );
    }
    into.labels[first + r] = label;
    const red = bytes.subarray(base + 1, base + 1 + PLANE);
    const green = bytes.subarray(base + 1 + PLANE, base + 1 + 2 * PLANE);
    const blue = bytes.subarray(base + 1 + 2 * PLANE, base + 1 + 3 * PLANE);
    let o = (first + r) * IMAGE_BYTES;
    for (let p = 0; p < PLANE; p++) {
      images[o++] = red[p]!;
      images[o++] = green[p]!;
      images[o++] = blue[p]!;
    }
  }
}

export interface CifarBinaryParts {
  classNames: string[];
  /** The training files in record order (data_batch_1 first), before validation is held out. */
  trainFiles: Split;
  test: Split;
  /** Records available before any limit. */
  totals: { train: number; test: number };
}

export interface CifarBinaryOptions {
  limit?: number;
  /** Fed the path, size and bytes of every file used (also those a limit skips), for a content fingerprint. */
  hash?: Hash;
  onProgress?: (progress: DatasetProgress) => void;
  signal?: AbortSignal;
}

/** Reads data_batch_1..N.bin and test_batch.bin (and batches.meta.txt when present) from one folder of the tree. */
export async function loadCifarBinary(tree: SourceTree, options: CifarBinaryOptions = {}): Promise<CifarBinaryParts> {
  const { dataBatches, testBatch, meta } = findBatchFiles(tree);
  for (const file of [...dataBatches, testBatch]) checkRecordSize(tree, file);
  const readFile = async (file: SourceFile): Promise<Uint8Array> => {
    options.signal?.throwIfAborted();
    const bytes = await file.read();
    options.hash?.update(`${file.path}\0${bytes.length}\0`).update(bytes);
    return bytes;
  };
  const classNames = meta ? parseMeta(await readFile(meta)) : [...CIFAR10_CLASS_NAMES];
  const totals = {
    train: dataBatches.reduce((sum, file) => sum + file.size / RECORD_BYTES, 0),
    test: testBatch.size / RECORD_BYTES,
  };
  const counts = limitedCounts(totals.train, totals.test, options.limit);
  const trainFiles = allocateSplit(counts.train);
  const test = allocateSplit(counts.test);
  const progressTotal = counts.train + counts.test;
  let done = 0;
  const fill = async (files: SourceFile[], into: Split): Promise<void> => {
    let filled = 0;
    for (const file of files) {
      if (filled === into.count && !options.hash) break;
      const bytes = await readFile(file);
      const name = describeFile(tree, file.path);
      if (bytes.length !== file.size) checkRecordSize(tree, { ...file, size: bytes.length });
      const take = Math.min(bytes.length / RECORD_BYTES, into.count - filled);
      convertRecords(bytes, take, into, filled, classNames.length, name);
      file.release?.();
      filled += take;
      done += take;
      if (take > 0) options.onProgress?.({ phase: 'decode', done, total: progressTotal, file: name });
    }
  };
  await fill(dataBatches, trainFiles);
  await fill([testBatch], test);
  return { classNames, trainFiles, test, totals };
}

function findBatchFiles(tree: SourceTree): { dataBatches: SourceFile[]; testBatch: SourceFile; meta: SourceFile | undefined } {
  const tests = tree.files.filter((file) => baseName(file.path) === 'test_batch.bin');
  if (tests.length === 0) {
    throw new UserError(
      'DATA_BAD_BIN',
      `${tree.origin} has data_batch_*.bin files but no test_batch.bin.`,
      'Use the complete cifar-10-batches-bin folder of the official release.',
    );
  }
  if (tests.length > 1) {
    throw new UserError(
      'DATA_UNRECOGNIZED',
      `${tree.origin} holds more than one test_batch.bin (${tests.map((f) => f.path).join(', ')}).`,
      'Point to the one cifar-10-batches-bin folder to use.',
    );
  }
  const testBatch = tests[0]!;
  const dir = parentDir(testBatch.path);
  const inDir = tree.files.filter((file) => parentDir(file.path) === dir);
  const numbered = inDir
    .map((file) => ({ file, n: Number(BATCH_NAME.exec(baseName(file.path))?.[1]) }))
    .filter((item) => Number.isInteger(item.n))
    .sort((a, b) => a.n - b.n);
  const where = describeFile(tree, dir === '' ? '.' : dir);
  if (numbered.length === 0) {
    throw new UserError(
      'DATA_BAD_BIN',
      `${where} has test_batch.bin but no data_batch_1.bin.`,
      'Use the complete cifar-10-batches-bin folder of the official release.',
    );
  }
  numbered.forEach((item, i) => {
    if (item.n !== i + 1) {
      throw new UserError(
        'DATA_BAD_BIN',
        `${where}: data_batch_${i + 1}.bin is missing (found data_batch_${item.n}.bin).`,
        'The training batches must be numbered 1, 2, 3, ... without gaps.',
      );
    }
  });
  const meta = inDir.find((file) => baseName(file.path) === 'batches.meta.txt');
  return { dataBatches: numbered.map((item) => item.file), testBatch, meta };
}

function checkRecordSize(tree: SourceTree, file: SourceFile): void {
  if (file.size === 0 || file.size % RECORD_BYTES !== 0) {
    throw new UserError(
      'DATA_BAD_BIN',
      `${describeFile(tree, file.path)} is ${file.size} bytes, not a whole number of ${RECORD_BYTES}-byte records (1 label byte + 3,072 pixel bytes).`,
      'The file is truncated or is not a CIFAR-10 binary batch; download the release again.',
    );
  }
}

/** batches.meta.txt: one class name per line, blank lines ignored. */
function parseMeta(bytes: Uint8Array): string[] {
  const names = new TextDecoder()
    .decode(bytes)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return names.length > 0 ? names : [...CIFAR10_CLASS_NAMES];
}
