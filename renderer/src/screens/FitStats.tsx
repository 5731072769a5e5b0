import { useTranslation } from 'react-i18next';
import { Stat } from '../components/fields';
import { ProgressBar } from '../components/ProgressBar';
import { formatCount, formatDuration, formatPercent } from '../format/numbers';
import { atChance, chanceLevel } from '../state/chance';
import { etaSeconds, stepProgress, type TrainProgress } from '../state/train-progress';

/** Data loading progress, the step progress bar, throughput, ETA and the latest epoch's numbers of a fit. */
export function FitStats({
  progress,
  epochs,
  prefix,
  active,
  classes,
}: {
  progress: TrainProgress;
  epochs: number;
  prefix: string;
  active: boolean;
  classes: number;
}) {
  const { t } = useTranslation();
  const { done, total } = stepProgress(progress, epochs);
  const dataset = progress.dataset;
  const last = progress.last;
  const lastEpoch = progress.epochs[progress.epochs.length - 1];
  const test = progress.test;
  const testImages = progress.start?.test ?? 0;
  const chance = test !== undefined && testImages > 0 && atChance(test.accuracy, classes, testImages);
  return (
    <div>
      {active && dataset && !last ? (
        <ProgressBar
          done={dataset.done}
          total={dataset.total || undefined}
          label={`${t(`wizard.fit.phase.${dataset.phase}`, { defaultValue: dataset.phase })}${dataset.file ? ` ${dataset.file}` : ''}`}
          testId={`${prefix}-data-progress`}
        />
      ) : null}
      {last || active ? (
        <ProgressBar
          done={done}
          total={total}
          label={
            last
              ? t('wizard.fit.epochOf', { epoch: last.epoch + 1, epochs, done: formatCount(done), total: formatCount(total) })
              : t('wizard.fit.preparing')
          }
          testId={`${prefix}-progress`}
        />
      ) : null}
      <div className="stats">
        <Stat label={t('wizard.fit.throughput')} value={last ? formatCount(last.imagesPerSecond) : '—'} testId={`${prefix}-throughput`} />
        <Stat label={t('wizard.fit.eta')} value={active ? formatDuration(etaSeconds(progress, epochs)) : '—'} testId={`${prefix}-eta`} />
        <Stat
          label={lastEpoch ? t('wizard.fit.epochLossN', { epoch: lastEpoch.epoch + 1 }) : t('wizard.fit.epochLoss')}
          value={lastEpoch ? lastEpoch.loss.toFixed(3) : '—'}
          testId={`${prefix}-epoch-loss`}
        />
        <Stat label={t('wizard.fit.batchLoss')} value={last ? last.loss.toFixed(3) : '—'} testId={`${prefix}-batch-loss`} />
        <Stat
          label={lastEpoch ? t('wizard.fit.valAccuracyN', { epoch: lastEpoch.epoch + 1 }) : t('wizard.fit.valAccuracy')}
          value={formatPercent(lastEpoch?.valAccuracy)}
          testId={`${prefix}-val-accuracy`}
        />
        <Stat label={t('wizard.fit.testAccuracy')} value={formatPercent(test?.accuracy)} testId={`${prefix}-test-accuracy`} />
        {progress.start ? <Stat label={t('wizard.fit.backend')} value={progress.start.backend} /> : null}
      </div>
      {chance ? (
        <p className="warning" role="status" data-testid={`${prefix}-chance`}>
          {t('wizard.fit.chance', { classes, chance: formatPercent(chanceLevel(classes)), images: formatCount(testImages) })}
        </p>
      ) : null}
    </div>
  );
}
