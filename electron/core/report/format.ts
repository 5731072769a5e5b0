/** Human formatting shared by the HTML report and the CLI. Null (not measured) shows as an en dash. */

export function formatUs(us: number | null | undefined): string {
  if (us === null || us === undefined || !Number.isFinite(us)) return '–';
  if (Math.abs(us) >= 1000) return `${(us / 1000).toFixed(us >= 100000 ? 1 : 3)} ms`;
  return `${us.toFixed(1)} µs`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '–';
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return `${(fraction * 100).toFixed(digits)} %`;
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toFixed(digits);
}

export function formatSpeedup(speedup: number | null, ci: { low: number; high: number } | null): string {
  if (speedup === null) return '–';
  return ci ? `${speedup.toFixed(2)}x [${ci.low.toFixed(2)}, ${ci.high.toFixed(2)}]` : `${speedup.toFixed(2)}x`;
}
