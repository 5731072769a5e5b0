import { Stat } from '../components/fields';
import { ProgressBar } from '../components/ProgressBar';
import { formatCount, formatDuration, formatPercent } from '../format/numbers';
import { etaSeconds, stepProgress, type TrainProgress } from '../state/train-progress';

const PHASE: Record<string, string> = { download: 'Downloading', extract: 'Extracting', decode: 'Decoding images' };

/** Data loading progress, the step progress bar, throughput and ETA of a fit (training or fine-tuning). */
export function FitStats({
  progress,
  epochs,
  prefix,
  active,
}: {
  progress: TrainProgress;
  epochs: number;
  prefix: string;
  active: boolean;
}) {
  const { done, total } = stepProgress(progress, epochs);
  const dataset = progress.dataset;
  const last = progress.last;
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
        <Stat label="Training loss" value={last ? last.loss.toFixed(3) : '—'} />
        <Stat
          label="Validation accuracy"
          value={formatPercent(progress.epochs[progress.epochs.length - 1]?.valAccuracy)}
          testId={`${prefix}-val-accuracy`}
        />
        <Stat label="Test accuracy" value={formatPercent(progress.test?.accuracy)} testId={`${prefix}-test-accuracy`} />
        {progress.start ? <Stat label="Backend" value={progress.start.backend} /> : null}
      </div>
    </div>
  );
}
