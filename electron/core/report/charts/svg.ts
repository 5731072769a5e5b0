// Small helpers shared by the chart functions. Charts are plain functions returning an SVG string, so the
// same code draws the offline HTML report, the PDF and (via dangerouslySetInnerHTML) the React UI.

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function fmt(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e5 || abs < 1e-3)) return value.toExponential(1);
  return Number(value.toFixed(digits)).toString();
}

/** "Nice" axis ticks (1, 2, 5 x 10^k steps) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    max = min === 0 ? 1 : min + Math.abs(min) * 0.1;
  }
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}

export function linear(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

export const PALETTE = { dense: '#4c72b0', pruned: '#dd8452', accent: '#55a868', grid: '#e3e3e3', text: '#222', muted: '#777' };
export const SERIES = ['#4c72b0', '#dd8452', '#55a868', '#c44e52', '#8172b3', '#937860', '#da8bc3', '#8c8c8c'];

/** A hatch pattern for synthetic (emulated-device) bars, and the defs that hold it. */
export function hatchDefs(id: string): string {
  return `<defs><pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff" fill-opacity="0"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-opacity="0.35" stroke-width="2"/></pattern></defs>`;
}

export function svgOpen(chart: string, width: number, height: number, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" data-chart="${esc(chart)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}" font-family="system-ui, sans-serif" font-size="11">`;
}

export function emptyChart(chart: string, title: string, message: string): string {
  return `${svgOpen(chart, 480, 60, title)}<text x="10" y="20" font-weight="600">${esc(title)}</text><text x="10" y="42" fill="${PALETTE.muted}">${esc(message)}</text></svg>`;
}

export function syntheticBadge(x: number, y: number): string {
  return `<g class="synthetic-badge"><rect x="${x}" y="${y - 11}" width="150" height="15" fill="#fff3cd" stroke="#b58900"/><text x="${x + 5}" y="${y}" fill="#7a5a00" font-weight="700">SYNTHETIC (emulated)</text></g>`;
}

/** Horizontal grid lines with value labels on the left. */
export function yAxis(
  ticks: number[],
  y: (v: number) => number,
  left: number,
  right: number,
  format: (v: number) => string,
): string {
  return ticks
    .map(
      (t) =>
        `<line x1="${left}" x2="${right}" y1="${y(t)}" y2="${y(t)}" stroke="${PALETTE.grid}"/><text x="${left - 4}" y="${y(t) + 3}" text-anchor="end" fill="${PALETTE.muted}">${esc(format(t))}</text>`,
    )
    .join('');
}

export function legend(
  items: { label: string; color: string; hatched?: boolean; pattern?: string }[],
  x: number,
  y: number,
): string {
  let offset = x;
  return items
    .map((item) => {
      const swatch = `<rect x="${offset}" y="${y - 9}" width="10" height="10" fill="${item.color}"/>${item.hatched && item.pattern ? `<rect x="${offset}" y="${y - 9}" width="10" height="10" fill="url(#${item.pattern})"/>` : ''}`;
      const text = `<text x="${offset + 14}" y="${y}">${esc(item.label)}</text>`;
      offset += 24 + item.label.length * 6;
      return swatch + text;
    })
    .join('');
}

/**
 * A chart label as lines of at most `max` characters, broken at spaces ("run · device" always breaks after the run),
 * so device names are wrapped rather than cut; only a line beyond `maxLines` is shortened with an ellipsis.
 */
export function labelLines(label: string, max: number, maxLines = 3): string[] {
  const lines: string[] = [];
  for (const part of label.split(' · ')) {
    let line = '';
    for (const word of part.split(' ')) {
      if (line && line.length + 1 + word.length > max) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
  }
  const kept = lines.slice(0, maxLines).map((l) => (l.length > max ? `${l.slice(0, max - 1)}…` : l));
  if (lines.length > maxLines) kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, max - 1)}…`;
  return kept;
}
