import type { ModelSpec } from '../../../shared/model-spec';

export type BatchSizeChoice = number | 'auto';

/** The reference guide's batch size, which `auto` keeps whenever the data set is large enough for it. */
export const GUIDE_BATCH_SIZE = 128;
const AUTO_CANDIDATES = [GUIDE_BATCH_SIZE, 64, 32, 16];
/** What is left of the moving statistics' starting values (mean 0, variance 1) that still counts as "settled". */
const SETTLED_REMAINDER = 0.05;

/** The largest batch-norm momentum of a model (Keras' default 0.99), or undefined when it has no batch norm. */
function batchNormMomentum(spec: ModelSpec): number | undefined {
  const momenta = spec.layers.flatMap((l) => (l.type === 'BatchNormalization' ? [l.momentum] : []));
  return momenta.length ? Math.max(...momenta) : undefined;
}

/**
 * Training steps for batch norm's moving mean and variance (used at evaluation) to forget their starting values:
 * after n steps momentum^n of them remains. With 0.99 that takes 299 steps; fewer, and the model evaluates near
 * chance however well it trained (the bundled sample at batch 128 gives 15 steps an epoch: 150 in 10 epochs).
 */
export function stepsForBatchNorm(spec: ModelSpec): number {
  const momentum = batchNormMomentum(spec);
  return momentum === undefined || momentum <= 0 ? 0 : Math.ceil(Math.log(SETTLED_REMAINDER) / Math.log(momentum));
}

export interface ResolvedBatchSize {
  batchSize: number;
  steps: number;
  /** Set when the run will have too few steps for batch norm, with the fix. */
  warning?: string;
}

/** `auto`: the guide's 128 unless that gives batch norm too few steps, then the largest of 64, 32, 16 that does not. */
export function resolveBatchSize(choice: BatchSizeChoice, spec: ModelSpec, trainImages: number, epochs: number): ResolvedBatchSize {
  const needed = stepsForBatchNorm(spec);
  const stepsAt = (batch: number) => Math.ceil(trainImages / batch) * epochs;
  const auto = AUTO_CANDIDATES.find((b) => stepsAt(b) >= needed) ?? AUTO_CANDIDATES[AUTO_CANDIDATES.length - 1]!;
  const batchSize = choice === 'auto' ? auto : choice;
  const steps = stepsAt(batchSize);
  if (steps >= needed) return { batchSize, steps };
  const momentum = batchNormMomentum(spec)!;
  const fix =
    stepsAt(auto) >= needed
      ? `Use --batch-size ${auto} (or the default, auto)`
      : `Use more epochs (at --batch-size 16, at least ${Math.ceil(needed / Math.ceil(trainImages / 16))}) or more training images`;
  return {
    batchSize,
    steps,
    warning:
      `only ${steps} training steps (${trainImages} images / batch ${batchSize} x ${epochs} epochs): batch norm's moving ` +
      `statistics (momentum ${momentum}) need about ${needed} to settle, so test accuracy will stay near chance. ${fix}.`,
  };
}

/** A warning when a test accuracy is at chance level (within 5 points of 1 / classes), else undefined. */
export function chanceLevelWarning(accuracy: number, classes: number, stepsWarning?: string): string | undefined {
  const chance = 1 / classes;
  if (!(accuracy < chance + 0.05)) return undefined;
  return (
    `test accuracy ${(accuracy * 100).toFixed(1)} % is at chance level (${(chance * 100).toFixed(1)} % for ${classes} classes): the model learned nothing usable. ` +
    (stepsWarning ? 'See the warning about training steps above.' : 'Try more epochs, a smaller --batch-size, or check the data set labels.')
  );
}
