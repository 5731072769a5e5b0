import { DEFAULT_WORKSPACE_TEXT } from '../../core/report/workspace';
import { resolve } from 'node:path';
import { formatChanges } from '../../core/prune/format-diagnostics';
import { PRUNE_DEFAULTS, type PruneConfig, type PruneEvent, type PruneSummary } from '../../core/prune/prune-run';
import { type CliCommand, type CliIO } from '../command';
import { intOption, sparsityOption, requiredString } from '../options';
import { ProgressBar } from '../progress-bar';
import { BATCH_SIZE_HELP, TRAIN_THREADS_HELP, TRAINING_OPTIONS, trainingOptions, trainThreadsOption } from '../training-options';
import { runWithProgress } from '../run-with-progress';
import { runJob } from '../../core/jobs/run-job';

const USAGE = `Usage: sparse-studio prune --from RUN_DIR [options] [--out RUN_DIR]

Fine-tunes a trained model with magnitude pruning for XNNPACK sparse inference (TFMOT's prune_low_magnitude with
PruneForLatencyOnXNNPack: only the 1x1 convolutions are pruned) and writes the stripped, exactly sparse model into
RUN_DIR/pruned plus RUN_DIR/pruning-metrics.json. A model that fails the policy is refused with TFMOT's message and
what to change (see check-xnnpack).

Options:
  --from RUN_DIR        run folder with a trained dense model (or a model folder / model.json) (required)
  --fix                 first apply check-xnnpack's fixes (GAP keepdims, stride-2 'same' stem) and report each change
  --epochs N            fine-tuning epochs (default: ${PRUNE_DEFAULTS.epochs})
  --initial S           PolynomialDecay initial sparsity (default: ${PRUNE_DEFAULTS.initialSparsity})
  --final S             PolynomialDecay final sparsity (default: ${PRUNE_DEFAULTS.finalSparsity}; XNNPACK needs >= 2/3)
  --end-epoch N         the schedule ends after N epochs of steps (default: ${PRUNE_DEFAULTS.endEpoch})
  --frequency N         masks are recomputed every N steps (default: ${PRUNE_DEFAULTS.frequency})
  --batch-size N|auto   ${BATCH_SIZE_HELP}
  --data cifar10|sample|PATH   (default: the data set the --from run was trained on, else sample)
  --limit N             use only the first N training images (default: the --from run's limit, when --data is not given)
  --seed S              (default: 42)
  --backend auto|fast-cpu|tfjs-cpu|tfjs-node   (default: auto)
  --threads N|auto      ${TRAIN_THREADS_HELP}
  --cache-dir DIR       where downloads and decoded data are cached
  --out RUN_DIR         run folder to write into; may be the --from folder
                        (default: a new prune-<time> folder in ${DEFAULT_WORKSPACE_TEXT})
  --json                one JSON object per line on stdout (progress, then a summary)`;

function humanProgress(io: CliIO): (event: PruneEvent) => void {
  const bar = new ProgressBar(io.stderr);
  return (event) => {
    switch (event.kind) {
      case 'fix':
        io.stderr.write(`Fixes for XNNPACK:\n${formatChanges(event.changes)}\n`);
        break;
      case 'dataset':
        if (io.interactive)
          bar.update(event.progress.done, event.progress.total, `${event.progress.phase} ${event.progress.file ?? ''}`);
        break;
      case 'start':
        bar.done();
        io.stderr.write(
          `Backend: ${event.backend}${event.threads > 1 ? ` on ${event.threads} threads` : ''}. Data: ${event.train} train / ${event.validation} validation / ${event.test} test images. ` +
            `Pruning ${event.prunedTensors.join(', ')}; schedule ends at step ${event.endStep} (${event.stepsPerEpoch} steps per epoch).\n`,
        );
        break;
      case 'test-before':
        io.stderr.write(`Test before pruning: accuracy ${event.accuracy.toFixed(4)}\n`);
        break;
      case 'batch':
        if (io.interactive) {
          bar.update(
            event.stepInEpoch,
            event.stepsPerEpoch,
            `epoch ${event.epoch + 1} step ${event.stepInEpoch}/${event.stepsPerEpoch} loss ${event.loss.toFixed(4)} acc ${event.accuracy.toFixed(3)}`,
            event.stepInEpoch === event.stepsPerEpoch,
          );
        }
        break;
      case 'epoch':
        bar.done();
        io.stderr.write(
          `Epoch ${event.epoch + 1}/${event.epochs}: loss ${event.loss.toFixed(4)} acc ${event.accuracy.toFixed(4)} val_acc ${event.valAccuracy.toFixed(4)} (${event.seconds.toFixed(1)} s)`,
        );
        break;
      case 'pruning':
        io.stderr.write(`  sparsity ${event.tensors.map((t) => `${t.name} ${(t.sparsity * 100).toFixed(1)} %`).join(', ')}\n`);
        break;
      case 'test':
        io.stderr.write(`Test after pruning: accuracy ${event.accuracy.toFixed(4)}\n`);
        break;
    }
  };
}

