import { useTranslation } from 'react-i18next';
import { useFormat } from '../use-format';
import { COLORS, SERIES, linear, niceTicks, tickLabel, wrapLabel } from './axis';

const seriesColor = (index: number): string => SERIES[index % SERIES.length]!;

export interface BarGroup {
  label: string;
  bars: { series: string; value: number | null; low?: number | null; high?: number | null; synthetic?: boolean }[];
}

interface BarChartProps {
  name: string;
  title: string;
  groups: BarGroup[];
  yLabel: string;
  width?: number;
  height?: number;
  /** A horizontal reference line (e.g. speed-up 1). */
  reference?: number;
  /** Shown in the chart's place while there are no values yet. */
  emptyText: string;
}

const MARGIN = { top: 12, right: 16, bottom: 48, left: 56 };
const LABEL_WIDTH = 22;
const LINE = 12;

/** Grouped vertical bars with optional error bars; synthetic values are hatched and labelled. */
export function BarChart({ name, title, groups, yLabel, width = 520, height = 260, reference, emptyText }: BarChartProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const tick = (v: number) => tickLabel(v, f.locale);
  const seriesNames = [...new Set(groups.flatMap((g) => g.bars.map((b) => b.series)))];
  const values = groups
    .flatMap((g) => g.bars.flatMap((b) => [b.value, b.high ?? null]))
    .filter((v): v is number => v !== null && Number.isFinite(v));
  // Group labels (device names) wrap onto as many lines as they need, never cut; the chart grows to fit them.
  const labelLines = groups.map((g) => wrapLabel(g.label, LABEL_WIDTH));
  const extra = Math.max(0, 24 + Math.max(1, ...labelLines.map((l) => l.length)) * LINE - MARGIN.bottom);
  height += extra;
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom - extra;
  if (values.length === 0) {
    return (
      <figure className="chart" data-chart={name}>
        <figcaption>{title}</figcaption>
        <div className="chart-empty" style={{ height }}>
          {emptyText}
        </div>
      </figure>
    );
  }
  const ticks = niceTicks(0, Math.max(...values, reference ?? 0), 4);
  const yMax = ticks[ticks.length - 1] ?? Math.max(...values);
  const y = linear([0, yMax], [innerH, 0]);
  const groupW = innerW / groups.length;
  const barW = Math.min(36, (groupW * 0.8) / Math.max(1, seriesNames.length));
  return (
    <figure className="chart" data-chart={name}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title} data-chart={name}>
        <defs>
          <pattern id={`${name}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2" />
          </pattern>
        </defs>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {ticks.map((t) => (
            <g key={t}>
              <line className="grid" x1={0} x2={innerW} y1={y(t)} y2={y(t)} stroke={COLORS.grid} />
              <text className="tick" x={-6} y={y(t)} textAnchor="end" dominantBaseline="middle">
                {tick(t)}
              </text>
            </g>
          ))}
          {groups.map((g, gi) => {
            const x0 = gi * groupW + (groupW - barW * g.bars.length) / 2;
            return (
              <g key={g.label}>
                {g.bars.map((b, bi) => {
                  if (b.value === null || !Number.isFinite(b.value)) return null;
                  const color = seriesColor(seriesNames.indexOf(b.series));
                  const bx = x0 + bi * barW;
                  return (
                    <g key={b.series}>
                      <rect x={bx + 2} y={y(b.value)} width={barW - 4} height={innerH - y(b.value)} fill={color}>
                        <title>{`${g.label} · ${b.series}: ${tick(b.value)}${b.synthetic ? ` (${t('wizard.bench.syntheticShort')})` : ''}`}</title>
                      </rect>
                      {b.synthetic ? (
                        <rect
                          x={bx + 2}
                          y={y(b.value)}
                          width={barW - 4}
                          height={innerH - y(b.value)}
                          fill={`url(#${name}-hatch)`}
                        />
                      ) : null}
                      {b.low != null && b.high != null ? (
                        <g className="error-bar">
                          <line x1={bx + barW / 2} x2={bx + barW / 2} y1={y(b.low)} y2={y(b.high)} />
                          <line x1={bx + barW / 2 - 5} x2={bx + barW / 2 + 5} y1={y(b.low)} y2={y(b.low)} />
                          <line x1={bx + barW / 2 - 5} x2={bx + barW / 2 + 5} y1={y(b.high)} y2={y(b.high)} />
                        </g>
                      ) : null}
                    </g>
                  );
                })}
                <text className="tick group-label" x={gi * groupW + groupW / 2} y={innerH + 16} textAnchor="middle">
                  <title>{g.label}</title>
                  {labelLines[gi]!.map((line, k) => (
                    <tspan key={k} x={gi * groupW + groupW / 2} dy={k === 0 ? 0 : LINE}>
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            );
          })}
          {reference !== undefined ? <line className="reference" x1={0} x2={innerW} y1={y(reference)} y2={y(reference)} /> : null}
          <line className="axis" x1={0} x2={innerW} y1={innerH} y2={innerH} />
          <text className="axis-label" transform={`translate(-44,${innerH / 2}) rotate(-90)`} textAnchor="middle">
            {yLabel}
          </text>
        </g>
      </svg>
      <ul className="legend">
        {seriesNames.map((s, i) => (
          <li key={s}>
            <span className="swatch solid" style={{ background: seriesColor(i), borderColor: seriesColor(i) }} />
            {s}
          </li>
        ))}
      </ul>
    </figure>
  );
}
