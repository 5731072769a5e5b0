import type { LatencyStats } from '../../../shared/benchmark-result';

/** benchmark_model's statistics over per-run latencies (µs): population std, nearest-rank percentile. */
export function latencyStats(runsUs: number[]): LatencyStats {
  const count = runsUs.length;
  if (count === 0) return { count: 0, avg: 0, median: 0, min: 0, max: 0, std: 0, p90: 0 };
  const sorted = [...runsUs].sort((a, b) => a - b);
  const avg = runsUs.reduce((a, b) => a + b, 0) / count;
  const variance = runsUs.reduce((a, b) => a + (b - avg) ** 2, 0) / count;
  const mid = Math.floor(count / 2);
  const median: number = count % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    count,
    avg,
    median,
    min: sorted[0]!,
    max: sorted[count - 1]!,
    std: Math.sqrt(variance),
    p90: sorted[Math.max(0, Math.ceil(0.9 * count) - 1)]!,
  };
}

export function median(values: number[]): number {
  return latencyStats(values).median ?? 0;
}
