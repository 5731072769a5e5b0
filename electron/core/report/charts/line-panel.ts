import { PALETTE, esc, fmt, linear, niceTicks, yAxis } from './svg';

export interface LineSeries {
  label: string;
  color: string;
  points: [number, number][];
  dashed?: boolean;
  /** Draw dots only (measurements at a few points, e.g. end of epoch). */
  dotsOnly?: boolean;
  /** Draw as a step function (a schedule that holds its value until the next point). */
  step?: boolean;
}

export interface PanelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PanelOptions {
  title: string;
  xLabel: string;
  yRange?: [number, number];
  /** Vertical marker lines, e.g. where pruning starts. */
  markers?: { x: number; label: string }[];
}

function path(points: [number, number][], sx: (v: number) => number, sy: (v: number) => number, step: boolean): string {
  return points
    .map(([x, y], i) => {
      const prev = points[i - 1];
      const stepPart = step && prev ? `L${sx(x).toFixed(1)},${sy(prev[1]).toFixed(1)}` : '';
      return `${i === 0 ? 'M' : stepPart + 'L'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`;
    })
    .join('');
}

/** One line plot (a <g>) inside a larger chart SVG, with axes, grid, legend and optional markers. */
export function linePanel(box: PanelBox, series: readonly LineSeries[], options: PanelOptions): string {
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const left = box.x + 44;
  const right = box.x + box.width - 8;
  const top = box.y + 34;
  const bottom = box.y + box.height - 28;
  const parts = [`<g class="panel"><text x="${box.x + 4}" y="${box.y + 12}" font-weight="600">${esc(options.title)}</text>`];
  if (all.length === 0) {
    parts.push(`<text x="${box.x + 4}" y="${box.y + 40}" fill="${PALETTE.muted}">No data.</text></g>`);
    return parts.join('');
  }
  const yTicks = niceTicks(options.yRange?.[0] ?? Math.min(0, ...ys), options.yRange?.[1] ?? Math.max(...ys));
  const xTicks = niceTicks(Math.min(...xs), Math.max(...xs), 6);
  const sx = linear([xTicks[0]!, xTicks[xTicks.length - 1]!], [left, right]);
  const sy = linear([yTicks[0]!, yTicks[yTicks.length - 1]!], [bottom, top]);
  parts.push(yAxis(yTicks, sy, left, right, (t) => fmt(t)));
  parts.push(
    xTicks
      .map((t) => `<text x="${sx(t)}" y="${bottom + 13}" text-anchor="middle" fill="${PALETTE.muted}">${esc(fmt(t))}</text>`)
      .join(''),
  );
  parts.push(
    `<text x="${(left + right) / 2}" y="${bottom + 25}" text-anchor="middle" fill="${PALETTE.muted}">${esc(options.xLabel)}</text>`,
  );
  for (const marker of options.markers ?? []) {
    parts.push(
      `<line x1="${sx(marker.x)}" x2="${sx(marker.x)}" y1="${top}" y2="${bottom}" stroke="${PALETTE.muted}" stroke-dasharray="2 2"/><text x="${sx(marker.x) + 3}" y="${top + 10}" fill="${PALETTE.muted}">${esc(marker.label)}</text>`,
    );
  }
  for (const s of series) {
    if (s.points.length === 0) continue;
    if (!s.dotsOnly) {
      parts.push(
        `<path class="series" data-series="${esc(s.label)}" d="${path(s.points, sx, sy, s.step ?? false)}" fill="none" stroke="${s.color}" stroke-width="1.8"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
      );
    }
    if (s.dotsOnly || s.points.length <= 30) {
      parts.push(
        s.points
          .map(
            ([x, y]) =>
              `<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="2.6" fill="${s.color}"><title>${esc(`${s.label}: ${fmt(y, 4)} at ${fmt(x)}`)}</title></circle>`,
          )
          .join(''),
      );
    }
  }
  let lx = left;
  for (const s of series) {
    parts.push(
      `<rect x="${lx}" y="${box.y + 18}" width="10" height="3" fill="${s.color}"/><text x="${lx + 13}" y="${box.y + 23}" font-size="10">${esc(s.label)}</text>`,
    );
    lx += 22 + s.label.length * 5.5;
  }
  parts.push('</g>');
  return parts.join('');
}
