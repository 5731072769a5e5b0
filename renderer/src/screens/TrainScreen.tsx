import { useEffect, useRef, useState } from 'react';
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

const BACKENDS: { value: BackendChoice; label: string }[] = [
  { value: 'auto', label: 'Automatic (fastest available)' },
  { value: 'fast-cpu', label: 'Fast CPU engine' },
  { value: 'tfjs-node', label: 'TensorFlow.js (native)' },
  { value: 'tfjs-cpu', label: 'TensorFlow.js (pure JS, slow)' },
];

const FIELDS = trainJobConfig.shape;

export function TrainScreen({ onNext }: { onNext(): void }) {
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
      <Section title="Training settings">
        <p className="muted">
          Data <code>{pipeline.data}</code>
          {pipeline.limit !== undefined ? ` (first ${pipeline.limit} images)` : ''} · model <code>{pipeline.model}</code>
        </p>
        <div className="form-row">
          <NumberField
            label="Epochs"
            value={form.epochs}
            onChange={set('epochs')}
            schema={FIELDS.epochs}
            testId="train-epochs"
            disabled={job.active}
          />
          <NumberField
            label="Batch size"
            value={form.batchSize}
            onChange={set('batchSize')}
            schema={FIELDS.batchSize}
            testId="train-batch-size"
            disabled={job.active}
          />
          <NumberField
            label="Seed"
            value={form.seed}
            onChange={set('seed')}
            schema={FIELDS.seed}
            testId="train-seed"
            disabled={job.active}
          />
          <SelectField
            label="Engine"
            value={form.backend}
            options={BACKENDS}
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
            Start training
          </button>
          <button type="button" onClick={() => void job.cancel()} disabled={!job.active || !job.jobId} data-testid="train-cancel">
            Cancel
          </button>
          <JobStatusLine
            status={job.status}
            error={job.error}
            name="train"
            keptNote="You cancelled the training. No model was saved; the run folder keeps its record (run.json) and shows as cancelled in History."
          />
        </div>
        {!valid ? (
          <p className="field-error" data-testid="train-invalid">
            Correct the highlighted settings to start training.
          </p>
        ) : null}
        {pipeline.workspace ? (
          <p className="muted small">
            New runs go to <code>{pipeline.workspace}</code> (change it in Settings).
          </p>
        ) : (
          <p className="muted">No workspace folder yet: set one in Settings.</p>
        )}
      </Section>
      <Section
        title="Progress"
        actions={
          job.status === 'completed' ? (
            <button type="button" className="primary" onClick={onNext} data-testid="train-next">
              Next: prune
            </button>
          ) : null
        }
      >
        <FitStats progress={job.progress} epochs={form.epochs} prefix="train" active={job.active} classes={pipeline.classes} />
        <TrainCharts progress={job.progress} prefix="train" />
        {summary?.out ? (
          <p className="muted" data-testid="train-run-dir">
            Saved to <code>{summary.out}</code>
          </p>
        ) : null}
      </Section>
    </div>
  );
}
