import type { Batch } from '../electron/core/train/types';
import { createRng } from '../electron/core/util/rng';

/** Seeded random CIFAR-shaped batches (pixels in [0, 1], labels 0..9): timing needs no data set. */
export function randomBatches(count: number, size: number, seed: number): Batch[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => ({
    x: Float32Array.from({ length: size * 32 * 32 * 3 }, () => rng.next()),
    labels: Int32Array.from({ length: size }, () => rng.int(10)),
    size,
  }));
}
