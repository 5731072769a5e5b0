import type { Batch } from '../train/types';
import { UserError } from '../util/errors';
import type { Rng } from '../util/rng';
import { createRng, shuffleInPlace } from '../util/rng';
import { IMAGE_BYTES, IMAGE_SIDE } from './cifar10-classes';
import { unitResizer } from './resize-bilinear';
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
  /**
   * The model's input [height, width]: images (stored 32 x 32) are resized to it bilinearly, as tf.image.resize
   * does by default, then scaled to [0, 1]. Omitted or 32 x 32: the pixels as stored.
   */
  imageSize?: readonly [number, number];
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
  const write = imageWriter(options.imageSize);
  for (let start = 0; start < split.count; start += batchSize) {
    const size = Math.min(batchSize, split.count - start);
    const x = new Float32Array(size * write.bytes);
    const labels = new Int32Array(size);
    for (let b = 0; b < size; b++) {
      const index = order[start + b]!;
      labels[b] = split.labels[index]!;
      write.image(split.images.subarray(index * IMAGE_BYTES, (index + 1) * IMAGE_BYTES), x, b * write.bytes);
    }
    yield { x, labels, size };
  }
}

/** The [height, width] a model with this input shape reads; the data sets hold RGB, so it must take 3 channels. */
export function modelImageSize(inputShape: readonly [number, number, number], modelName: string): [number, number] {
  const [height, width, channels] = inputShape;
  if (channels !== 3) {
    throw new UserError(
      'INPUT_SHAPE_MISMATCH',
      `The model '${modelName}' takes ${channels}-channel input (${height}x${width}x${channels}), but the data sets are RGB images (3 channels)`,
      'Use a model whose input has 3 channels (RGB).',
    );
  }
  return [height, width];
}

/** Whether images reach a model of this input size resized (for run records). */
export function resizedFrom(imageSize: readonly [number, number]): [number, number] | null {
  return imageSize[0] === IMAGE_SIDE && imageSize[1] === IMAGE_SIDE ? null : [IMAGE_SIDE, IMAGE_SIDE];
}

function imageWriter(imageSize: readonly [number, number] | undefined): {
  bytes: number;
  image: (source: Uint8Array, x: Float32Array, offset: number) => void;
} {
  if (!imageSize || !resizedFrom(imageSize)) {
    return {
      bytes: IMAGE_BYTES,
      image: (source, x, offset) => {
        for (let p = 0; p < IMAGE_BYTES; p++) x[offset + p] = BYTE_TO_UNIT[source[p]!]!;
      },
    };
  }
  const [height, width] = imageSize;
  if (!Number.isInteger(height) || !Number.isInteger(width) || height < 1 || width < 1)
    throw new RangeError(`image size must be positive integers, got ${height}x${width}`);
  return { bytes: height * width * 3, image: unitResizer(IMAGE_SIDE, IMAGE_SIDE, width, height, 1 / 255) };
}
