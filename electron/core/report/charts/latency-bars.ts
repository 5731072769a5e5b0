import {
  PALETTE,
  emptyChart,
  esc,
  fmt,
  hatchDefs,
  labelLines,
  legend,
  linear,
  niceTicks,
  svgOpen,
  syntheticBadge,
  yAxis,
} from './svg';

export interface LatencyBar {
  label: string;
  role: 'dense' | 'pruned';
  avgUs: number | null;
  stdUs: number | null;
}

export interface LatencyGroup {
  /** Device (and run, when several runs are compared). */
  label: string;
  synthetic: boolean;
  bars: LatencyBar[];
}

const BAR = 30;
const GAP = 8;
const TOP = 48;
const PLOT = 190;

function panelHighest(group: LatencyGroup): number {
  return Math.max(0, ...group.bars.map((b) => (b.avgUs ?? 0) + (b.stdUs ?? 0)));
}

/**
 * One device's panel. Panels in the same unit share one axis (`sharedHighest`), so two runs on this computer compare
 * by bar height; a phone in ms and this computer in µs cannot share one scale.
 */
function groupPanel(group: LatencyGroup, x0: number, width: number, sharedHighest: (useMs: boolean) => number): string {
  const useMs = panelHighest(group) >= 1000;
  const highest = sharedHighest(useMs);
  const scale = useMs ? 1 / 1000 : 1;
  const unit = useMs ? 'ms' : 'µs';
  const ticks = niceTicks(0, highest * scale || 1, 4);
  const y = linear([0, ticks[ticks.length - 1]!], [TOP + PLOT, TOP]);
  const left = x0 + 40;
  const parts = [`<g class="device-panel" data-synthetic="${group.synthetic}">`];
  parts.push(`<text x="${left - 36}" y="${TOP - 8}" fill="${PALETTE.muted}">${unit}</text>`);
  parts.push(yAxis(ticks, y, left, x0 + width - 10, (t) => fmt(t)));
  group.bars.forEach((bar, i) => {
    const x = left + 14 + i * (BAR + GAP);
    if (bar.avgUs === null) {
      parts.push(`<text x="${x + BAR / 2}" y="${TOP + PLOT - 4}" text-anchor="middle" fill="${PALETTE.muted}">n/a</text>`);
      return;
    }
    const v = bar.avgUs * scale;
    const s = (bar.stdUs ?? 0) * scale;
    const top = y(v);
    const color = bar.role === 'dense' ? PALETTE.dense : PALETTE.pruned;
    const tip = `${group.label} ${bar.label}: ${fmt(v)} ± ${fmt(s)} ${unit}${group.synthetic ? ' (SYNTHETIC)' : ''}`;
    parts.push(
      `<rect class="bar" data-role="${bar.role}" x="${x}" y="${top}" width="${BAR}" height="${TOP + PLOT - top}" fill="${color}"><title>${esc(tip)}</title></rect>`,
    );
    if (group.synthetic)
      parts.push(`<rect x="${x}" y="${top}" width="${BAR}" height="${TOP + PLOT - top}" fill="url(#hatch-latency)"/>`);
    if (s > 0) {
      const cx = x + BAR / 2;
      const hi = y(v + s);
      const lo = y(Math.max(0, v - s));
      parts.push(
        `<g class="error-bar" stroke="${PALETTE.text}"><line x1="${cx}" x2="${cx}" y1="${hi}" y2="${lo}"/><line x1="${cx - 5}" x2="${cx + 5}" y1="${hi}" y2="${hi}"/><line x1="${cx - 5}" x2="${cx + 5}" y1="${lo}" y2="${lo}"/></g>`,
      );
    }
    parts.push(`<text x="${x + BAR / 2}" y="${y(v + s) - 4}" text-anchor="middle" font-size="10">${fmt(v)}</text>`);
    parts.push(`<text x="${x + BAR / 2}" y="${TOP + PLOT + 13}" text-anchor="middle" font-size="10">${esc(bar.label)}</text>`);
  });
  labelLines(group.label, 30).forEach((line, i) =>
    parts.push(
      `<text x="${left}" y="${TOP + PLOT + 30 + i * 13}"${i === 0 ? ' font-weight="600"' : ` fill="${PALETTE.muted}"`}>${i === 0 ? `<title>${esc(group.label)}</title>` : ''}${esc(line)}</text>`,
    ),
  );
  if (group.synthetic) parts.push(syntheticBadge(left, TOP + PLOT + 68));
  parts.push('</g>');
  return parts.join('');
}

/** Mean latency per device and model with ±1 std error bars, one panel (and scale) per device. Synthetic panels are hatched and badged. */
export function latencyBarsChart(groups: readonly LatencyGroup[]): string {
  const title = 'Latency per device (mean ± std over all runs)';
  if (!groups.some((g) => g.bars.some((b) => b.avgUs !== null))) return emptyChart('latency', title, 'No latency measured.');
  const panelWidth = Math.max(230, ...groups.map((g) => 80 + g.bars.length * (BAR + GAP)));
  const width = Math.max(560, groups.length * panelWidth + 10);
  const height = TOP + PLOT + 84;
  const parts = [svgOpen('latency', width, height, title), hatchDefs('hatch-latency')];
  parts.push(`<text x="10" y="16" font-weight="600" font-size="13">${esc(title)}</text>`);
  parts.push(
    legend(
      [
        { label: 'dense', color: PALETTE.dense },
        { label: 'pruned', color: PALETTE.pruned },
      ],
      width - 140,
      16,
    ),
  );
  const shared = (useMs: boolean): number =>
    Math.max(0, ...groups.filter((g) => panelHighest(g) >= 1000 === useMs).map(panelHighest));
  groups.forEach((group, i) => parts.push(groupPanel(group, i * panelWidth, panelWidth, shared)));
  parts.push('</svg>');
  return parts.join('');
}
