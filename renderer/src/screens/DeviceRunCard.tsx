import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../components/ErrorBox';
import { ProgressBar } from '../components/ProgressBar';
import { formatBytes, formatMicros } from '../format/numbers';
import { baseName, runCount, type DeviceProgress } from '../state/benchmark-progress';

/** One device's benchmark: what it is doing, runs done of planned, each measured repetition, or its error. */
export function DeviceRunCard({
  progress,
  label,
  plannedRepetitions,
  timedRuns,
  finished,
  testIdPrefix = 'bench',
}: {
  progress: DeviceProgress;
  label: string;
  /** Models x repetitions: one benchmark_model invocation each. */
  plannedRepetitions: number;
  /** Timed runs inside each repetition. */
  timedRuns: number;
  finished: boolean;
  /** Prefix of the test ids (`bench-device-host` ...), so two screens' cards stay apart. */
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  const synthetic = progress.results.some((r) => r.synthetic);
  const runs = runCount(progress, plannedRepetitions);
  return (
    <div className="device-run" data-testid={`${testIdPrefix}-device-${progress.device}`}>
      <h3>
        {label} {synthetic ? <span className="tag synthetic">{t('wizard.bench.synthetic')}</span> : null}
      </h3>
      {progress.error ? (
        <ErrorBox error={progress.error} testId={`${testIdPrefix}-error-${progress.device}`} />
      ) : (
        <>
          <ProgressBar
            done={runs.done}
            total={runs.total}
            label={
              finished
                ? t('wizard.bench.repsDone', { done: runs.done, total: runs.total, runs: timedRuns })
                : t('wizard.bench.repsNow', { done: runs.done, total: runs.total, runs: timedRuns, phase: progress.phase })
            }
          />
          {progress.bytes && !finished ? (
            <p className="muted small">
              {formatBytes(progress.bytes.done)}
              {progress.bytes.total !== undefined ? t('wizard.bench.bytesOf', { total: formatBytes(progress.bytes.total) }) : ''}
            </p>
          ) : null}
        </>
      )}
      {progress.failures.map((f, i) => (
        <ErrorBox
          key={i}
          error={{ ...f, message: `${f.model ? baseName(f.model) : ''}: ${f.message}` }}
          testId={`${testIdPrefix}-failure-${progress.device}`}
        />
      ))}
      {progress.results.length > 0 ? (
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('wizard.bench.col.model')}</th>
              <th className="num">{t('wizard.bench.col.rep')}</th>
              <th className="num">{t('wizard.bench.col.average')}</th>
              <th className="num">{t('wizard.bench.col.min')}</th>
              <th className="num">{t('wizard.bench.col.max')}</th>
              <th>{t('wizard.bench.col.sparse')}</th>
            </tr>
          </thead>
          <tbody>
            {progress.results.map((r, i) => (
              <tr key={i}>
                <td>{baseName(r.model.file)}</td>
                <td className="num">{r.repetition + 1}</td>
                <td className="num">{formatMicros(r.stats.avg)}</td>
                <td className="num">{formatMicros(r.stats.min)}</td>
                <td className="num">{formatMicros(r.stats.max)}</td>
                <td title={r.sparseInference.reason}>{t(`report.engaged.${r.sparseInference.engaged}`, { defaultValue: String(r.sparseInference.engaged) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