function printSummary(io: CliIO, s: PruneSummary): void {
  io.stdout.write(
    [
      `Run folder:     ${s.out}`,
      `From:           ${s.from}`,
      `Backend:        ${s.backend} (${s.threads} thread${s.threads === 1 ? '' : 's'})`,
      `Data:           ${s.data.source} (${s.data.train} / ${s.data.validation} / ${s.data.test})${s.data.resizedFrom ? `, images resized ${s.data.resizedFrom.join('x')} -> ${s.data.imageSize.join('x')} (bilinear)` : ''}`,
      `Schedule:       PolynomialDecay ${s.schedule.initialSparsity} -> ${s.schedule.finalSparsity}, steps ${s.schedule.beginStep}..${s.schedule.endStep}, every ${s.schedule.frequency}`,
      `Steps:          ${s.steps} in ${s.seconds.toFixed(1)} s`,
      `Test accuracy:  ${(s.testBefore.accuracy * 100).toFixed(2)} % before, ${(s.test.accuracy * 100).toFixed(2)} % after pruning`,
      'Kernel sparsity:',
      ...s.sparsity.map(
        (t) =>
          `  ${t.name.padEnd(Math.max(...s.sparsity.map((x) => x.name.length)))}  ${t.zeros}/${t.size} zeros (${(t.sparsity * 100).toFixed(1)} %)${t.pruned ? '' : ', not pruned'}`,
      ),
      ...s.sparsity
        .filter((t) => t.deadOutputChannels.length > 0 && t.batchNormAfter)
        .map(
          (t) =>
            `Warning: ${t.name} has every weight of output channel(s) ${t.deadOutputChannels.join(', ')} pruned; a BatchNormalization after it sees a near-zero variance there, so inference can differ from training.`,
        ),
      `Files:          ${s.files.join(', ')}`,
    ].join('\n') + '\n',
  );
}

export const pruneCommand: CliCommand = {
  name: 'prune',
  summary: 'prune a trained model for XNNPACK sparse inference (TFMOT prune_low_magnitude)',
  usage: USAGE,
  options: {
    ...TRAINING_OPTIONS,
    from: { type: 'string' },
    fix: { type: 'boolean' },
    initial: { type: 'string' },
    final: { type: 'string' },
    'end-epoch': { type: 'string' },
    frequency: { type: 'string' },
    threads: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const { data, ...common } = trainingOptions(values, 'prune');
    const config: PruneConfig = {
      ...common,
      from: resolve(requiredString(values, 'from')),
      fix: values.fix === true,
      epochs: intOption(values, 'epochs', PRUNE_DEFAULTS.epochs, 1),
      initialSparsity: sparsityOption(values, 'initial', PRUNE_DEFAULTS.initialSparsity),
      finalSparsity: sparsityOption(values, 'final', PRUNE_DEFAULTS.finalSparsity),
      endEpoch: intOption(values, 'end-epoch', PRUNE_DEFAULTS.endEpoch, 0),
      frequency: intOption(values, 'frequency', PRUNE_DEFAULTS.frequency, 1),
      trainThreads: trainThreadsOption(values, 'threads'),
      ...(data !== undefined ? { data } : {}),
    };
    return runWithProgress(io, values.json === true, (onEvent, signal) => runJob('prune', config, onEvent, signal), {
      onEvent: humanProgress(io),
      printSummary: (summary) => printSummary(io, summary),
    });
  },
};
