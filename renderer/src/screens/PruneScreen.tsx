import { useMemo, useState } from 'react';
import { useJob } from '../api/use-job';
import { LineChart } from '../charts/LineChart';
import { NumberField, Section } from '../components/fields';
import { formatCount } from '../format/numbers';
import { buildPruneConfig } from '../state/job-configs';
import { usePipeline } from '../state/pipeline-context';
import { initialPruneProgress, latestSparsity, reducePruneProgress } from '../state/prune-progress';
import { GUIDE_SCHEDULE, schedulePlot, type ScheduleForm } from '../state/schedule-points';
import { FitStats } from './FitStats';
import { JobStatusLine } from './JobStatus';
import { SparsityTable } from './SparsityTable';

/** Mean sparsity over the pruned tensors, per recorded epoch, placed at that epoch's last step. */
function actualCurve(entries: { step: number; tensors: { sparsity: number }[] }[]): { x: number; y: number }[] {
  return entries
    .filter((e) => e.tensors.length > 0)
    .map((e) => ({ x: e.step, y: e.tensors.reduce((a, t) => a + t.sparsity, 0) / e.tensors.length }));
}

export function PruneScreen({ onNext }: { onNext(): void }) {
  const { pipeline } = usePipeline();
  const [form, setForm] = useState<ScheduleForm>(GUIDE_SCHEDULE);
  const job = useJob('prune', reducePruneProgress, initialPruneProgress);
  const trainImages = pipeline.trainImages ?? 45_000;
  const plot = useMemo(() => schedulePlot(form, trainImages), [form, trainImages]);
  const set = (key: keyof ScheduleForm) => (value: number | undefined) => setForm((f) => ({ ...f, [key]: value ?? f[key] }));
  const runDir = pipeline.runDir;

  const start = (): void => {
    if (!runDir) return;
    void job.start(
      buildPruneConfig(form, {
        runDir,
        data: pipeline.data,
        fix: pipeline.fixForXnnpack,
        limit: pipeline.limit,
        seed: 1,
        backend: pipeline.backend,
      }),
    );
  };
  const tensors = latestSparsity(job.progress);

  return (
    <div className="screen" data-testid="screen-prune">
      <Section title="Pruning schedule (PolynomialDecay)">
        <div className="form-row">
          <NumberField
            label="Initial sparsity"
            value={form.initialSparsity}
            onChange={set('initialSparsity')}
            min={0}
            max={0.99}
            step={0.05}
            testId="prune-initial"
            disabled={job.active}
          />
          <NumberField
            label="Final sparsity"
            value={form.finalSparsity}
            onChange={set('finalSparsity')}
            min={0}
            max={0.99}
            step={0.05}
            testId="prune-final"
            disabled={job.active}
          />
          <NumberField
            label="Reach final at epoch"
            value={form.endEpoch}
            onChange={set('endEpoch')}
            min={0}
            testId="prune-end-epoch"
            disabled={job.active}
          />
          <NumberField
            label="Mask update every N steps"
            value={form.frequency}
            onChange={set('frequency')}
            min={1}
            testId="prune-frequency"
            disabled={job.active}
          />
          <NumberField
            label="Fine-tuning epochs"
            value={form.epochs}
            onChange={set('epochs')}
            min={1}
            testId="prune-epochs"
            disabled={job.active}
          />
          <NumberField
            label="Batch size"
            value={form.batchSize}
            onChange={set('batchSize')}
            min={1}
            testId="prune-batch-size"
            disabled={job.active}
          />
        </div>
        <p className="muted">
          Begin step 0, power {form.power}. {formatCount(plot.totalSteps)} steps in all ({formatCount(trainImages)} training
          images
          {pipeline.trainImages === undefined ? ', assumed: load the data in step 1 for the exact count' : ''}); the target is
          reached at step {formatCount(plot.endStep)}. Only 1×1 convolutions are pruned (PruneForLatencyOnXNNPack)
          {pipeline.fixForXnnpack ? '; the XNNPACK fix is applied first' : ''}.
        </p>
        {plot.error ? (
          <div className="error-box" role="alert" data-testid="schedule-error">
            <p className="error-message">{plot.error}</p>
          </div>
        ) : (
          <LineChart
            name="prune-schedule"
            title="Target sparsity against step (dotted lines: mask updates)"
            series={[
              { name: 'target', points: plot.points.map((p) => ({ x: p.step, y: p.sparsity })) },
              {
                name: 'actual (mean over pruned weights)',
                points: actualCurve(job.progress.sparsity),
                markers: true,
                color: '#D55E00',
              },
            ]}
            marks={plot.updates}
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
            disabled={job.active || !runDir || plot.error !== undefined}
            data-testid="prune-start"
          >
            Prune and fine-tune
          </button>
          <button type="button" onClick={() => void job.cancel()} disabled={!job.active || !job.jobId} data-testid="prune-cancel">
            Cancel
          </button>
          <JobStatusLine status={job.status} error={job.error} name="prune" />
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
        <FitStats progress={job.progress.fit} epochs={form.epochs} prefix="prune" active={job.active} />
        <SparsityTable tensors={tensors} target={form.finalSparsity} />
      </Section>
    </div>
  );
}
