import { createRng, type Rng } from '../util/rng';
import { typicalLatency, type RepetitionLatency } from './pooled-latency';
import { median } from './stats';

export { SPEEDUP_DEFINITION } from './speedup-definition';

export const BOOTSTRAP_RESAMPLES = 2000;
export const BOOTSTRAP_SEED = 20240611;
export const CI_LEVEL = 0.95;

/** What the speed-up is the ratio of; the same statistic as the report's latency table. */
export type SpeedupBasis = 'median' | 'mean';

export interface SpeedupEstimate {
  /** typical(dense) / typical(pruned), see `typicalLatency`; above 1 the pruned model is faster. */
  speedup: number | null;
  basis: SpeedupBasis | null;
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

function usable(repetitions: readonly RepetitionLatency[]): RepetitionLatency[] {
  return repetitions.filter((r) => r.stats.count > 0);
}

function resample<T>(values: readonly T[], rng: Rng): T[] {
  return Array.from({ length: values.length }, () => values[rng.int(values.length)]!);
}

/**
 * Percentile bootstrap of statistic(dense) / statistic(pruned), resampling each side independently with a fixed seed.
 * The point estimate is the same statistic on the original samples, so interval and point come from one estimator.
 */
export function bootstrapRatio<T>(
  dense: readonly T[],
  pruned: readonly T[],
  statistic: (sample: readonly T[]) => number,
  resamples = BOOTSTRAP_RESAMPLES,
  seed = BOOTSTRAP_SEED,
): { low: number; high: number } {
  const rng = createRng(seed);
  const ratios = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) ratios[b] = statistic(resample(dense, rng)) / statistic(resample(pruned, rng));
  ratios.sort();
  const alpha = (1 - CI_LEVEL) / 2;
  const at = (q: number): number => ratios[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]!;
  return { low: at(alpha), high: at(1 - alpha) };
}

const typicalOrNaN = (reps: readonly RepetitionLatency[]): number => typicalLatency(reps).value ?? NaN;

/**
 * The dense/pruned speed-up with a 95 % confidence interval, both from one statistic: the ratio of the typical
 * latencies the report's latency table shows (`typicalLatency`). Repetitions (separate benchmark processes) are
 * resampled as whole units when both models have at least two; otherwise single runs are, which ignores drift
 * between processes and so gives a narrower interval (the note says so).
 */
export function estimateSpeedup(dense: readonly RepetitionLatency[], pruned: readonly RepetitionLatency[]): SpeedupEstimate {
  const d = usable(dense);
  const p = usable(pruned);
  const typicalDense = typicalLatency(d);
  const typicalPruned = typicalLatency(p);
  const speedup =
    typicalDense.value !== null && typicalPruned.value !== null ? typicalDense.value / typicalPruned.value : null;
  if (speedup === null || !Number.isFinite(speedup) || speedup <= 0) {
    return { speedup: null, basis: null, ci: null, note: 'No latency for one of the two models.' };
  }
  const basis: SpeedupBasis = typicalDense.basis === 'mean' || typicalPruned.basis === 'mean' ? 'mean' : 'median';
  const what =
    basis === 'median'
      ? 'ratio of median latencies'
      : 'ratio of average latencies (a single repetition whose tool printed no median)';
  const base = { resamples: BOOTSTRAP_RESAMPLES, seed: BOOTSTRAP_SEED, level: CI_LEVEL };
  if (basis === 'median' && d.length >= 2 && p.length >= 2) {
    return {
      speedup,
      basis,
      ci: { ...bootstrapRatio(d, p, typicalOrNaN), method: 'bootstrap-repetitions', ...base },
      note: `${what}; interval: percentile bootstrap of that ratio over whole repetitions (${d.length} dense, ${p.length} pruned).`,
    };
  }
  const denseRuns = d.every((r) => r.runsUs?.length) ? d.flatMap((r) => r.runsUs!) : [];
  const prunedRuns = p.every((r) => r.runsUs?.length) ? p.flatMap((r) => r.runsUs!) : [];
  if (basis === 'median' && denseRuns.length >= 2 && prunedRuns.length >= 2) {
    // With one repetition per side the table's median is the median of its runs, so this is the same statistic.
    return {
      speedup,
      basis,
      ci: { ...bootstrapRatio(denseRuns, prunedRuns, median), method: 'bootstrap-runs', ...base },
      note: `${what}; fewer than two repetitions: interval from a bootstrap over single runs, which understates run-to-run drift. Use --repeat 5 or more.`,
    };
  }
  return {
    speedup,
    basis,
    ci: null,
    note: `${what}; fewer than two repetitions and no per-run latencies: no confidence interval. Use --repeat 5 or more.`,
  };
}
