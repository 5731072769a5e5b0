import { median, quantile } from './stats';
import type { LatencyBox } from './types';

/** Outliers kept in the report for drawing; the count says how many there were in all. */
export const MAX_OUTLIERS = 200;

/**
 * Tukey box statistics of latencies (µs): quartiles (R type 7), whiskers at the most extreme values within
 * 1.5 IQR of the box, everything beyond them an outlier. `over` says what the values are: every timed run, or
 * one average per repetition when the tool printed statistics only (phones).
 */
export function latencyBox(values: readonly number[], over: LatencyBox['over']): LatencyBox | null {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const q1 = quantile(finite, 0.25);
  const q3 = quantile(finite, 0.75);
  const fence = 1.5 * (q3 - q1);
  const inside = finite.filter((v) => v >= q1 - fence && v <= q3 + fence);
  const outliers = finite.filter((v) => v < q1 - fence || v > q3 + fence);
  // Keep the extremes when there are too many to draw: the highest spikes are what the reader must see.
  const kept =
    outliers.length <= MAX_OUTLIERS
      ? outliers
      : [...outliers.slice(0, MAX_OUTLIERS / 2), ...outliers.slice(outliers.length - MAX_OUTLIERS / 2)];
  return {
    over,
    n: finite.length,
    q1,
    median: median(finite),
    q3,
    whiskerLow: inside[0] ?? q1,
    whiskerHigh: inside[inside.length - 1] ?? q3,
    outliers: kept,
    outlierCount: outliers.length,
  };
}
