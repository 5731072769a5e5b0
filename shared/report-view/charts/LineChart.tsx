import { useFormat } from '../use-format';
import { COLORS, SERIES, linear, niceTicks, thin } from './axis';

export interface LineSeries {
  name: string;
  points: { x: number; y: number }[];
  dashed?: boolean;
  markers?: boolean;
}

interface LineChartProps {
  chart: string;
  title: string;
  series: LineSeries[];
  xLabel: string;
  yLabel: string;
  /** Formats y tick values (e.g. as percentages). */
  yTick?: (v: number) => string;
  yDomain?: [number, number];
  /** Vertical guide lines (e.g. mask update steps). */
  marks?: number[];
  note?: string;
}

const W = 640;
const H = 240;
const M = { top: 12, right: 16, bottom: 42, left: 60 };

/** A small line chart with labelled axes (the report's training curves and sparsity schedule). */
export function LineChart({ chart, title, series, xLabel, yLabel, yTick, yDomain, marks = [], note }: LineChartProps) {
  const f = useFormat();
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (all.length === 0) return null;
  const xs: [number, number] = [Math.min(...all.map((p) => p.x)), Math.max(...all.map((p) => p.x))];
  const ysRaw: [number, number] = yDomain ?? [Math.min(...all.map((p) => p.y)), Math.max(...all.map((p) => p.y))];
  const yTicks = niceTicks(ysRaw[0], ysRaw[1], 4);
  const ys: [number, number] = yDomain ?? [yTicks[0] ?? ysRaw[0], yTicks[yTicks.length - 1] ?? ysRaw[1]];
  const xTicks = niceTicks(xs[0], xs[1], 5).filter((v) => v >= xs[0] && v <= xs[1]);
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const x = linear(xs, [0, innerW]);
  const y = linear(ys, [innerH, 0]);
  const fmtY = yTick ?? ((v: number) => f.number(v, Math.abs(v) < 10 && v % 1 !== 0 ? 2 : 0));
  return (
    <figure className="chart" data-chart={chart}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={title} data-chart={chart} fontSize={11}>
        <g transform={`translate(${M.left},${M.top})`}>
          {yTicks
            .filter((v) => v >= ys[0] && v <= ys[1])
            .map((v) => (
              <g key={`y${v}`}>
                <line x1={0} x2={innerW} y1={y(v)} y2={y(v)} stroke={COLORS.grid} />
                <text x={-6} y={y(v) + 4} textAnchor="end" fill={COLORS.muted}>
                  {fmtY(v)}
                </text>
              </g>
            ))}
          {xTicks.map((v) => (
            <text key={`x${v}`} x={x(v)} y={innerH + 15} textAnchor="middle" fill={COLORS.muted}>
              {f.number(v, 0)}
            </text>
          ))}
          {thin(marks, 60).map((m) => (
            <line key={`m${m}`} x1={x(m)} x2={x(m)} y1={0} y2={innerH} stroke={COLORS.grid} strokeDasharray="2 3" />
          ))}
          <line x1={0} x2={innerW} y1={innerH} y2={innerH} stroke={COLORS.muted} />
          <line x1={0} x2={0} y1={0} y2={innerH} stroke={COLORS.muted} />
          {series.map((s, i) => {
            const color = SERIES[i % SERIES.length];
            const pts = thin(
              s.points.filter((p) => Number.isFinite(p.y) && Number.isFinite(p.x)),
              600,
            );
            const d = pts.map((p) => `${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(' ');
            return (
              <g key={s.name} className="series">
                <polyline className="series-line" fill="none" stroke={color} strokeWidth={1.6} strokeDasharray={s.dashed ? '5 4' : undefined} points={d} />
                {s.markers ? pts.map((p) => <circle key={p.x} cx={x(p.x)} cy={y(p.y)} r={2.5} fill={color} />) : null}
              </g>
            );
          })}
          <text x={innerW / 2} y={innerH + 32} textAnchor="middle" fill={COLORS.muted}>
            {xLabel}
          </text>
          <text transform={`translate(-46,${innerH / 2}) rotate(-90)`} textAnchor="middle" fill={COLORS.muted}>
            {yLabel}
          </text>
        </g>
      </svg>
      <ul className="legend">
        {series.map((s, i) => (
          <li key={s.name}>
            <span className={s.dashed ? 'swatch dashed' : 'swatch'} style={{ borderColor: SERIES[i % SERIES.length] }} />
            {s.name}
          </li>
        ))}
      </ul>
      {note ? <p className="chart-note">{note}</p> : null}
    </figure>
  );
}
