import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { trainJobConfig } from '../../../shared/contract';
import { useJob } from '../api/use-job';
import { NumberField, Section, SelectField } from '../components/fields';
import { ThreadsField } from '../components/ThreadsField';
import { buildTrainConfig, joinPath, newRunName, type BackendChoice, type TrainForm } from '../state/job-configs';
import { usePipeline } from '../state/pipeline-context';
import { initialTrainProgress, reduceTrainProgress } from '../state/train-progress';
import { useRunScoped } from '../state/use-run-scoped';
import { FitStats } from './FitStats';
import { JobStatusLine } from './JobStatus';
import { TrainCharts } from './TrainCharts';

const BACKENDS: BackendChoice[] = ['auto', 'fast-cpu', 'tfjs-node', 'tfjs-cpu'];

const FIELDS = trainJobConfig.shape;

export function TrainScreen({ onNext }: { onNext(): void }) {
  const { t } = useTranslation();
  const { pipeline, update, switchRun } = usePipeline();
  const [form, setForm] = useState<TrainForm>({
    epochs: 10,
    batchSize: 128,
    limit: undefined,
    seed: 1,
    backend: 'auto',
    trainThreads: 'auto',
  });
  const job = useJob('train', reduceTrainProgress, initialTrainProgress);
  const set =
    <K extends keyof TrainForm>(key: K) =>
    (value: TrainForm[K] | undefined) =>
      setForm((f) => ({ ...f, [key]: value as TrainForm[K] }));

  const [runDir, setRunDir] = useState<string | undefined>(undefined);
  // The run generation this screen's own training created; any other switch (History) drops what it shows.
  const ownGeneration = useRef<number | undefined>(undefined);
  useRunScoped(() => {
    if (ownGeneration.current !== pipeline.generation) job.reset();
  });

  const dir = joinPath(pipeline.workspace ?? '.', newRunName(new Date()));
  const config = buildTrainConfig({ ...form, limit: pipeline.limit }, pipeline.data, pipeline.model, dir);
  const valid = trainJobConfig.safeParse(config).success;

  const start = (): void => {
    // The button is disabled for invalid values; this guard keeps a request the contract would refuse from leaving.
    if (!trainJobConfig.safeParse(config).success) return;
    setRunDir(dir);
    ownGeneration.current = pipeline.generation + 1;
    switchRun({ backend: form.backend, batchSize: form.batchSize, trainThreads: form.trainThreads });
    void job.start(config);
  };
  const summary = job.status === 'completed' ? (job.result as { out?: string } | undefined) : undefined;
  useEffect(() => {
    if (job.status === 'completed' && ownGeneration.current === pipeline.generation) update({ runDir: summary?.out ?? runDir });
    // Only the transition to 'completed' matters here, so the other values are read, not watched.
  }, [job.status]);

  return (
    <div className="screen" data-testid="screen-train">
      <Section title={t('wizard.train.title')}>
        <p className="muted">
          <Trans
            t={t}
            i18nKey="wizard.train.dataModel"
            values={{
              data: pipeline.data,
              limit: pipeline.limit !== undefined ? t('wizard.train.firstImages', { n: pipeline.limit }) : '',
              model: pipeline.model,
            }}
            components={{ code: <code /> }}
          />
        </p>
        <div className="form-row">
          <NumberField
            label={t('wizard.train.epochs')}
            value={form.epochs}
            onChange={set('epochs')}
            schema={FIELDS.epochs}
            testId="train-epochs"
            disabled={job.active}
          />
          <NumberField
            label={t('wizard.train.batchSize')}
            value={form.batchSize}
            onChange={set('batchSize')}
            schema={FIELDS.batchSize}
            testId="train-batch-size"
            disabled={job.active}
          />
          <NumberField
            label={t('wizard.train.seed')}
            value={form.seed}
            onChange={set('seed')}
            schema={FIELDS.seed}
            testId="train-seed"
            disabled={job.active}
          />
          <SelectField
            label={t('wizard.train.engine')}
            value={form.backend}
            options={BACKENDS.map((value) => ({ value, label: t(`wizard.train.backend.${value}`) }))}
            onChange={(v) => setForm((f) => ({ ...f, backend: v }))}
            testId="train-backend"
            disabled={job.active}
          />
          <ThreadsField
            value={form.trainThreads}
            onChange={(v) => setForm((f) => ({ ...f, trainThreads: v }))}
            testId="train-threads"
            disabled={job.active}
          />
        </div>
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={start}
            disabled={job.active || !pipeline.workspace || !valid}
            data-testid="train-start"
          >
            {t('wizard.train.start')}
          </button>
          <button type="button" onClick={() => void job.cancel()} disabled={!job.active || !job.jobId} data-testid="train-cancel">
            {t('wizard.job.cancel')}
          </button>
          <JobStatusLine
            status={job.status}
            error={job.error}
            name="train"
            keptNote={t('wizard.train.cancelled')}
          />
        </div>
        {!valid ? (
          <p className="field-error" data-testid="train-invalid">
            {t('wizard.train.invalid')}
          </p>
        ) : null}
        {pipeline.workspace ? (
          <p className="muted small">
            <Trans t={t} i18nKey="wizard.train.workspace" values={{ workspace: pipeline.workspace }} components={{ code: <code /> }} />
          </p>
        ) : (
          <p className="muted">{t('wizard.train.noWorkspace')}</p>
        )}
      </Section>
      <Section
        title={t('wizard.train.progress')}
        actions={
          job.status === 'completed' ? (
            <button type="button" className="primary" onClick={onNext} data-testid="train-next">
              {t('wizard.next.prune')}
            </button>
          ) : null
        }
      >
        <FitStats progress={job.progress} epochs={form.epochs} prefix="train" active={job.active} classes={pipeline.classes} />
        <TrainCharts progress={job.progress} prefix="train" />
        {summary?.out ? (
          <p className="muted" data-testid="train-run-dir">
            <Trans t={t} i18nKey="wizard.train.savedTo" values={{ out: summary.out }} components={{ code: <code /> }} />
          </p>
        ) : null}
      </Section>
    </div>
  );
}
