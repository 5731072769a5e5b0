import type { LatencyStats } from '../../../shared/benchmark-result';
import { finiteOrNull } from './finite';
import { maximum, mean, median, minimum, quantile, quantileInPlace, sampleStd } from './stats';
import type { LatencySummary } from './types';

export interface RepetitionLatency {
  stats: LatencyStats;
  runsUs?: number[];
}

/**
 * Latency statistics over all repetitions of one model on one device.
 * With every repetition's per-run latencies (host runs) all statistics come from the pooled runs.
 * Phones print stats only: avg, min, max and the sample std are then pooled exactly from the per-repetition
 * count/avg/std (within- plus between-repetition sums of squares); median and p90 cannot be recovered from
 * stats, so they are taken over the repetition averages (for a single repetition: the tool's own, if it printed them).
 */
export function poolLatency(repetitions: readonly RepetitionLatency[]): LatencySummary {
  const usable = repetitions.filter((r) => r.stats.count > 0);
  const runs = pooledRuns(usable);
  if (runs) {
    return {
      count: runs.length,
      avg: mean(runs),
      median: median(runs),
      min: minimum(runs),
      max: maximum(runs),
      std: sampleStd(runs),
      p90: quantile(runs, 0.9),
      source: 'runs',
    };
  }
  return poolStats(usable.map((r) => r.stats));
}

/** Every per-run latency of the repetitions, when all of them recorded theirs. */
function pooledRuns(usable: readonly RepetitionLatency[]): number[] | undefined {
  return usable.length > 0 && usable.every((r) => r.runsUs !== undefined && r.runsUs.length > 0)
    ? usable.flatMap((r) => r.runsUs!)
    : undefined;
}

/**
 * The one typical latency of a model on a device: the median `poolLatency` reports (of the pooled runs, else of the
 * repetition averages, else a single repetition's printed median), or, when there is none (one stats-only
 * repetition from a tool that prints no median), that repetition's average. The speed-up is the ratio of these.
 */
export function typicalLatency(repetitions: readonly RepetitionLatency[]): { value: number | null; basis: 'median' | 'mean' } {
  const usable = repetitions.filter((r) => r.stats.count > 0);
  if (usable.length === 0) return { value: null, basis: 'median' };
  if (usable.every((r) => r.runsUs !== undefined && r.runsUs.length > 0)) {
    const all = new Float64Array(usable.reduce((n, r) => n + r.runsUs!.length, 0));
    let offset = 0;
    for (const r of usable) {
      all.set(r.runsUs!, offset);
      offset += r.runsUs!.length;
    }
    return { value: quantileInPlace(all, 0.5), basis: 'median' };
  }
  if (usable.length >= 2) return { value: median(usable.map((r) => r.stats.avg)), basis: 'median' };
  const single = usable[0]!.stats;
  const printed = finiteOrNull(single.median);
  return printed !== null ? { value: printed, basis: 'median' } : { value: finiteOrNull(single.avg), basis: 'mean' };
}

function poolStats(stats: readonly LatencyStats[]): LatencySummary {
  const count = stats.reduce((n, s) => n + s.count, 0);
  if (count === 0) {
    return { count: 0, avg: null, median: null, min: null, max: null, std: null, p90: null, source: 'repetition-stats' };
  }
  const avg = stats.reduce((sum, s) => sum + s.count * s.avg, 0) / count;
  const squares = stats.reduce((sum, s) => sum + (s.count - 1) * s.std ** 2 + s.count * (s.avg - avg) ** 2, 0);
  const averages = stats.map((s) => s.avg);
  const single = stats.length === 1 ? stats[0] : undefined;
  return {
    count,
    avg,
    median: finiteOrNull(single ? single.median : median(averages)),
    min: minimum(stats.map((s) => s.min)),
    max: maximum(stats.map((s) => s.max)),
    std: count > 1 ? Math.sqrt(squares / (count - 1)) : 0,
    p90: finiteOrNull(single ? single.p90 : stats.length >= 2 ? quantile(averages, 0.9) : undefined),
    source: 'repetition-stats',
  };
}
