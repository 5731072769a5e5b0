import { PALETTE, emptyChart, esc, fmt, hatchDefs, linear, niceTicks, svgOpen, syntheticBadge, yAxis, labelLines } from './svg';

export interface SpeedupBar {
  label: string;
  synthetic: boolean;
  speedup: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

/** Dense/pruned speed-up per device with its confidence interval; the line at 1x is "no gain". */
export function speedupChart(bars: readonly SpeedupBar[]): string {
  const title = 'Speed-up of the pruned model (dense / pruned latency, 95 % CI)';
  const measured = bars.filter((b) => b.speedup !== null);
  if (measured.length === 0) return emptyChart('speedup', title, 'No device measured both models.');
  const highest = Math.max(1.2, ...measured.map((b) => Math.max(b.speedup!, b.ciHigh ?? 0)));
  const ticks = niceTicks(0, highest);
  const left = 56;
  const top = 40;
  const plotHeight = 180;
  const slot = 170;
  const width = Math.max(560, left + bars.length * slot + 20);
  const height = top + plotHeight + 80;
  const y = linear([0, ticks[ticks.length - 1]!], [top + plotHeight, top]);
  const parts = [svgOpen('speedup', width, height, title), hatchDefs('hatch-speedup')];
  parts.push(`<text x="10" y="16" font-weight="600" font-size="13">${esc(title)}</text>`);
  parts.push(yAxis(ticks, y, left, width - 10, (t) => `${fmt(t)}x`));
  parts.push(`<line x1="${left}" x2="${width - 10}" y1="${y(1)}" y2="${y(1)}" stroke="${PALETTE.text}" stroke-dasharray="4 3"/>`);
  bars.forEach((bar, i) => {
    const x = left + i * slot + 30;
    const w = 40;
    if (bar.speedup !== null) {
      const top0 = y(bar.speedup);
      const color = bar.speedup >= 1 ? PALETTE.accent : '#c44e52';
      parts.push(
        `<rect class="bar" data-synthetic="${bar.synthetic}" x="${x}" y="${top0}" width="${w}" height="${top + plotHeight - top0}" fill="${color}"><title>${esc(`${bar.label}: ${fmt(bar.speedup)}x${bar.synthetic ? ' (synthetic)' : ''}`)}</title></rect>`,
      );
      if (bar.synthetic)
        parts.push(`<rect x="${x}" y="${top0}" width="${w}" height="${top + plotHeight - top0}" fill="url(#hatch-speedup)"/>`);
      if (bar.ciLow !== null && bar.ciHigh !== null) {
        const cx = x + w / 2;
        parts.push(
          `<g class="error-bar" stroke="${PALETTE.text}"><line x1="${cx}" x2="${cx}" y1="${y(bar.ciHigh)}" y2="${y(bar.ciLow)}"/><line x1="${cx - 6}" x2="${cx + 6}" y1="${y(bar.ciHigh)}" y2="${y(bar.ciHigh)}"/><line x1="${cx - 6}" x2="${cx + 6}" y1="${y(bar.ciLow)}" y2="${y(bar.ciLow)}"/></g>`,
        );
      }
      parts.push(
        `<text x="${x + w / 2}" y="${y(Math.max(bar.speedup, bar.ciHigh ?? 0)) - 4}" text-anchor="middle">${fmt(bar.speedup)}x</text>`,
      );
    }
    // "run · device" on separate lines, device names wrapped at spaces: the part that tells bars apart is never cut.
    labelLines(bar.label, 24).forEach((line, li) =>
      parts.push(
        `<text x="${x + w / 2}" y="${top + plotHeight + 16 + li * 13}" text-anchor="middle">${li === 0 ? `<title>${esc(bar.label)}</title>` : ''}${esc(line)}</text>`,
      ),
    );
    if (bar.synthetic) parts.push(syntheticBadge(x + w / 2 - 75, top + plotHeight + 52));
  });
  parts.push('</svg>');
  return parts.join('');
}
