import { useTranslation } from 'react-i18next';
import { useFormat } from '../use-format';
import { COLORS, SERIES } from './axis';

export interface OpSharesInput {
  label: string;
  synthetic: boolean;
  rows: { nodeType: string; pointwise: boolean; denseMs: number | null; prunedMs: number | null }[];
}

const W = 640;
const LEFT = 80;
const RIGHT = 20;
const BAR = 22;

function shares(values: (number | null)[]): number[] | null {
  const total = values.reduce<number>((s, v) => s + (v ?? 0), 0);
  return total > 0 ? values.map((v) => (v ?? 0) / total) : null;
}

/**
 * Where the time goes, as shares of the profiled time per model (stacked to 100 %). Shares, not milliseconds:
 * profiling adds overhead to every operator, so its absolute times overstate the measured latency.
 */
export function OpShares({ input }: { input: OpSharesInput }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = t('report.charts.opTitle', { label: input.label });
  const models = [
    { role: 'dense' as const, label: t('report.role.dense'), shares: shares(input.rows.map((r) => r.denseMs)) },
    { role: 'pruned' as const, label: t('report.role.pruned'), shares: shares(input.rows.map((r) => r.prunedMs)) },
  ];
  const x = (v: number): number => LEFT + v * (W - LEFT - RIGHT);
  const legendRows = Math.ceil(input.rows.length / 3);
  const height = 10 + models.length * (BAR + 10) + 18 + legendRows * 16;
  return (
    <figure className="chart" data-chart="op-profile">
      <figcaption>
        {title}
        {input.synthetic ? ` · ${t('report.synthetic.badge')}` : ''}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} width="100%" role="img" aria-label={title} data-chart="op-profile" fontSize={11}>
        {models.map((m, i) => {
          const y = 10 + i * (BAR + 10);
          let start = 0;
          return (
            <g key={m.role} data-role={m.role}>
              <text x={LEFT - 8} y={y + BAR / 2 + 4} textAnchor="end">
                {m.label}
              </text>
              {m.shares === null ? (
                <text x={LEFT} y={y + BAR / 2 + 4} fill={COLORS.muted}>
                  {t('report.charts.notProfiled')}
                </text>
              ) : (
                m.shares.map((share, k) => {
                  const x0 = x(start);
                  start += share;
                  const row = input.rows[k]!;
                  const width = x(start) - x0;
                  return share > 0 ? (
                    <g key={row.nodeType}>
                      <rect className="share" x={x0} y={y} width={width} height={BAR} fill={SERIES[k % SERIES.length]}>
                        <title>{`${m.label} · ${row.nodeType}: ${f.percent(share)}`}</title>
                      </rect>
                      {width > 34 ? (
                        <text x={x0 + width / 2} y={y + BAR / 2 + 4} textAnchor="middle" fill="#fff" fontSize={10}>
                          {f.percent(share, 0)}
                        </text>
                      ) : null}
                    </g>
                  ) : null;
                })
              )}
            </g>
          );
        })}
        {input.rows.map((row, k) => {
          const col = k % 3;
          const line = Math.floor(k / 3);
          const lx = LEFT + col * ((W - LEFT) / 3);
          const ly = 10 + models.length * (BAR + 10) + 14 + line * 16;
          return (
            <g key={row.nodeType}>
              <rect x={lx} y={ly - 9} width={10} height={10} fill={SERIES[k % SERIES.length]} />
              <text x={lx + 14} y={ly}>
                {row.pointwise ? `★ ${row.nodeType}` : row.nodeType}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="chart-note">{t('report.charts.opNote')}</p>
    </figure>
  );
}
