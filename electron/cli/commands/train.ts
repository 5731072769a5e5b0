import { DEFAULT_WORKSPACE_TEXT } from '../../core/report/workspace';
import { runJob } from '../../core/jobs/run-job';
import type { TrainConfig, TrainEvent, TrainSummary } from '../../core/train/train-run';
import { type CliCommand, type CliIO } from '../command';
import { intOption } from '../options';
import { MODEL_HELP, MODEL_OPTIONS, modelOptions } from '../model-options';
import { ProgressBar } from '../progress-bar';
import { BATCH_SIZE_HELP, TRAIN_THREADS_HELP, TRAINING_OPTIONS, trainingOptions, trainThreadsOption } from '../training-options';
import { runWithProgress } from '../run-with-progress';

const USAGE = `Usage: sparse-studio train [options] [--out RUN_DIR]

Trains the reference CNN (dense) and writes the model and metrics into RUN_DIR.

Options:
  --data cifar10|sample|PATH   data set (default: sample, the bundled CIFAR-10 cut); PATH = cifar-10-binary.tar.gz,
                               cifar-10-batches-bin/, or an image folder ROOT/{train,test}/<class>/*.jpg (or its .tar.gz)
${MODEL_HELP}
  --epochs N                   (default: 10)
  --batch-size N|auto          ${BATCH_SIZE_HELP}
  --limit N                    use only the first N training images (and proportionally fewer test images)
  --seed S                     (default: 42)
  --backend auto|fast-cpu|tfjs-cpu|tfjs-node   (default: auto = tfjs-node when it loads, else fast-cpu)
  --threads N|auto             ${TRAIN_THREADS_HELP}
  --cache-dir DIR              where downloads and decoded data are cached
  --out RUN_DIR                run folder (default: a new train-<time> folder in ${DEFAULT_WORKSPACE_TEXT})
  --json                       one JSON object per line on stdout (progress, then a summary)`;

function humanProgress(io: CliIO): (event: TrainEvent) => void {
  const bar = new ProgressBar(io.stderr);
  return (event) => {
    switch (event.kind) {
      case 'dataset':
        if (io.interactive)
          bar.update(event.progress.done, event.progress.total, `${event.progress.phase} ${event.progress.file ?? ''}`);
        break;
      case 'start':
        bar.done();
        io.stderr.write(
          `Backend: ${event.backend}${event.threads > 1 ? ` on ${event.threads} threads` : ''}. Data: ${event.train} train / ${event.validation} validation / ${event.test} test images, ${event.classes.length} classes. Batch size ${event.batchSize}. Parameters: ${event.parameters}.\n`,
        );
        break;
      case 'warning':
        bar.done();
        io.stderr.write(`Warning: ${event.message}\n`);
        break;
      case 'batch':
        if (io.interactive) {
          bar.update(
            event.stepInEpoch,
            event.stepsPerEpoch,
            `epoch ${event.epoch + 1} step ${event.stepInEpoch}/${event.stepsPerEpoch} loss ${event.loss.toFixed(4)} acc ${event.accuracy.toFixed(3)} ${event.imagesPerSecond.toFixed(0)} img/s`,
            event.stepInEpoch === event.stepsPerEpoch,
          );
        }
        break;
      case 'epoch':
        bar.done();
        io.stderr.write(
          `Epoch ${event.epoch + 1}/${event.epochs}: loss ${event.loss.toFixed(4)} acc ${event.accuracy.toFixed(4)} val_loss ${event.valLoss.toFixed(4)} val_acc ${event.valAccuracy.toFixed(4)} (${event.seconds.toFixed(1)} s)\n`,
        );
        break;
      case 'test':
        io.stderr.write(`Test: loss ${event.loss.toFixed(4)} accuracy ${event.accuracy.toFixed(4)}\n`);
        break;
    }
  };
}

function printSummary(io: CliIO, summary: TrainSummary): void {
  io.stdout.write(
    [
      `Run folder:     ${summary.out}`,
      `Backend:        ${summary.backend} (${summary.threads} thread${summary.threads === 1 ? '' : 's'})`,
      `Model:          ${summary.model} (${summary.parameters.total} parameters, ${summary.parameters.trainable} trainable)`,
      `Data:           ${summary.dataset.source} (${summary.dataset.train} / ${summary.dataset.validation} / ${summary.dataset.test})`,
      `Classes:        ${summary.dataset.classes}`,
      `Batch size:     ${summary.batchSize}`,
      `Steps:          ${summary.steps} in ${summary.seconds.toFixed(1)} s, ${summary.meanMsPerStep.toFixed(1)} ms per step`,
      `Validation:     accuracy ${(summary.final.valAccuracy * 100).toFixed(2)} %`,
      `Test:           accuracy ${(summary.test.accuracy * 100).toFixed(2)} %, loss ${summary.test.loss.toFixed(4)}`,
      `Files:          ${summary.files.join(', ')}`,
      ...summary.warnings.map((w) => `Warning:        ${w}`),
    ].join('\n') + '\n',
  );
}

export const trainCommand: CliCommand = {
  name: 'train',
  summary: 'train the reference CNN (dense) into a run folder',
  usage: USAGE,
  options: { ...TRAINING_OPTIONS, ...MODEL_OPTIONS, threads: { type: 'string' } },
  async run(values, _positionals, io) {
    const { data, ...common } = trainingOptions(values, 'train');
    const config: TrainConfig = {
      ...common,
      data: data ?? 'sample',
      ...modelOptions(values, 'baseline'),
      epochs: intOption(values, 'epochs', 10, 1),
      trainThreads: trainThreadsOption(values, 'threads'),
    };
    return runWithProgress(io, values.json === true, (onEvent, signal) => runJob('train', config, onEvent, signal), {
      onEvent: humanProgress(io),
      printSummary: (summary) => printSummary(io, summary),
    });
  },
};
