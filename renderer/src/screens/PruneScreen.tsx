import { useEffect, useMemo, useState } from 'react';
import { pruneJobConfig } from '../../../shared/contract';
import { useJob } from '../api/use-job';
import { LineChart } from '../charts/LineChart';
import { NumberField, Section } from '../components/fields';
import { ThreadsField } from '../components/ThreadsField';
import { formatCount, formatPercent } from '../format/numbers';
import { buildPruneConfig } from '../state/job-configs';
import { usePipeline } from '../state/pipeline-context';
import { initialPruneProgress, latestSparsity, reducePruneProgress } from '../state/prune-progress';
import { GUIDE_SCHEDULE, largestPruningFrequency, schedulePlot, type ScheduleForm } from '../state/schedule-points';
import { useRunScoped } from '../state/use-run-scoped';
import { FitStats } from './FitStats';
import { JobStatusLine } from './JobStatus';
import { SparsityTable } from './SparsityTable';
import { TrainCharts } from './TrainCharts';

const FIELDS = pruneJobConfig.shape;
/** Below this mean sparsity of the pruned weights, the run pruned nothing worth the name. */
const NOTHING_PRUNED = 0.005;

function meanSparsity(tensors: { sparsity: number }[]): number {
  return tensors.reduce((a, t) => a + t.sparsity, 0) / Math.max(1, tensors.length);
}

/**
 * The actual sparsity (mean over the pruned weights) right after each mask update, from the job's per-update events:
 * it only changes there, so it is drawn as steps, from 0 before training to the last update, held to the last step.
 */
function actualPoints(updates: { step: number; sparsity: number }[]): { x: number; y: number }[] {
  return updates.length > 0 ? [{ x: 0, y: 0 }, ...updates.map((u) => ({ x: u.step, y: u.sparsity }))] : [];
}

