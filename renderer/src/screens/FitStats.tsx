import { Stat } from '../components/fields';
import { ProgressBar } from '../components/ProgressBar';
import { formatCount, formatDuration, formatPercent } from '../format/numbers';
import { atChance, chanceLevel } from '../state/chance';
import { etaSeconds, stepProgress, type TrainProgress } from '../state/train-progress';

const PHASE: Record<string, string> = { download: 'Downloading', extract: 'Extracting', decode: 'Decoding images' };

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
          label={`${PHASE[dataset.phase] ?? dataset.phase}${dataset.file ? ` ${dataset.file}` : ''}`}
          testId={`${prefix}-data-progress`}
        />
      ) : null}
      {last || active ? (
        <ProgressBar
          done={done}
          total={total}
          label={last ? `Epoch ${last.epoch + 1} of ${epochs} · step ${formatCount(done)} of ${formatCount(total)}` : 'Preparing'}
          testId={`${prefix}-progress`}
        />
      ) : null}
      <div className="stats">
        <Stat label="Images / s" value={last ? formatCount(last.imagesPerSecond) : '—'} testId={`${prefix}-throughput`} />
        <Stat label="Time left" value={active ? formatDuration(etaSeconds(progress, epochs)) : '—'} testId={`${prefix}-eta`} />
        <Stat
          label={lastEpoch ? `Training loss, epoch ${lastEpoch.epoch + 1} mean` : 'Training loss, epoch mean'}
          value={lastEpoch ? lastEpoch.loss.toFixed(3) : '—'}
          testId={`${prefix}-epoch-loss`}
        />
        <Stat label="Loss of the last batch" value={last ? last.loss.toFixed(3) : '—'} testId={`${prefix}-batch-loss`} />
        <Stat
          label={lastEpoch ? `Validation accuracy, epoch ${lastEpoch.epoch + 1}` : 'Validation accuracy'}
          value={formatPercent(lastEpoch?.valAccuracy)}
          testId={`${prefix}-val-accuracy`}
        />
        <Stat label="Test accuracy" value={formatPercent(test?.accuracy)} testId={`${prefix}-test-accuracy`} />
        {progress.start ? <Stat label="Backend" value={progress.start.backend} /> : null}
      </div>
      {chance ? (
        <p className="warning" role="status" data-testid={`${prefix}-chance`}>
          This test accuracy is at chance level: with {classes} classes, guessing gets {formatPercent(chanceLevel(classes))} on
          average, and {formatCount(testImages)} test images cannot tell the two apart. Train longer or on more images before
          reading anything into later steps.
        </p>
      ) : null}
    </div>
  );
}
