import { useTranslation } from 'react-i18next';
import { keepUnits } from '../../format/formatters';
import { useFormat } from '../use-format';
import { COLORS, linear, niceTicks, wrapLabel } from './axis';

export interface SpeedupPoint {
  label: string;
  synthetic: boolean;
  speedup: number | null;
  low: number | null;
  high: number | null;
}

const W = 640;
const LEFT = 200;
const RIGHT = 110;
const ROW = 26;
const LINE = 12;
/** Characters per label line: 28 fit the 200-unit label column at the chart's 11-unit font. */
const LABEL_WIDTH = 28;

/** Speed-up per device as a point with its 95 % interval, against the no-change line at 1×. */
export function SpeedupIntervals({ points }: { points: SpeedupPoint[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = keepUnits(t('report.charts.speedupTitle'));
  const values = points.flatMap((p) => [p.speedup, p.low, p.high]).filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) {
    return (
      <figure className="chart" data-chart="speedup">
        <figcaption>{title}</figcaption>
        <p className="muted">{t('report.charts.noSpeedup')}</p>
      </figure>
    );
  }
  const ticks = niceTicks(Math.min(0.8, ...values) * 0.95, Math.max(1.2, ...values) * 1.05, 5);
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 2;
  const x = linear([lo, hi], [LEFT, W - RIGHT]);
  // Each row is as tall as its wrapped label needs; the full name is also the row's tooltip.
  const labels = points.map((p) => wrapLabel(p.synthetic ? `${p.label} (${t('report.synthetic.short')})` : p.label, LABEL_WIDTH));
  const rowHeights = labels.map((lines) => Math.max(ROW, lines.length * LINE + 10));
  const rowTops = rowHeights.map((_, i) => 12 + rowHeights.slice(0, i).reduce((a, b) => a + b, 0));
  const bottom = 12 + rowHeights.reduce((a, b) => a + b, 0);
  const height = bottom + 40;
  return (
    <figure className="chart" data-chart="speedup">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} width="100%" role="img" aria-label={title} data-chart="speedup" fontSize={11}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={8} y2={bottom} stroke={COLORS.grid} />
            <text x={x(tick)} y={bottom + 13} textAnchor="middle" fill={COLORS.muted}>
              {f.times(tick, 1)}
            </text>
          </g>
        ))}
        <line x1={x(1)} x2={x(1)} y1={4} y2={bottom} stroke={COLORS.text} strokeDasharray="4 3" />
        <text x={x(1) + 3} y={10} fontSize={9} fill={COLORS.muted}>
          {t('report.charts.noChange')}
        </text>
        {points.map((p, i) => {
          const cy = rowTops[i]! + rowHeights[i]! / 2;
          const lines = labels[i]!;
          return (
            <g key={p.label} className="speedup-row" data-synthetic={p.synthetic}>
              <title>{p.label}</title>
              <text className="row-label" x={LEFT - 8} y={cy + 4 - ((lines.length - 1) * LINE) / 2} textAnchor="end">
                {lines.map((line, k) => (
                  <tspan key={k} x={LEFT - 8} dy={k === 0 ? 0 : LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
              {p.low !== null && p.high !== null ? (
                <line className="interval" x1={x(p.low)} x2={x(p.high)} y1={cy} y2={cy} stroke={COLORS.pruned} strokeWidth={3} />
              ) : null}
              {p.speedup !== null ? (
                <circle className="point" cx={x(p.speedup)} cy={cy} r={4.5} fill={COLORS.pruned}>
                  <title>{`${p.label}: ${f.times(p.speedup)}`}</title>
                </circle>
              ) : null}
              <text x={W - RIGHT + 6} y={cy + 4} fontSize={10}>
                {f.times(p.speedup)}
                {p.low !== null && p.high !== null ? ` [${f.number(p.low)}, ${f.number(p.high)}]` : ''}
              </text>
            </g>
          );
        })}
        <text x={(LEFT + W - RIGHT) / 2} y={bottom + 28} textAnchor="middle" fill={COLORS.muted}>
          {t('report.charts.speedupAxis')}
        </text>
      </svg>
    </figure>
  );
}
