import { extent, linearScale, niceTicks, thin, tickLabel } from './scale';
import { seriesColor } from './palette';

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

interface LineChartProps {
  name: string;
  title: string;
  series: LineSeries[];
  xLabel: string;
  yLabel: string;
  yDomain?: [number, number];
  width?: number;
  height?: number;
  /** Vertical guide lines (e.g. mask update steps), named in the legend by `marksLabel`. */
  marks?: number[];
  marksLabel?: string;
}

const MARGIN = { top: 12, right: 16, bottom: 40, left: 52 };

export function LineChart({
  name,
  title,
  series,
  xLabel,
  yLabel,
  yDomain,
  width = 520,
  height = 240,
  marks = [],
  marksLabel,
}: LineChartProps) {
  const all = series.flatMap((s) => pathPoints(s.points, s.stepped));
  const xs = extent(all.map((p) => p.x));
  const ys = yDomain ?? extent(all.map((p) => p.y));
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  if (!xs || !ys) {
    return (
      <figure className="chart" data-chart={name}>
        <figcaption>{title}</figcaption>
        <div className="chart-empty" style={{ height }}>
          No data yet
        </div>
      </figure>
    );
  }
  const yTicks = niceTicks(ys[0], ys[1], 4);
  const xTicks = niceTicks(xs[0], xs[1], 5).filter((t) => t >= xs[0] && t <= xs[1]);
  const yMin = yDomain ? yDomain[0] : (yTicks[0] ?? ys[0]);
  const yMax = yDomain ? yDomain[1] : (yTicks[yTicks.length - 1] ?? ys[1]);
  const x = linearScale(xs, [0, innerW]);
  const y = linearScale([yMin, yMax], [innerH, 0]);
  return (
    <figure className="chart" data-chart={name}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title} data-chart={name}>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {yTicks
            .filter((t) => t >= yMin && t <= yMax)
            .map((t) => (
              <g key={`y${t}`}>
                <line className="grid" x1={0} x2={innerW} y1={y(t)} y2={y(t)} />
                <text className="tick" x={-6} y={y(t)} textAnchor="end" dominantBaseline="middle">
                  {tickLabel(t)}
                </text>
              </g>
            ))}
          {xTicks.map((t) => (
            <text key={`x${t}`} className="tick" x={x(t)} y={innerH + 16} textAnchor="middle">
              {tickLabel(t)}
            </text>
          ))}
          <g data-marks={marks.length}>
            {thin(marks, 120).map((m) => (
              <line key={`m${m}`} className="mark" x1={x(m)} x2={x(m)} y1={0} y2={innerH} />
            ))}
          </g>
          <line className="axis" x1={0} x2={innerW} y1={innerH} y2={innerH} />
          <line className="axis" x1={0} x2={0} y1={0} y2={innerH} />
          {series.map((s, i) => {
            const color = s.color ?? seriesColor(i);
            const finite = thin(
              s.points.filter((p) => Number.isFinite(p.y)),
              600,
            );
            const line = pathPoints(finite, s.stepped)
              .map((p) => `${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`)
              .join(' ');
            const lastX = finite[finite.length - 1]?.x;
            return (
              <g key={s.name} data-series={s.name} data-last-x={lastX} data-points={finite.length}>
                {s.dotsOnly ? null : (
                  <polyline
                    fill="none"
                    stroke={color}
                    strokeWidth={s.markers || s.stepped ? 1.2 : 1.6}
                    strokeDasharray={s.dashed ? '5 4' : undefined}
                    points={line}
                  />
                )}
                {s.markers || s.dotsOnly || s.stepped
                  ? finite.map((p) =>
                      s.squareMarkers ? (
                        <rect
                          key={p.x}
                          x={x(p.x) - 3.5}
                          y={y(p.y) - 3.5}
                          width={7}
                          height={7}
                          fill="none"
                          stroke={color}
                          strokeWidth={1.5}
                          data-x={p.x}
                          data-y={p.y}
                        />
                      ) : (
                        <circle key={p.x} cx={x(p.x)} cy={y(p.y)} r={3} fill={color} data-x={p.x} data-y={p.y} />
                      ),
                    )
                  : null}
              </g>
            );
          })}
          <text className="axis-label" x={innerW / 2} y={innerH + 34} textAnchor="middle">
            {xLabel}
          </text>
          <text className="axis-label" transform={`translate(-40,${innerH / 2}) rotate(-90)`} textAnchor="middle">
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
              style={{ borderColor: s.color ?? seriesColor(i) }}
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
    </figure>
  );
}