export function PruneScreen({ onNext }: { onNext(): void }) {
  const { pipeline, update } = usePipeline();
  const [form, setForm] = useState<ScheduleForm>({ ...GUIDE_SCHEDULE, batchSize: pipeline.batchSize });
  const job = useJob('prune', reducePruneProgress, initialPruneProgress);
  useRunScoped(job.reset);
  useEffect(() => setForm((f) => ({ ...f, batchSize: pipeline.batchSize })), [pipeline.batchSize]);
  const [threads, setThreads] = useState(pipeline.trainThreads);
  useEffect(() => setThreads(pipeline.trainThreads), [pipeline.trainThreads]);
  const trainImages = pipeline.trainImages ?? 45_000;
  const plot = useMemo(() => schedulePlot(form, trainImages), [form, trainImages]);
  const set = (key: keyof ScheduleForm) => (value: number | undefined) => setForm((f) => ({ ...f, [key]: value ?? Number.NaN }));
  const runDir = pipeline.runDir;
  const config = buildPruneConfig(form, {
    runDir: runDir ?? '.',
    data: pipeline.data,
    fix: pipeline.fixForXnnpack,
    limit: pipeline.limit,
    seed: 1,
    backend: pipeline.backend,
    trainThreads: threads,
  });
  const valid = pruneJobConfig.safeParse(config).success && plot.error === undefined;
  const noUpdate = plot.error === undefined && plot.updates.length === 0;
  const workingFrequency = useMemo(
    () => (noUpdate ? largestPruningFrequency(form, trainImages) : undefined),
    [noUpdate, form, trainImages],
  );

  const start = (): void => {
    if (!runDir || !valid) return;
    update({ pruned: false, tfliteFiles: [] });
    void job.start(config);
  };
  useEffect(() => {
    if (job.status === 'completed') update({ pruned: true });
    // Only the transition to 'completed' matters.
  }, [job.status]);
  const tensors = latestSparsity(job.progress);
  // The updates that happened once the job runs; before that, the ones the schedule plans.
  const maskSteps = job.progress.maskUpdates.length > 0 ? job.progress.maskUpdates.map((u) => u.step) : plot.updates;
  const prunedNothing = job.status === 'completed' && tensors.length > 0 && meanSparsity(tensors) < NOTHING_PRUNED;

  return (
    <div className="screen" data-testid="screen-prune">
      <Section title="Pruning schedule (PolynomialDecay)">
        <div className="form-row">
          <NumberField
            label="Initial sparsity"
            value={form.initialSparsity}
            onChange={set('initialSparsity')}
            schema={FIELDS.initialSparsity}
            step={0.05}
            testId="prune-initial"
            disabled={job.active}
          />
          <NumberField
            label="Final sparsity"
            value={form.finalSparsity}
            onChange={set('finalSparsity')}
            schema={FIELDS.finalSparsity}
            step={0.05}
            testId="prune-final"
            disabled={job.active}
          />
          <NumberField
            label="Reach final at epoch"
            value={form.endEpoch}
            onChange={set('endEpoch')}
            schema={FIELDS.endEpoch}
            testId="prune-end-epoch"
            disabled={job.active}
          />
          <NumberField
            label="Mask update every N steps"
            value={form.frequency}
            onChange={set('frequency')}
            schema={FIELDS.frequency}
            testId="prune-frequency"
            disabled={job.active}
          />
          <NumberField
            label="Fine-tuning epochs"
            value={form.epochs}
            onChange={set('epochs')}
            schema={FIELDS.epochs}
            testId="prune-epochs"
            disabled={job.active}
          />
          <NumberField
            label="Batch size"
            value={form.batchSize}
            onChange={set('batchSize')}
            schema={FIELDS.batchSize}
            testId="prune-batch-size"
            disabled={job.active}
            help="Starts from the batch size used for training."
          />
          <ThreadsField value={threads} onChange={setThreads} testId="prune-threads" disabled={job.active} />
        </div>
        <p className="muted">
          Begin step 0, power {form.power}. {formatCount(plot.totalSteps)} steps in all ({formatCount(trainImages)} training
          images
          {pipeline.trainImages === undefined ? ', assumed: load the data in step 1 for the exact count' : ''}); the target is
          reached at step {formatCount(plot.endStep)}. Only 1×1 convolutions are pruned (PruneForLatencyOnXNNPack)
          {pipeline.fixForXnnpack ? '; the XNNPACK fix is applied first' : ''}.
        </p>
        {noUpdate ? (
          <div className="warning" role="status" data-testid="prune-no-update">
            {workingFrequency !== undefined ? (
              <p>
                No mask update will happen: the run has {formatCount(plot.totalSteps)} steps and the masks are updated every{' '}
                {formatCount(form.frequency)} steps, so nothing would be pruned (TFMOT behaves the same). Use a frequency of{' '}
                {formatCount(workingFrequency)} or less.
              </p>
            ) : (
              <p>
                No mask update will happen within the {formatCount(plot.totalSteps)} steps of this run, so nothing would be pruned
                (TFMOT behaves the same). Reach the final sparsity at epoch 1 or later, or fine-tune for more epochs.
              </p>
            )}
          </div>
        ) : null}
        {plot.error ? (
          <div className="error-box" role="alert" data-testid="schedule-error">
            <p className="error-message">{plot.error}</p>
          </div>
        ) : (
          <LineChart
            name="prune-schedule"
            title="Target and actual sparsity against training step (dotted lines: mask updates)"
            series={[
              { name: 'target (PolynomialDecay)', points: plot.points.map((p) => ({ x: p.step, y: p.sparsity })) },
              {
                name: 'actual (mean over pruned weights, at each mask update)',
                points: actualPoints(job.progress.maskUpdates),
                stepped: { holdTo: job.progress.sparsity.at(-1)?.step ?? job.progress.maskUpdates.at(-1)?.step },
                color: '#D55E00',
              },
            ]}
            marks={maskSteps}
            marksLabel={`mask update (${formatCount(maskSteps.length)} ${job.progress.maskUpdates.length > 0 ? 'done' : 'planned'}), dotted`}
            xLabel="training step"
            yLabel="sparsity"
            yDomain={[0, 1]}
            width={760}
          />
        )}
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={start}
            disabled={job.active || !runDir || !valid}
            data-testid="prune-start"
          >
            Prune and fine-tune
          </button>
          <button type="button" onClick={() => void job.cancel()} disabled={!job.active || !job.jobId} data-testid="prune-cancel">
            Cancel
          </button>
          <JobStatusLine
            status={job.status}
            error={job.error}
            name="prune"
            keptNote="You cancelled the pruning. The trained dense model is untouched; no pruned model was saved."
          />
        </div>
        {!runDir ? <p className="muted">Train a model first (step 3), or open a trained run from History.</p> : null}
      </Section>
      <Section
        title="Fine-tuning"
        actions={
          job.status === 'completed' ? (
            <button type="button" className="primary" onClick={onNext} data-testid="prune-next">
              Next: convert
            </button>
          ) : null
        }
      >
        {prunedNothing ? (
          <div className="warning" role="status" data-testid="prune-nothing">
            <p>
              Nothing was pruned: the pruned weights are {formatPercent(meanSparsity(tensors))} zeros because no mask update
              happened. The saved “pruned” model equals the dense one; prune again with a smaller mask update frequency.
            </p>
          </div>
        ) : null}
        <FitStats
          progress={job.progress.fit}
          epochs={form.epochs}
          prefix="prune"
          active={job.active}
          classes={pipeline.classes}
        />
        <TrainCharts
          progress={job.progress.fit}
          prefix="prune-fit"
          titles={{ loss: 'Fine-tuning loss', accuracy: 'Fine-tuning accuracy' }}
        />
        <SparsityTable tensors={tensors} target={form.finalSparsity} />
      </Section>
    </div>
  );
}
