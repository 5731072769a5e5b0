import { useTranslation } from 'react-i18next';
import { BarChart } from '../../../shared/report-view/charts/BarChart';
import { Section } from '../components/fields';
import { formatMicros, formatNumber } from '../format/numbers';
import type { BenchmarkProgress } from '../state/benchmark-progress';
import { summariseBenchmark } from '../state/benchmark-summary';

/** What the benchmark measured, on the screen that ran it: median latency per model and device, speed-up, op profile. */
export function BenchmarkSummary({ progress, label }: { progress: BenchmarkProgress; label(id: string): string }) {
  const { t } = useTranslation();
  const rows = summariseBenchmark(progress);
  if (rows.length === 0) return null;
  return (
    <Section title={t('wizard.bench.results')}>
      <table className="table" data-testid="bench-summary">
        <thead>
          <tr>
            <th>{t('wizard.bench.col.device')}</th>
            <th>{t('wizard.bench.col.model')}</th>
            <th className="num">{t('wizard.bench.col.repetitions')}</th>
            <th className="num">{t('wizard.bench.col.median')}</th>
            <th className="num">{t('wizard.bench.col.speedup')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((row) =>
            row.models.map((m, i) => (
              <tr key={`${row.device}/${m.model}`}>
                <td>
                  <span className="value">{i === 0 ? label(row.device) : ''}</span>{' '}
                  {i === 0 && m.synthetic ? <span className="tag synthetic">{t('wizard.bench.syntheticShort')}</span> : null}
                </td>
                <td>{m.model}</td>
                <td className="num">{m.repetitions}</td>
                <td className="num nowrap">{formatMicros(m.medianUs)}</td>
                <td className="num nowrap">{i === 0 && row.speedup !== undefined ? `${row.speedup.toFixed(2)}×` : ''}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <BarChart
        name="bench-latency"
        title={t('wizard.bench.latencyChart')}
        groups={rows.map((row) => ({
          label: label(row.device),
          bars: row.models.map((m) => ({ series: m.model, value: m.medianUs, synthetic: m.synthetic })),
        }))}
        yLabel="µs"
        emptyText={t('wizard.charts.noData')}
      />
      {rows
        .filter((row) => row.opProfile.length > 0)
        .map((row) => {
          const models = row.models.map((m) => m.model);
          return (
            <div key={row.device} data-testid={`bench-op-profile-${row.device}`}>
              <h3>{t('wizard.bench.opTitle', { device: label(row.device) })}</h3>
              <table className="table compact">
                <thead>
                  <tr>
                    <th>{t('wizard.bench.col.nodeType')}</th>
                    {models.map((m) => (
                      <th key={m} className="num">
                        {m}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {row.opProfile.map((op) => (
                    <tr key={op.nodeType}>
                      <td>{op.nodeType}</td>
                      {models.map((m) => (
                        <td key={m} className="num">
                          {formatNumber(op.ms[m])}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
    </Section>
  );
}
