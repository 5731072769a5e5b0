import { UserError } from '../util/errors';

/** Share of the training files held out for validation, as Keras' `validation_split=0.1` in the reference guide. */
export const VALIDATION_FRACTION = 0.1;

/**
 * Keras' `train_validation_split`: the first floor(n * 0.9) samples train, the rest validate
 * (50,000 -> 45,000 + 5,000).
 */
export function trainValidationCounts(total: number): { train: number; validation: number } {
  const train = Math.floor(total * (1 - VALIDATION_FRACTION));
  if (train < 1 || train >= total) {
    throw new UserError(
      'DATA_TOO_SMALL',
      `${total} training image(s) cannot be split into training and validation (10 % held out).`,
      'Use at least 2 training images (raise --limit).',
    );
  }
  return { train, validation: total - train };
}

/**
 * How many files to use with `limit`: the first `limit` training files, and the test split cut in the same
 * proportion (CIFAR-10: limit / 5), at least one image and never more than there are.
 */
export function limitedCounts(trainTotal: number, testTotal: number, limit?: number): { train: number; test: number } {
  if (limit === undefined) return { train: trainTotal, test: testTotal };
  checkLimit(limit);
  const train = Math.min(limit, trainTotal);
  const test = Math.min(testTotal, Math.max(1, Math.round((train * testTotal) / trainTotal)));
  return { train, test };
}

export function checkLimit(limit: number | undefined): void {
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 2)) {
    throw new UserError('DATA_BAD_LIMIT', `The image limit must be a whole number of at least 2, got ${limit}.`);
  }
}
