// Axis math shared by the report's SVG charts.

/** Round tick values (1, 2, 5 x 10^k) covering [min, max]; a single value gets a small range around it. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    return niceTicks(min - pad, max + pad, count);
  }
  if (min > max) [min, max] = [max, min];
  const rough = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let t = first; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  if ((ticks[ticks.length - 1] ?? -Infinity) < max) ticks.push(Number((first + ticks.length * step).toPrecision(12)));
  return ticks;
}

/** The finite extent of some values, or undefined when there are none. */
export function extent(values: Iterable<number>): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** A compact tick label in the reader's locale: 12000 -> 12k, 2500000 -> 2.5M, 0.25 -> 0.25. */
export function tickLabel(v: number, locale = 'en-US'): string {
  const a = Math.abs(v);
  const [scaled, suffix] = a >= 1e6 ? [v / 1e6, 'M'] : a >= 1e4 ? [v / 1e3, 'k'] : [v, ''];
  return `${new Intl.NumberFormat(locale, { maximumSignificantDigits: a >= 1e4 ? 3 : 4 }).format(scaled)}${suffix}`;
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
