// Axis math shared by the report's SVG charts.

/** Round tick values (1, 2, 5 x 10^k) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) max = min === 0 ? 1 : min + Math.abs(min) * 0.1;
  if (min > max) [min, max] = [max, min];
  const rough = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  if ((ticks[ticks.length - 1] ?? -Infinity) < max) ticks.push(Number(((ticks[ticks.length - 1] ?? min) + step).toPrecision(12)));
  return ticks;
}

export function linear(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** Keeps at most `max` points by taking every n-th one (always keeping the last). */
export function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const stride = Math.ceil(points.length / max);
  const kept = points.filter((_, i) => i % stride === 0);
  const last = points[points.length - 1];
  if (last !== undefined && kept[kept.length - 1] !== last) kept.push(last);
  return kept;
}

/** Colour-blind-friendly colours (Okabe–Ito): dense blue, pruned vermilion, then the rest. */
export const COLORS = { dense: '#0072B2', pruned: '#D55E00', grid: '#e3e3e3', text: '#222', muted: '#666', accent: '#009E73' };
export const SERIES = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

/**
 * A chart label split into lines of at most `width` characters at spaces (a longer word gets a line of its own,
 * whole), so a device name is shown in full instead of cut ("WebAssem…"). SVG text does not wrap by itself.
 */
export function wrapLabel(label: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}
