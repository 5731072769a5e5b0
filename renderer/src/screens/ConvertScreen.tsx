import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';
import { useJob } from '../api/use-job';
import { ErrorBox } from '../components/ErrorBox';
import { Section, Stat } from '../components/fields';
import { ProgressBar } from '../components/ProgressBar';
import { formatBytes, formatCount, formatNumber, formatPercent } from '../format/numbers';
import { asContractError } from '../transport/api-error';
import type { ContractError } from '../../../shared/contract';
import {
  convertedFiles,
  CONVERT_PHASES,
  initialConvertProgress,
  opCounts,
  reduceConvertProgress,
  resolveInRun,
  sparseTensors,
  type ConvertedFile,
  type Inspection,
} from '../state/conversion';
import { buildConvertConfig } from '../state/job-configs';
import { usePipeline } from '../state/pipeline-context';
import { JobStatusLine } from './JobStatus';
import { useRunScoped } from '../state/use-run-scoped';

function FileCard({ file, path }: { file: ConvertedFile; path: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [inspection, setInspection] = useState<Inspection | undefined>(undefined);
  const [error, setError] = useState<ContractError | undefined>(undefined);
  useEffect(() => {
    api.invoke('tflite.inspect', { file: path }).then(
      (value) => setInspection(value as Inspection),
      (e: unknown) => setError(asContractError(e)),
    );
  }, [api, path]);
  const verdict = inspection?.sparseInference;
  return (
    <Section title={file.role === 'pruned' ? t('wizard.convert.prunedModel') : t('wizard.convert.denseModel')}>
      <div data-testid={`convert-${file.role}`}>
        <p className="muted">
          <code>{path}</code>
        </p>
        <div className="stats">
          <Stat label={t('wizard.convert.fileSize')} value={formatBytes(file.bytes)} testId={`convert-${file.role}-bytes`} />
          <Stat label={t('wizard.convert.weights')} value={formatBytes(file.weightBytes)} />
          <Stat label={t('wizard.convert.sparseTensors')} value={file.sparseTensors.length} />
          <Stat label={t('wizard.convert.bytesSaved')} value={formatBytes(file.sparseTensors.reduce((a, t) => a + t.bytesSaved, 0))} />
          <Stat label={t('wizard.convert.maxDiff')} value={formatNumber(file.validation?.maxAbsDiff)} testId={`convert-${file.role}-diff`} />
          <Stat label={t('wizard.convert.agreement')} value={formatPercent(file.validation?.agreement)} />
          <Stat label={t('wizard.convert.accuracy')} value={formatPercent(file.validation?.accuracyTflite)} />
        </div>
        <ErrorBox error={error} />
        {verdict && file.role === 'dense' ? (
          <div className="verdict info" data-testid="convert-dense-verdict" data-eligible={verdict.eligible}>
            <p>
              {t('wizard.convert.denseByDesign')}
            </p>
            <details>
              <summary>{t('wizard.convert.rulesFor')}</summary>
              <ul className="rules">
                {verdict.rules.map((r) => (
                  <li key={r.id} className={r.pass ? 'pass' : 'neutral'}>
                    {r.pass ? '✓' : '–'} {r.title}: <span className="muted">{r.reason}</span>
                  </li>
                ))}
              </ul>
            </details>
          </div>
        ) : null}
        {verdict && file.role === 'pruned' ? (
          <div className={verdict.eligible ? 'verdict ok' : 'verdict bad'} data-testid="convert-pruned-verdict">
            <p>
              {verdict.eligible ? '✓' : '✗'} {verdict.summary}
            </p>
            <ul className="rules">
              {verdict.rules.map((r) => (
                <li key={r.id} className={r.pass ? 'pass' : 'fail'}>
                  {r.pass ? '✓' : '✗'} {r.title}: <span className="muted">{r.reason}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {inspection ? (
          <div className="two-col">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('wizard.convert.col.operator')}</th>
                  <th className="num">{t('wizard.convert.col.count')}</th>
                </tr>
              </thead>
              <tbody>
                {opCounts(inspection).map((o) => (
                  <tr key={o.op}>
                    <td>{o.op}</td>
                    <td className="num">{o.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {sparseTensors(inspection).length > 0 ? (
              <table className="table" data-testid={`convert-${file.role}-sparse-tensors`}>
                <thead>
                  <tr>
                    <th>{t('wizard.convert.col.tensor')}</th>
                    <th>{t('wizard.convert.col.shape')}</th>
                    <th className="num">{t('wizard.convert.col.stored')}</th>
                    <th className="num">{t('wizard.convert.col.zeros')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sparseTensors(inspection).map((t) => (
                    <tr key={t.name}>
                      <td>
                        <code className="tensor-name">
                          {t.name.split('/').map((part, i) => (
                            <span key={i}>
                              {i > 0 ? '/' : ''}
                              {i > 0 ? <wbr /> : null}
                              {part}
                            </span>
                          ))}
                        </code>
                      </td>
                      <td className="nowrap">{t.shape.join('×')}</td>
                      <td className="num">{formatCount(t.storedValues)}</td>
                      <td className="num nowrap">{formatPercent(t.zeroFraction)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="muted" data-testid={`convert-${file.role}-no-sparse`}>
                {t('wizard.convert.noSparse')}
              </p>
            )}
          </div>
        ) : null}
      </div>
    </Section>
  );
}

export function ConvertScreen({ onNext }: { onNext(): void }) {
  const { t } = useTranslation();
  const { pipeline, update } = usePipeline();
  const job = useJob('convert', reduceConvertProgress, initialConvertProgress);
  const runDir = pipeline.runDir;
  useRunScoped(job.reset, pipeline.pruned);
  const files = job.status === 'completed' ? convertedFiles(job.result) : job.progress.files;
  useEffect(() => {
    if (job.status === 'completed' && runDir)
      update({ tfliteFiles: convertedFiles(job.result).map((f) => resolveInRun(runDir, f.file)) });
    // Only the transition to 'completed' matters.
  }, [job.status]);

  return (
    <div className="screen" data-testid="screen-convert">
      <Section title={t('wizard.convert.title')}>
        <p className="muted">
          {t('wizard.convert.intro')}
        </p>
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={!runDir || !pipeline.pruned || job.active}
            onClick={() =>
              runDir &&
              void job.start(
                buildConvertConfig({ runDir, data: pipeline.data, limit: pipeline.limit, backend: pipeline.backend }),
              )
            }
            data-testid="convert-start"
          >
            {t('wizard.convert.start')}
          </button>
          <JobStatusLine
            status={job.status}
            error={job.error}
            name="convert"
            keptNote={t('wizard.convert.cancelled')}
          />
        </div>
        {job.active ? (
          <ProgressBar done={job.progress.done} total={CONVERT_PHASES} label={job.progress.phase} testId="convert-progress" />
        ) : null}
        {!runDir || !pipeline.pruned ? (
          <p className="muted">{t('wizard.convert.pruneFirst')}</p>
        ) : null}
      </Section>
      {runDir && files.map((f) => <FileCard key={f.file} file={f} path={resolveInRun(runDir, f.file)} />)}
      {job.status === 'completed' && files.length > 0 ? (
        <div className="actions end">
          <button type="button" className="primary" onClick={onNext} data-testid="convert-next">
            {t('wizard.next.benchmark')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
