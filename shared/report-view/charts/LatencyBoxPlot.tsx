import { useTranslation } from 'react-i18next';
import type { LatencyBox, ModelRole } from '../../../electron/core/report/types';
import { useFormat } from '../use-format';
import { COLORS, linear, niceTicks } from './axis';

export interface LatencyPanel {
  label: string;
  synthetic: boolean;
  rows: { role: ModelRole; label: string; box: LatencyBox | null }[];
}

const W = 640;
const LEFT = 120;
const RIGHT = 96;
const ROW = 34;
const HEAD = 22;
const AXIS = 34;

function Panel({ panel, y0 }: { panel: LatencyPanel; y0: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const boxes = panel.rows.flatMap((r) => (r.box ? [r.box] : []));
  const top = Math.max(...boxes.map((b) => b.whiskerHigh), 0) * 1.15;
  const { unit, divisor } = f.microsUnit(top);
  const ticks = niceTicks(0, top / divisor, 5);
  const domainMax = (ticks[ticks.length - 1] ?? 1) * divisor;
  const x = linear([0, domainMax], [LEFT, W - RIGHT]);
  const plotBottom = y0 + HEAD + panel.rows.length * ROW;
  return (
    <g className="latency-panel" data-synthetic={panel.synthetic}>
      <text x={8} y={y0 + 14} fontWeight={600}>
        {panel.label}
        {panel.synthetic ? ` · ${t('report.synthetic.badge')}` : ''}
      </text>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={x(tick * divisor)} x2={x(tick * divisor)} y1={y0 + HEAD} y2={plotBottom} stroke={COLORS.grid} />
          <text x={x(tick * divisor)} y={plotBottom + 13} textAnchor="middle" fill={COLORS.muted}>
            {f.number(tick, tick % 1 === 0 ? 0 : 1)}
          </text>
        </g>
      ))}
      <text x={(LEFT + W - RIGHT) / 2} y={plotBottom + 27} textAnchor="middle" fill={COLORS.muted}>
        {t('report.charts.latencyAxis', { unit })}
      </text>
      {panel.rows.map((row, i) => {
        const cy = y0 + HEAD + i * ROW + ROW / 2;
        const color = row.role === 'dense' ? COLORS.dense : COLORS.pruned;
        const b = row.box;
        if (!b) {
          return (
            <g key={row.label}>
              <text x={LEFT - 8} y={cy + 4} textAnchor="end">
                {row.label}
              </text>
              <text x={LEFT} y={cy + 4} fill={COLORS.muted}>
                {t('report.charts.noData')}
              </text>
            </g>
          );
        }
        const beyond = b.outliers.filter((v) => v > domainMax);
        const shown = b.outliers.filter((v) => v <= domainMax);
        const hiddenCount = b.outlierCount - b.outliers.length;
        const tip = t('report.charts.boxTip', {
          label: row.label,
          median: f.micros(b.median),
          q1: f.micros(b.q1),
          q3: f.micros(b.q3),
          n: f.count(b.n),
          outliers: f.count(b.outlierCount),
        });
        return (
          <g key={row.label} className="latency-row" data-role={row.role}>
            <title>{tip}</title>
            <text x={LEFT - 8} y={cy + 4} textAnchor="end">
              {row.label}
            </text>
            <line x1={x(b.whiskerLow)} x2={x(b.whiskerHigh)} y1={cy} y2={cy} stroke={color} />
            <line x1={x(b.whiskerLow)} x2={x(b.whiskerLow)} y1={cy - 6} y2={cy + 6} stroke={color} />
            <line x1={x(b.whiskerHigh)} x2={x(b.whiskerHigh)} y1={cy - 6} y2={cy + 6} stroke={color} />
            <rect
              className="box"
              data-role={row.role}
              x={x(b.q1)}
              y={cy - 10}
              width={Math.max(1.5, x(b.q3) - x(b.q1))}
              height={20}
              fill={color}
              fillOpacity={0.25}
              stroke={color}
            />
            <line className="median" x1={x(b.median)} x2={x(b.median)} y1={cy - 10} y2={cy + 10} stroke={color} strokeWidth={2.5} />
            {shown.map((v, k) => (
              <circle key={k} className="outlier" cx={x(v)} cy={cy} r={2.2} fill="none" stroke={color} />
            ))}
            <text x={W - RIGHT + 6} y={cy - 2} fontSize={10}>
              {f.micros(b.median)}
            </text>
            {beyond.length + hiddenCount > 0 ? (
              <text x={W - RIGHT + 6} y={cy + 10} fontSize={9} fill={COLORS.muted} className="beyond">
                {/* Two short lines: one long one would run past the chart's right edge. */}
                <tspan>{t('report.charts.beyond', { count: beyond.length + hiddenCount })}</tspan>
                <tspan x={W - RIGHT + 6} dy={10}>
                  {t('report.charts.beyondMax', { max: f.micros(Math.max(...b.outliers)) })}
                </tspan>
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
}

/**
 * Latency as box plots over all runs (median, quartiles, 1.5 IQR whiskers, outliers as dots), one panel and
 * scale per device: a phone in ms and this computer in µs cannot share one axis. Spikes far beyond the
 * whiskers are counted at the right edge instead of stretching the axis.
 */
export function LatencyBoxPlot({ panels }: { panels: LatencyPanel[] }) {
  const { t } = useTranslation();
  const title = t('report.charts.latencyTitle');
  if (!panels.some((p) => p.rows.some((r) => r.box))) {
    return (
      <figure className="chart" data-chart="latency">
        <figcaption>{title}</figcaption>
        <p className="muted">{t('report.charts.noLatency')}</p>
      </figure>
    );
  }
  const heights = panels.map((p) => HEAD + p.rows.length * ROW + AXIS + 10);
  const offsets = heights.map((_, i) => heights.slice(0, i).reduce((a, b) => a + b, 0));
  const height = heights.reduce((a, b) => a + b, 0);
  return (
    <figure className="chart" data-chart="latency">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} width="100%" role="img" aria-label={title} data-chart="latency" fontSize={11}>
        {panels.map((p, i) => (
          <Panel key={p.label} panel={p} y0={offsets[i] ?? 0} />
        ))}
      </svg>
      <p className="chart-note">{t('report.charts.boxLegend')}</p>
    </figure>
  );
}
