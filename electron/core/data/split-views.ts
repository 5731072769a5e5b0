import { IMAGE_BYTES } from './cifar10-classes';
import type { Split } from './types';
import { trainValidationCounts } from './split-counts';

/**
 * Images [start, start + count) of a split. `copy` detaches the result from the parent's buffer so the parent can be
 * freed (used when a limit keeps a small part of a large cached set).
 */
export function sliceSplit(split: Split, start: number, count: number, copy = false): Split {
  const images = split.images.subarray(start * IMAGE_BYTES, (start + count) * IMAGE_BYTES);
  const labels = split.labels.subarray(start, start + count);
  return copy ? { images: images.slice(), labels: labels.slice(), count } : { images, labels, count };
}

/** Training files in file order -> training = first 90 %, validation = last 10 % (views, no copy). */
export function holdOutValidation(trainFiles: Split): { train: Split; validation: Split } {
  const counts = trainValidationCounts(trainFiles.count);
  return {
    train: sliceSplit(trainFiles, 0, counts.train),
    validation: sliceSplit(trainFiles, counts.train, counts.validation),
  };
}

export function allocateSplit(count: number): Split {
  return { images: new Uint8Array(count * IMAGE_BYTES), labels: new Uint8Array(count), count };
}
