import { useTranslation } from 'react-i18next';
import type { BenchmarkSummary, Report, ThermalReading } from '../../electron/core/report/types';
import { Abbrev } from './Abbrev';
import { OpShares } from './charts/OpShares';
import { abbreviate, benchmarkOf, deviceLabel, groupLabel, shortPath } from './labels';
import { modelName } from './SummaryTables';
import { useFormat } from './use-format';
import type { Formatters } from '../format/formatters';

function share(ms: number | null, total: number): number | null {
  return ms === null || total <= 0 ? null : ms / total;
}

/** Per-op profile as shares of the profiled time, and those shares applied to the measured (unprofiled) median. */
export function OpProfiles({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      {report.opComparisons.map((c) => {
        const dense = report.speedups.find((s) => s.run === c.run && s.device === c.device);
        const denseBench = dense ? benchmarkOf(report, c.run, c.device, dense.dense) : undefined;
        const prunedBench = dense ? benchmarkOf(report, c.run, c.device, dense.pruned) : undefined;
        const denseTotal = c.rows.reduce((s, r) => s + (r.denseMs ?? 0), 0);
        const prunedTotal = c.rows.reduce((s, r) => s + (r.prunedMs ?? 0), 0);
        const label = groupLabel(report, c.device, c.run, t('report.devices.thisComputer'));
        const scaled = (v: number | null, median: number | null | undefined): string =>
          v === null || median === null || median === undefined ? '—' : f.micros(v * median);
        return (
          <div key={`${c.run}/${c.device}`} className="op-profile">
            <OpShares input={{ label, synthetic: c.synthetic, rows: c.rows }} />
            <table className="table compact" data-testid="report-ops">
              <thead>
                <tr>
                  <th>{t('report.col.operation')}</th>
                  <th className="num">{t('report.col.denseShare')}</th>
                  <th className="num">{t('report.col.prunedShare')}</th>
                  <th className="num">{t('report.col.denseScaled')}</th>
                  <th className="num">{t('report.col.prunedScaled')}</th>
                </tr>
              </thead>
              <tbody>
                {c.rows.map((r) => {
                  const ds = share(r.denseMs, denseTotal);
                  const ps = share(r.prunedMs, prunedTotal);
                  return (
                    <tr key={r.nodeType}>
                      <td>{r.pointwise ? `★ ${r.nodeType}` : r.nodeType}</td>
                      <td className="num">{f.percent(ds)}</td>
                      <td className="num">{f.percent(ps)}</td>
                      <td className="num">{scaled(ds, denseBench?.latency.median)}</td>
                      <td className="num">{scaled(ps, prunedBench?.latency.median)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p className="muted" data-testid="op-profile-coverage">
              {[denseBench, prunedBench].map((b) => (b ? profileCoverage(b, t, f) : '')).join('; ')}
            </p>
            <p className="muted">
              {t('report.ops.pointwise', { dense: f.percent(c.densePointwiseShare), pruned: f.percent(c.prunedPointwiseShare) })}
            </p>
          </div>
        );
      })}
    </>
  );
}

/** How many inferences a profile covers and where it came from: the profile is never of the timed runs unless it says so. */
function profileCoverage(b: BenchmarkSummary, t: (k: string, o?: Record<string, unknown>) => string, f: Formatters): string {
  const role = t(`report.role.${b.role}`);
  if (b.opProfileFiles === 0) return t('report.ops.notTaken', { role });
  return t('report.ops.coverage', {
    role,
    calls: b.opProfileCalls === null ? t('report.ops.unknownCalls') : f.count(b.opProfileCalls),
    how: t(`report.ops.source.${b.opProfileSource ?? 'mixed'}`),
    files: f.count(b.opProfileFiles),
    reps: f.count(b.repetitions.length),
  });
}

function thermalText(r: ThermalReading | null, t: (k: string, o?: Record<string, unknown>) => string, f: Formatters): string {
  if (!r) return t('report.devices.notRecorded');
  const parts: string[] = [];
  if (r.status !== null) parts.push(`${r.status} (${t(`report.devices.thermal.${r.status}`, { defaultValue: '?' })})`);
  if (r.temperatureC !== null) parts.push(t('report.devices.cpuTemp', { value: f.number(r.temperatureC, 1) }));
  if (r.batteryC !== null) parts.push(t('report.devices.batteryTemp', { value: f.number(r.batteryC, 1) }));
  if (r.text) parts.push(r.text);
  return parts.length ? parts.join(', ') : t('report.devices.notRecorded');
}

export function DevicesSection({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      {report.devices.map((d) => (
        <div key={d.id} className="device-facts">
          <h3>
            {d.label} <span className="muted">({d.kind === 'host' ? t('report.devices.host') : d.id})</span>{' '}
            {d.synthetic ? <span className="tag synthetic">{t('report.synthetic.emulated')}</span> : null}
          </h3>
          {Object.keys(d.details).length ? (
            <table className="table compact kv">
              <tbody>
                {Object.entries(d.details).map(([k, v]) => (
                  <tr key={k}>
                    <th>{k}</th>
                    <td className="wrap">{v === null ? '—' : String(v)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t('report.devices.noDetails')}</p>
          )}
          {d.thermal.length ? (
            <table className="table compact">
              <thead>
                <tr>
                  <th>{t('report.col.model')}</th>
                  <th className="num">{t('report.col.rep')}</th>
                  <th>{t('report.col.thermalBefore')}</th>
                  <th>{t('report.col.thermalAfter')}</th>
                </tr>
              </thead>
              <tbody>
                {d.thermal.map((th, i) => (
                  <tr key={i}>
                    <td>{th.model ?? '—'}</td>
                    <td className="num">{th.repetition ?? '—'}</td>
                    <td className="wrap">{thermalText(th.before, t, f)}</td>
                    <td className="wrap">{thermalText(th.after, t, f)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t('report.devices.noThermal')}</p>
          )}
        </div>
      ))}
    </>
  );
}

function flagsText(b: BenchmarkSummary): string {
  return Object.entries(b.flags)
    .map(([k, v]) => `--${k}=${String(v)}`)
    .join(' ');
}

export function ToolsTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <table className="table" data-testid="report-tools">
      <thead>
        <tr>
          <th>{t('report.col.device')}</th>
          <th>{t('report.col.model')}</th>
          <th>{t('report.col.tool')}</th>
          <th>{t('report.col.sha256')}</th>
          <th>{t('report.col.flags')}</th>
          <th>{t('report.col.sparse')}</th>
        </tr>
      </thead>
      <tbody>
        {report.benchmarks.map((b) => {
          const flags = flagsText(b);
          return (
            <tr key={`${b.run}/${b.device}/${b.model}`}>
              <td>{deviceLabel(report, b.device, t('report.devices.thisComputer'))}</td>
              <td>{modelName(report, b, t)}</td>
              <td className="wrap">
                {b.tool.name}
                {b.tool.version ? <span className="muted"> {b.tool.version}</span> : null}
              </td>
              <td>{b.tool.sha256 ? <Abbrev full={b.tool.sha256} short={abbreviate(b.tool.sha256)} /> : '—'}</td>
              <td>{flags ? <Abbrev full={flags} short={flags.length > 40 ? `${flags.slice(0, 39)}…` : flags} /> : '—'}</td>
              <td>
                <Abbrev
                  full={`${b.sparseInference.engaged}: ${b.sparseInference.reason}`}
                  short={`${t(`report.engaged.${b.sparseInference.engaged}`)}${b.sparseInference.reason ? ` — ${b.sparseInference.reason.length > 36 ? `${b.sparseInference.reason.slice(0, 35)}…` : b.sparseInference.reason}` : ''}`}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function RepetitionsTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <table className="table compact" data-testid="report-repetitions">
      <thead>
        <tr>
          <th>{t('report.col.device')}</th>
          <th>{t('report.col.model')}</th>
          <th className="num">{t('report.col.rep')}</th>
          <th>{t('report.col.started')}</th>
          <th className="num">{t('report.col.runs')}</th>
          <th className="num">{t('report.col.median')}</th>
          <th className="num">{t('report.col.mean')}</th>
          <th className="num">{t('report.col.std')}</th>
          <th>{t('report.col.rawOutput')}</th>
        </tr>
      </thead>
      <tbody>
        {report.benchmarks.flatMap((b) =>
          b.repetitions.map((r) => (
            <tr key={`${b.run}/${b.device}/${b.model}/${r.repetition}`} className={r.synthetic ? 'synthetic-row' : undefined}>
              <td>
                {deviceLabel(report, b.device, t('report.devices.thisComputer'))}
                {r.synthetic ? <span className="tag synthetic">{t('report.synthetic.short')}</span> : null}
              </td>
              <td>{modelName(report, b, t)}</td>
              <td className="num">{r.repetition}</td>
              <td>{f.date(r.startedAt)}</td>
              <td className="num">{f.count(r.count)}</td>
              <td className="num">{f.micros(r.median)}</td>
              <td className="num">{f.micros(r.avg)}</td>
              <td className="num">{f.micros(r.std)}</td>
              <td>
                <Abbrev full={r.rawOutputFile ?? r.file} short={shortPath(r.rawOutputFile ?? r.file, 1)} />
              </td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

export function RunsSection({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      {report.runs.map((run) => (
        <div key={run.id} className="run-facts">
          <h3>
            {run.id}{' '}
            <span className="muted">
              {t('report.runs.meta', {
                kind: run.kind,
                status: t(`status.${run.status}`, { defaultValue: run.status }),
                created: f.date(run.createdAt),
              })}
            </span>
          </h3>
          <p className="muted">
            <Abbrev full={run.dir} short={shortPath(run.dir, 3)} />
          </p>
          {run.error ? <p className="error-message">{t('report.runs.error', { error: run.error })}</p> : null}
          {run.dataset ? (
            <p>
              {t('report.runs.dataset', {
                source: run.dataset.source,
                train: f.count(run.dataset.train),
                validation: f.count(run.dataset.validation),
                test: f.count(run.dataset.test),
              })}{' '}
              {run.dataset.fingerprint ? (
                <Abbrev full={run.dataset.fingerprint} short={abbreviate(run.dataset.fingerprint)} />
              ) : null}
            </p>
          ) : null}
          <table className="table compact">
            <thead>
              <tr>
                <th>{t('report.col.step')}</th>
                <th>{t('report.col.status')}</th>
                <th>{t('report.col.started')}</th>
                <th>{t('report.col.ended')}</th>
                <th>{t('report.col.error')}</th>
              </tr>
            </thead>
            <tbody>
              {run.steps.map((s) => (
                <tr key={s.name}>
                  <td>{t(`steps.${s.name}`, { defaultValue: s.name })}</td>
                  <td>{t(`status.${s.status}`, { defaultValue: s.status })}</td>
                  <td>{f.date(s.startedAt)}</td>
                  <td>{f.date(s.endedAt)}</td>
                  <td className="wrap">
                    {s.error ? <Abbrev full={s.error} short={s.error.length > 60 ? `${s.error.slice(0, 59)}…` : s.error} /> : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <details>
            <summary>{t('report.runs.config')}</summary>
            <pre>{JSON.stringify({ config: run.config, environment: run.environment }, null, 2)}</pre>
          </details>
        </div>
      ))}
    </>
  );
}
