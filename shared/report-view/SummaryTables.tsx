import { useTranslation } from 'react-i18next';
import type { BenchmarkSummary, Report } from '../../electron/core/report/types';
import { deviceLabel } from './labels';
import { useFormat } from './use-format';

export function modelName(report: Report, b: { model: string; role: 'dense' | 'pruned' }, t: (k: string) => string): string {
  return report.runs.length > 1 ? b.model : t(`report.role.${b.role}`);
}

function Synthetic({ on }: { on: boolean }) {
  const { t } = useTranslation();
  return on ? <span className="tag synthetic">{t('report.synthetic.short')}</span> : null;
}

/** Dense against pruned per device at a glance: typical latency and spread, size, accuracy, sparse path. */
export function SummaryTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <table className="table" data-testid="report-summary">
      <thead>
        <tr>
          <th>{t('report.col.device')}</th>
          <th>{t('report.col.model')}</th>
          <th className="num">{t('report.col.median')}</th>
          <th className="num">{t('report.col.iqr')}</th>
          <th className="num">{t('report.col.p90')}</th>
          <th className="num">{t('report.col.runs')}</th>
          <th className="num">{t('report.col.fileSize')}</th>
          <th className="num">{t('report.col.accuracy')}</th>
          <th>{t('report.col.sparse')}</th>
        </tr>
      </thead>
      <tbody>
        {report.benchmarks.map((b) => {
          const model = report.models.find((m) => m.key === b.model);
          return (
            <tr key={`${b.run}/${b.device}/${b.model}`} className={b.synthetic ? 'synthetic-row' : undefined}>
              <td>
                {deviceLabel(report, b.device, t('report.devices.thisComputer'))} <Synthetic on={b.synthetic} />
              </td>
              <td>{modelName(report, b, t)}</td>
              <td className="num">{f.micros(b.latency.median)}</td>
              <td className="num">{b.latencyBox ? `${f.micros(b.latencyBox.q1)} – ${f.micros(b.latencyBox.q3)}` : '—'}</td>
              <td className="num">{f.micros(b.latency.p90)}</td>
              <td className="num">{f.count(b.latency.count)}</td>
              <td className="num">{f.bytes(model?.bytes)}</td>
              <td className="num">{f.percent(model?.accuracyTflite ?? model?.accuracyTfjs, 2)}</td>
              <td title={b.sparseInference.reason}>{t(`report.engaged.${b.sparseInference.engaged}`)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function SpeedupTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <table className="table" data-testid="report-speedups">
      <thead>
        <tr>
          <th>{t('report.col.device')}</th>
          <th className="num">{t('report.col.speedup')}</th>
          <th className="num">{t('report.col.interval')}</th>
          <th>{t('report.col.method')}</th>
        </tr>
      </thead>
      <tbody>
        {report.speedups.map((s) => (
          <tr key={`${s.run}/${s.device}`}>
            <td>
              {deviceLabel(report, s.device, t('report.devices.thisComputer'))}
              {report.runs.length > 1 ? ` · ${s.run}` : ''} <Synthetic on={s.synthetic} />
            </td>
            <td className="num">
              {f.times(s.speedup)}
              {s.basis === 'mean' ? ` ${t('report.col.ofAverages')}` : ''}
            </td>
            <td className="num">{s.ci ? `${f.times(s.ci.low)} – ${f.times(s.ci.high)}` : '—'}</td>
            <td className="wrap">
              {s.ci ? t(`report.ciMethod.${s.ci.method}`, { resamples: f.count(s.ci.resamples) }) : t('report.ciMethod.none')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** All latency statistics (µs), then start-up and memory, split so each table fits a page. */
export function LatencyDetailTables({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows = (render: (b: BenchmarkSummary) => React.ReactNode[]) =>
    report.benchmarks.map((b) => (
      <tr key={`${b.run}/${b.device}/${b.model}`} className={b.synthetic ? 'synthetic-row' : undefined}>
        <td>
          {deviceLabel(report, b.device, t('report.devices.thisComputer'))} <Synthetic on={b.synthetic} />
        </td>
        <td>{modelName(report, b, t)}</td>
        {render(b).map((cell, i) => (
          <td key={i} className="num">
            {cell}
          </td>
        ))}
      </tr>
    ));
  return (
    <>
      <table className="table" data-testid="report-latency">
        <thead>
          <tr>
            <th>{t('report.col.device')}</th>
            <th>{t('report.col.model')}</th>
            <th className="num">{t('report.col.reps')}</th>
            <th className="num">{t('report.col.runs')}</th>
            <th className="num">{t('report.col.median')}</th>
            <th className="num">{t('report.col.mean')}</th>
            <th className="num">{t('report.col.std')}</th>
            <th className="num">{t('report.col.min')}</th>
            <th className="num">{t('report.col.max')}</th>
          </tr>
        </thead>
        <tbody>
          {rows((b) => [
            f.count(b.repetitions.length),
            f.count(b.latency.count),
            f.micros(b.latency.median),
            f.micros(b.latency.avg),
            f.micros(b.latency.std),
            f.micros(b.latency.min),
            f.micros(b.latency.max),
          ])}
        </tbody>
      </table>
      <table className="table" data-testid="report-startup">
        <thead>
          <tr>
            <th>{t('report.col.device')}</th>
            <th>{t('report.col.model')}</th>
            <th className="num">{t('report.col.init')}</th>
            <th className="num">{t('report.col.firstInference')}</th>
            <th className="num">{t('report.col.peakMemory')}</th>
          </tr>
        </thead>
        <tbody>
          {rows((b) => [
            f.micros(b.initUs.avg),
            f.micros(b.firstInferenceUs.avg),
            b.memory.peakMb === null ? '—' : `${f.number(b.memory.peakMb, 1)} MB`,
          ])}
        </tbody>
      </table>
    </>
  );
}
