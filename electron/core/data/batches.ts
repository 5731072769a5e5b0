import type { Batch } from '../train/types';
import type { Rng } from '../util/rng';
import { createRng, shuffleInPlace } from '../util/rng';
import { IMAGE_BYTES } from './cifar10-classes';
import type { Split } from './types';

/** Keras' default is 32; the reference guide trains with 128. */
export const DEFAULT_BATCH_SIZE = 128;

export interface BatchOptions {
  /** Visit the images in a random order (training); off for evaluation. */
  shuffle?: boolean;
  /** Shuffle with this generator; pass the same one every epoch to get a new order each epoch. */
  rng?: Rng;
  /** Without `rng`: the order is a pure function of (seed, epoch). */
  seed?: number;
  epoch?: number;
}

const BYTE_TO_UNIT = Float32Array.from({ length: 256 }, (_, v) => v / 255);

/** Deterministically mixes seed and epoch into one 32-bit seed. */
function epochSeed(seed: number, epoch: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(epoch + 1, 0x85ebca6b)) >>> 0;
}

/**
 * Mini-batches over a split: pixels scaled to [0, 1] (NHWC float32), labels as int32. The last batch may be smaller.
 * Each batch is a fresh array (callers may keep it); only one batch of floats exists per step.
 */
export function* iterateBatches(
  split: Split,
  batchSize: number = DEFAULT_BATCH_SIZE,
  options: BatchOptions = {},
): Generator<Batch> {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batch size must be a positive integer, got ${batchSize}`);
  const order = new Uint32Array(split.count);
  for (let i = 0; i < order.length; i++) order[i] = i;
  if (options.shuffle) {
    shuffleInPlace(order, options.rng ?? createRng(epochSeed(options.seed ?? 0, options.epoch ?? 0)));
  }
  for (let start = 0; start < split.count; start += batchSize) {
    const size = Math.min(batchSize, split.count - start);
    const x = new Float32Array(size * IMAGE_BYTES);
    const labels = new Int32Array(size);
    for (let b = 0; b < size; b++) {
      const index = order[start + b]!;
      labels[b] = split.labels[index]!;
      const source = split.images.subarray(index * IMAGE_BYTES, (index + 1) * IMAGE_BYTES);
      const offset = b * IMAGE_BYTES;
      for (let p = 0; p < IMAGE_BYTES; p++) x[offset + p] = BYTE_TO_UNIT[source[p]!]!;
    }
    yield { x, labels, size };
  }
}
