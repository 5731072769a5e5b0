import { linePanel, type LineSeries } from '../report/charts/line-panel';
import { PALETTE, SERIES, emptyChart, esc, svgOpen, syntheticBadge } from '../report/charts/svg';
import type { WhatifReport } from './whatif-report';

const PANEL_WIDTH = 420;
const PANEL_HEIGHT = 240;
/** Title and the what-if warning, one line each. */
const TOP = 40;

/** Median latency vs sparsity, one panel per device, with the dense latency as a dashed line and the break-even. */
export function whatifLatencyChart(report: WhatifReport): string {
  const title = 'Median latency vs sparsity';
  const warning = 'weights pruned without training: accuracy not preserved';
  if (report.devices.length === 0) return emptyChart('whatif-latency', `${title} (${warning})`, 'No benchmark results.');
  const columns = Math.min(report.devices.length, 2);
  const rows = Math.ceil(report.devices.length / columns);
  const width = columns * PANEL_WIDTH;
  const height = rows * PANEL_HEIGHT + TOP;
  const panels = report.devices.map((d, i) => {
    const measured = d.points.filter((p) => p.medianUs !== null);
    const dense = d.points.find((p) => p.sparsity === 0)?.medianUs ?? null;
    const xs = measured.map((p) => p.sparsity * 100);
    const series: LineSeries[] = [
      {
        label: 'median latency (µs)',
        color: SERIES[i % SERIES.length]!,
        points: measured.map((p) => [p.sparsity * 100, p.medianUs!]),
      },
    ];
    if (dense !== null && xs.length > 1)
      series.push({
        label: 'dense',
        color: PALETTE.muted,
        dashed: true,
        points: [
          [Math.min(...xs), dense],
          [Math.max(...xs), dense],
        ],
      });
    const markers =
      d.breakEven.kind === 'interpolated'
        ? [{ x: d.breakEven.sparsity * 100, label: `break-even ${(d.breakEven.sparsity * 100).toFixed(0)} %` }]
        : [];
    markers.push({ x: 200 / 3, label: 'XNNPACK 2/3 rule' });
    const box = {
      x: (i % columns) * PANEL_WIDTH,
      y: TOP + Math.floor(i / columns) * PANEL_HEIGHT,
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
    };
    const panel = linePanel(box, series, { title: d.device.label, xLabel: '1x1 weights pruned (%)', markers });
    return panel + (d.synthetic ? syntheticBadge(box.x + PANEL_WIDTH - 160, box.y + 12) : '');
  });
  return `${svgOpen('whatif-latency', width, height, `${title} (${warning})`)}<text x="4" y="14" font-weight="600">${esc(title)}</text><text x="4" y="30">${esc(warning)}</text>${panels.join('')}</svg>`;
}
