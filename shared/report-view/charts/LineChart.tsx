import { useFormat } from '../use-format';
import { COLORS, SERIES, extent, linear, niceTicks, thin, tickLabel } from './axis';

export interface LineSeries {
  name: string;
  points: { x: number; y: number }[];
  color?: string;
  dashed?: boolean;
  /** Draw dots on the points, joined by a thin line (e.g. per-epoch values). */
  markers?: boolean;
  /** Squares instead of dots, so a series lying on another one stays visible. */
  squareMarkers?: boolean;
  /** Only the dots, no line between them (values known at a few points only). */
  dotsOnly?: boolean;
  /**
   * A value that holds until the next point and then jumps (e.g. sparsity, which changes only at mask updates): drawn
   * as horizontal-then-vertical steps with a dot at each point, the last value held to `holdTo` when given.
   */
  stepped?: { holdTo?: number };
}

interface LineChartProps {
  chart: string;
  title: string;
  series: LineSeries[];
  xLabel: string;
  yLabel: string;
  /** Formats y tick values (e.g. as percentages); compact locale numbers otherwise. */
  yTick?: (v: number) => string;
  yDomain?: [number, number];
  width?: number;
  height?: number;
  /** Vertical guide lines (e.g. mask update steps), named in the legend by `marksLabel` when given. */
  marks?: number[];
  marksLabel?: string;
  note?: string;
  /** Shown in the chart's place while there are no points yet; without it an empty chart is left out. */
  emptyText?: string;
}

const MARGIN = { top: 12, right: 16, bottom: 42, left: 60 };

function pathPoints(points: { x: number; y: number }[], stepped: LineSeries['stepped']): { x: number; y: number }[] {
  if (!stepped) return points;
  const out: { x: number; y: number }[] = [];
  points.forEach((p, i) => {
    if (i > 0) out.push({ x: p.x, y: points[i - 1]!.y });
    out.push(p);
  });
  const last = points[points.length - 1];
  if (last && stepped.holdTo !== undefined && stepped.holdTo > last.x) out.push({ x: stepped.holdTo, y: last.y });
  return out;
}

function Marker({ s, color, px, py, p }: { s: LineSeries; color: string; px: number; py: number; p: { x: number; y: number } }) {
  return s.squareMarkers ? (
    <rect x={px - 3.5} y={py - 3.5} width={7} height={7} fill="none" stroke={color} strokeWidth={1.5} data-x={p.x} data-y={p.y} />
  ) : (
    <circle cx={px} cy={py} r={s.markers && !s.stepped && !s.dotsOnly ? 2.5 : 3} fill={color} data-x={p.x} data-y={p.y} />
  );
}

/**
 * The one line chart of the app and the report (training curves, sparsity schedule vs actual), with labelled axes,
 * locale-aware ticks and a legend; SVG only, so react-dom/server renders it for the HTML and PDF report.
 */
export function LineChart({
  chart,
  title,
  series,
  xLabel,
  yLabel,
  yTick,
  yDomain,
  width = 640,
  height = 240,
  marks = [],
  marksLabel,
  note,
  emptyText,
}: LineChartProps) {
  const f = useFormat();
  const all = series.flatMap((s) => pathPoints(s.points, s.stepped)).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const xs = extent(all.map((p) => p.x));
  const ys = yDomain ?? extent(all.map((p) => p.y));
  if (!xs || !ys || all.length === 0) {
    if (emptyText === undefined) return null;
    return (
      <figure className="chart" data-chart={chart}>
        <figcaption>{title}</figcaption>
        <div className="chart-empty" style={{ height }}>
          {emptyText}
        </div>
      </figure>
    );
  }
  const yTicks = niceTicks(ys[0], ys[1], 4);
  const xTicks = niceTicks(xs[0], xs[1], 5).filter((v) => v >= xs[0] && v <= xs[1]);
  const yMin = yDomain ? yDomain[0] : (yTicks[0] ?? ys[0]);
  const yMax = yDomain ? yDomain[1] : (yTicks[yTicks.length - 1] ?? ys[1]);
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const x = linear(xs, [0, innerW]);
  const y = linear([yMin, yMax], [innerH, 0]);
  const fmtY = yTick ?? ((v: number) => tickLabel(v, f.locale));
  const colorOf = (s: LineSeries, i: number) => s.color ?? SERIES[i % SERIES.length]!;
  return (
    <figure className="chart" data-chart={chart}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title} data-chart={chart} fontSize={11}>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {yTicks
            .filter((v) => v >= yMin && v <= yMax)
            .map((v) => (
              <g key={`y${v}`}>
                <line className="grid" x1={0} x2={innerW} y1={y(v)} y2={y(v)} stroke={COLORS.grid} />
                <text className="tick" x={-6} y={y(v) + 4} textAnchor="end" fill={COLORS.muted}>
                  {fmtY(v)}
                </text>
              </g>
            ))}
          {xTicks.map((v) => (
            <text key={`x${v}`} className="tick" x={x(v)} y={innerH + 15} textAnchor="middle" fill={COLORS.muted}>
              {tickLabel(v, f.locale)}
            </text>
          ))}
          <g data-marks={marks.length}>
            {thin(marks, 120).map((m) => (
              <line key={`m${m}`} className="mark" x1={x(m)} x2={x(m)} y1={0} y2={innerH} stroke={COLORS.grid} strokeDasharray="2 3" />
            ))}
          </g>
          <line className="axis" x1={0} x2={innerW} y1={innerH} y2={innerH} stroke={COLORS.muted} />
          <line className="axis" x1={0} x2={0} y1={0} y2={innerH} stroke={COLORS.muted} />
          {series.map((s, i) => {
            const color = colorOf(s, i);
            const finite = thin(
              s.points.filter((p) => Number.isFinite(p.y) && Number.isFinite(p.x)),
              600,
            );
            const line = pathPoints(finite, s.stepped)
              .map((p) => `${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`)
              .join(' ');
            return (
              <g key={s.name} className="series" data-series={s.name} data-last-x={finite[finite.length - 1]?.x} data-points={finite.length}>
                {s.dotsOnly ? null : (
                  <polyline
                    className="series-line"
                    fill="none"
                    stroke={color}
                    strokeWidth={s.markers || s.stepped ? 1.2 : 1.6}
                    strokeDasharray={s.dashed ? '5 4' : undefined}
                    points={line}
                  />
                )}
                {s.markers || s.dotsOnly || s.stepped
                  ? finite.map((p) => <Marker key={p.x} s={s} color={color} px={x(p.x)} py={y(p.y)} p={p} />)
                  : null}
              </g>
            );
          })}
          <text className="axis-label" x={innerW / 2} y={innerH + 32} textAnchor="middle" fill={COLORS.muted}>
            {xLabel}
          </text>
          <text className="axis-label" transform={`translate(-46,${innerH / 2}) rotate(-90)`} textAnchor="middle" fill={COLORS.muted}>
            {yLabel}
          </text>
        </g>
      </svg>
      <ul className="legend">
        {series.map((s, i) => (
          <li key={s.name}>
            <span
              className={s.dotsOnly ? 'swatch dot' : s.dashed ? 'swatch dashed' : 'swatch'}
              data-marker={s.squareMarkers ? 'square' : s.markers || s.dotsOnly || s.stepped ? 'dot' : undefined}
              style={{ borderColor: colorOf(s, i) }}
            />
            {s.name}
          </li>
        ))}
        {marksLabel ? (
          <li>
            <span className="swatch dotted" />
            {marksLabel}
          </li>
        ) : null}
      </ul>
      {note ? <p className="chart-note">{note}</p> : null}
    </figure>
  );
}
