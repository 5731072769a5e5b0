import { PALETTE, emptyChart, esc, fmt, hatchDefs, legend, linear, niceTicks, svgOpen, syntheticBadge } from './svg';

export interface OpProfileChartInput {
  label: string;
  synthetic: boolean;
  rows: { nodeType: string; pointwise: boolean; denseMs: number | null; prunedMs: number | null }[];
  densePointwiseShare: number | null;
  prunedPointwiseShare: number | null;
}

function pct(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(1)} %`;
}

/** Per-node-type time, dense against pruned, as paired horizontal bars; 1x1 convolutions are flagged. */
export function opProfileChart(input: OpProfileChartInput): string {
  const title = `Per-op profile, dense vs pruned — ${input.label}`;
  if (input.rows.length === 0) return emptyChart('op-profile', title, 'No op profile recorded (benchmark without op profiling).');
  const rowHeight = 26;
  const labelWidth = 300;
  const top = 56;
  const width = 760;
  const height = top + input.rows.length * rowHeight + 30;
  const max = Math.max(...input.rows.map((r) => Math.max(r.denseMs ?? 0, r.prunedMs ?? 0)));
  const useUs = max < 1;
  const k = useUs ? 1000 : 1;
  const ticks = niceTicks(0, max * k, 5);
  const x = linear([0, ticks[ticks.length - 1]!], [labelWidth, width - 60]);
  const parts = [svgOpen('op-profile', width, height, title), hatchDefs('hatch-ops')];
  parts.push(`<text x="10" y="16" font-weight="600" font-size="13">${esc(title)}</text>`);
  parts.push(
    `<text x="10" y="32" fill="${PALETTE.muted}">Share of time in 1x1 convolutions: dense ${pct(input.densePointwiseShare)}, pruned ${pct(input.prunedPointwiseShare)} (★ = 1x1)</text>`,
  );
  parts.push(
    legend(
      [
        { label: 'dense', color: PALETTE.dense },
        { label: 'pruned', color: PALETTE.pruned },
      ],
      width - 150,
      48,
    ),
  );
  if (input.synthetic) parts.push(syntheticBadge(width - 330, 48));
  ticks.forEach((t) => {
    parts.push(
      `<line x1="${x(t)}" x2="${x(t)}" y1="${top}" y2="${height - 24}" stroke="${PALETTE.grid}"/><text x="${x(t)}" y="${height - 12}" text-anchor="middle" fill="${PALETTE.muted}">${fmt(t)}</text>`,
    );
  });
  parts.push(`<text x="${labelWidth}" y="${top - 4}" fill="${PALETTE.muted}">${useUs ? 'µs' : 'ms'} per run</text>`);
  input.rows.forEach((row, i) => {
    const y = top + i * rowHeight + 4;
    parts.push(
      `<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end">${row.pointwise ? '★ ' : ''}${esc(row.nodeType.length > 46 ? row.nodeType.slice(0, 45) + '…' : row.nodeType)}</text>`,
    );
    (['dense', 'pruned'] as const).forEach((role, j) => {
      const ms = role === 'dense' ? row.denseMs : row.prunedMs;
      const by = y + j * 10;
      if (ms === null) return;
      const color = role === 'dense' ? PALETTE.dense : PALETTE.pruned;
      const w = Math.max(1, x(ms * k) - labelWidth);
      parts.push(
        `<rect class="bar" data-role="${role}" x="${labelWidth}" y="${by}" width="${w}" height="9" fill="${color}"><title>${esc(`${row.nodeType} ${role}: ${fmt(ms * k, 3)} ${useUs ? 'µs' : 'ms'}`)}</title></rect>`,
      );
      if (input.synthetic) parts.push(`<rect x="${labelWidth}" y="${by}" width="${w}" height="9" fill="url(#hatch-ops)"/>`);
      parts.push(`<text x="${labelWidth + w + 3}" y="${by + 8}" font-size="9">${fmt(ms * k, 3)}</text>`);
    });
  });
  parts.push('</svg>');
  return parts.join('');
}
