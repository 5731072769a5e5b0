import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pruneJobConfig } from '../../../shared/contract';
import { useJob } from '../api/use-job';
import { LineChart } from '../../../shared/report-view/charts/LineChart';
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
  const { t } = useTranslation();
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
      <Section title={t('wizard.prune.title')}>
        <div className="form-row">
          <NumberField
            label={t('wizard.prune.initial')}
            value={form.initialSparsity}
            onChange={set('initialSparsity')}
            schema={FIELDS.initialSparsity}
            step={0.05}
            testId="prune-initial"
            disabled={job.active}
          />
          <NumberField
            label={t('wizard.prune.final')}
            value={form.finalSparsity}
            onChange={set('finalSparsity')}
            schema={FIELDS.finalSparsity}
            step={0.05}
            testId="prune-final"
            disabled={job.active}
          />
          <NumberField
            label={t('wizard.prune.endEpoch')}
            value={form.endEpoch}
            onChange={set('endEpoch')}
            schema={FIELDS.endEpoch}
            testId="prune-end-epoch"
            disabled={job.active}
          />
          <NumberField
            label={t('wizard.prune.frequency')}
            value={form.frequency}
            onChange={set('frequency')}
            schema={FIELDS.frequency}
            testId="prune-frequency"
            disabled={job.active}
          />
          <NumberField
            label={t('wizard.prune.epochs')}
            value={form.epochs}
            onChange={set('epochs')}
            schema={FIELDS.epochs}
            testId="prune-epochs"
            disabled={job.active}
          />
          <NumberField
            label={t('wizard.prune.batchSize')}
            value={form.batchSize}
            onChange={set('batchSize')}
            schema={FIELDS.batchSize}
            testId="prune-batch-size"
            disabled={job.active}
            help={t('wizard.prune.batchHelp')}
          />
          <ThreadsField value={threads} onChange={setThreads} testId="prune-threads" disabled={job.active} />
        </div>
        <p className="muted">
          {t('wizard.prune.schedule', {
            power: form.power,
            steps: formatCount(plot.totalSteps),
            images: formatCount(trainImages),
            assumed: pipeline.trainImages === undefined ? t('wizard.prune.assumed') : '',
            end: formatCount(plot.endStep),
            fix: pipeline.fixForXnnpack ? t('wizard.prune.fixFirst') : '',
          })}
        </p>
        {noUpdate ? (
          <div className="warning" role="status" data-testid="prune-no-update">
            {workingFrequency !== undefined ? (
              <p>
                {t('wizard.prune.noUpdateFrequency', {
                  steps: formatCount(plot.totalSteps),
                  frequency: formatCount(form.frequency),
                  working: formatCount(workingFrequency),
                })}
              </p>
            ) : (
              <p>
                {t('wizard.prune.noUpdate', { steps: formatCount(plot.totalSteps) })}
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
            chart="prune-schedule"
            emptyText={t('wizard.charts.noData')}
            title={t('wizard.prune.chartTitle')}
            series={[
              { name: t('wizard.prune.target'), points: plot.points.map((p) => ({ x: p.step, y: p.sparsity })) },
              {
                name: t('wizard.prune.actual'),
                points: actualPoints(job.progress.maskUpdates),
                stepped: { holdTo: job.progress.sparsity.at(-1)?.step ?? job.progress.maskUpdates.at(-1)?.step },
                color: '#D55E00',
              },
            ]}
            marks={maskSteps}
            marksLabel={t(job.progress.maskUpdates.length > 0 ? 'wizard.prune.marksDone' : 'wizard.prune.marksPlanned', { n: formatCount(maskSteps.length) })}
            xLabel={t('wizard.prune.step')}
            yLabel={t('wizard.prune.sparsity')}
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
            {t('wizard.prune.start')}
          </button>
          <button type="button" onClick={() => void job.cancel()} disabled={!job.active || !job.jobId} data-testid="prune-cancel">
            {t('wizard.job.cancel')}
          </button>
          <JobStatusLine
            status={job.status}
            error={job.error}
            name="prune"
            keptNote={t('wizard.prune.cancelled')}
          />
        </div>
        {!runDir ? <p className="muted">{t('wizard.prune.trainFirst')}</p> : null}
      </Section>
      <Section
        title={t('wizard.prune.fineTuning')}
        actions={
          job.status === 'completed' ? (
            <button type="button" className="primary" onClick={onNext} data-testid="prune-next">
              {t('wizard.next.convert')}
            </button>
          ) : null
        }
      >
        {prunedNothing ? (
          <div className="warning" role="status" data-testid="prune-nothing">
            <p>
              {t('wizard.prune.nothing', { zeros: formatPercent(meanSparsity(tensors)) })}
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
          titles={{ loss: t('wizard.prune.fitLoss'), accuracy: t('wizard.prune.fitAccuracy') }}
        />
        <SparsityTable tensors={tensors} target={form.finalSparsity} />
      </Section>
    </div>
  );
}
