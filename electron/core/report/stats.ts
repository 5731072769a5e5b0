/** Plain descriptive statistics over a sample. Empty samples give NaN, never a made-up number. */

export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (n - 1); 0 for a single value, as benchmark_model prints. */
export function sampleStd(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  if (values.length === 1) return 0;
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** Quantile with linear interpolation between closest ranks (numpy's default, R type 7). `q` in [0, 1]. */
export function quantile(values: readonly number[], q: number): number {
  return quantileInPlace(Float64Array.from(values), q);
}

/** `quantile` that sorts `values` itself instead of a copy (typed-array sort is numeric; bootstraps call this often). */
export function quantileInPlace(values: Float64Array, q: number): number {
  if (values.length === 0) return NaN;
  const sorted = values.sort();
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower]!;
  const high = sorted[upper]!;
  return low + (high - low) * (position - lower);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function minimum(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => Math.min(a, b));
}

export function maximum(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => Math.max(a, b));
}
