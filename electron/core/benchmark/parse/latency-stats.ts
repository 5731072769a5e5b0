import type { LatencyStats } from '../../../../shared/benchmark-result';
import type { StatLine } from './stat-line';

/**
 * Turns a `count=` line into LatencyStats (µs). Only what the tool printed is filled in: classic builds print no
 * median or percentiles, so those stay absent. Returns undefined when the line lacks avg/min/max/std and is not the
 * single-value form (`count=1 curr=X`, `curr=X(all same)`), whose min = max = avg = median = X and std = 0.
 */
export function latencyStatsFromStatLine(stat: StatLine): LatencyStats | undefined {
  const single = stat.count === 1 || stat.allSame === true;
  if (single && stat.curr !== undefined && stat.avg === undefined) {
    const x = stat.curr;
    return { count: stat.count, avg: x, median: x, min: x, max: x, std: 0 };
  }
  if (stat.avg === undefined || stat.min === undefined || stat.max === undefined || stat.std === undefined) {
    return undefined;
  }
  const stats: LatencyStats = { count: stat.count, avg: stat.avg, min: stat.min, max: stat.max, std: stat.std };
  if (stat.median !== undefined) stats.median = stat.median;
  if (stat.p5 !== undefined) stats.p5 = stat.p5;
  if (stat.p95 !== undefined) stats.p95 = stat.p95;
  return stats;
}
