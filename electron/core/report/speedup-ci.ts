import { createRng, type Rng } from '../util/rng';
import { mean, median } from './stats';

export const BOOTSTRAP_RESAMPLES = 2000;
export const BOOTSTRAP_SEED = 20240611;
export const CI_LEVEL = 0.95;

export interface SpeedupSamples {
  /** One typical latency per repetition (its median, else its mean; each repetition is a separate benchmark process). */
  denseRepetitions: number[];
  prunedRepetitions: number[];
  /** All per-run latencies, when the tool exposes them. */
  denseRuns?: number[];
  prunedRuns?: number[];
}

export interface SpeedupEstimate {
  /** dense / pruned typical latency (medians of all runs when known, else means of the repetitions); above 1 the pruned model is faster. */
  speedup: number | null;
  ci: {
    low: number;
    high: number;
    level: number;
    method: 'bootstrap-repetitions' | 'bootstrap-runs';
    resamples: number;
    seed: number;
  } | null;
  note: string;
}

function resampleMean(values: readonly number[], rng: Rng): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[rng.int(values.length)]!;
  return sum / values.length;
}

/** Percentile bootstrap of mean(dense)/mean(pruned), resampling each side independently with a fixed seed. */
export function bootstrapRatio(
  dense: readonly number[],
  pruned: readonly number[],
  resamples = BOOTSTRAP_RESAMPLES,
  seed = BOOTSTRAP_SEED,
): { low: number; high: number } {
  const rng = createRng(seed);
  const ratios = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) ratios[b] = resampleMean(dense, rng) / resampleMean(pruned, rng);
  ratios.sort();
  const alpha = (1 - CI_LEVEL) / 2;
  const at = (q: number): number => ratios[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]!;
  return { low: at(alpha), high: at(1 - alpha) };
}

/**
 * The dense/pruned speed-up with a 95 % confidence interval. Repetitions are the unit when both models have at
 * least two; otherwise per-run latencies are bootstrapped, which ignores drift between runs of one process and
 * so gives a narrower interval than repetitions would (the note says so).
 */
export function estimateSpeedup(samples: SpeedupSamples): SpeedupEstimate {
  const { denseRepetitions: dense, prunedRepetitions: pruned } = samples;
  // Per-run latencies carry rare scheduler spikes (milliseconds against microseconds): medians keep them from
  // dominating. Phones print only per-run averages, so there the repetitions' means are all there is.
  const runs =
    samples.denseRuns?.length && samples.prunedRuns?.length
      ? { dense: samples.denseRuns, pruned: samples.prunedRuns }
      : undefined;
  const speedup =
    dense.length && pruned.length ? (runs ? median(runs.dense) / median(runs.pruned) : mean(dense) / mean(pruned)) : null;
  const base = { resamples: BOOTSTRAP_RESAMPLES, seed: BOOTSTRAP_SEED, level: CI_LEVEL };
  if (speedup === null || !Number.isFinite(speedup)) {
    return { speedup: null, ci: null, note: 'No latency for one of the two models.' };
  }
  if (dense.length >= 2 && pruned.length >= 2) {
    return {
      speedup,
      ci: { ...bootstrapRatio(dense, pruned), method: 'bootstrap-repetitions', ...base },
      note: `Percentile bootstrap over repetitions (${dense.length} dense, ${pruned.length} pruned).`,
    };
  }
  if (samples.denseRuns && samples.prunedRuns && samples.denseRuns.length >= 2 && samples.prunedRuns.length >= 2) {
    return {
      speedup,
      ci: { ...bootstrapRatio(samples.denseRuns, samples.prunedRuns), method: 'bootstrap-runs', ...base },
      note: 'Fewer than two repetitions: bootstrap over single runs, which understates run-to-run drift. Use --repeat 5 or more.',
    };
  }
  return {
    speedup,
    ci: null,
    note: 'Fewer than two repetitions and no per-run latencies: no confidence interval. Use --repeat 5 or more.',
  };
}
