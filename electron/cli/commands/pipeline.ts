import { MAX_BENCHMARK_THREADS } from '../../core/devices/device';
import { DEFAULT_WORKSPACE_TEXT } from '../../core/report/workspace';
import { resolve } from 'node:path';
import { runJob } from '../../core/jobs/run-job';
import { HOST_DEVICE_ID } from '../../core/benchmark/device-registry';
import {
  PIPELINE_DEFAULTS,
  type PipelineConfig,
  type PipelineEvent,
  type PipelineSummary,
} from '../../core/pipeline/pipeline-run';
import { type CliCommand, type CliIO, type ParsedValues } from '../command';
import { intOption, languageOption, sparsityOption, stringList, stringOption } from '../options';
import { createI18n, type Language } from '../../../shared/i18n/i18n';
import { ProgressBar } from '../progress-bar';
import { formatHeadline, type ReportHeadline } from '../../core/report/headline';
import { BATCH_SIZE_HELP, TRAIN_THREADS_HELP, TRAINING_OPTIONS, trainingOptions, trainThreadsOption } from '../training-options';
import { runWithProgress } from '../run-with-progress';
import { BENCHMARK_OPTIONS, xnnpackOption } from '../benchmark-options';
import { MODEL_HELP, MODEL_OPTIONS, modelOptions } from '../model-options';

const USAGE = `Usage: sparse-studio pipeline [options] [--out RUN_DIR]

The reference guide end to end in one run folder: train the dense baseline, fix it for XNNPACK (GlobalAveragePooling2D
keepdims), prune 1x1 convolutions with PolynomialDecay, strip, convert dense and pruned to .tflite (pruned with the sparse
DENSIFY encoding), validate both in the real TFLite runtime, benchmark both on each device, write the report
(report/report.{json,csv,html,pdf}). Run it again with the same --out to resume after a failure or interruption.

Options:
  --data cifar10|sample|PATH     data set (default: sample)
${MODEL_HELP}
  --limit N                      use only the first N training images
  --epochs N                     dense training epochs (default ${PIPELINE_DEFAULTS.epochs})
  --prune-epochs N               pruning fine-tune epochs (default ${PIPELINE_DEFAULTS.pruneEpochs})
  --initial S --final S          pruning schedule sparsities (default ${PIPELINE_DEFAULTS.initialSparsity} -> ${PIPELINE_DEFAULTS.finalSparsity})
  --end-epoch N                  epochs until the final sparsity (default ${PIPELINE_DEFAULTS.pruneEndEpoch})
  --frequency N|auto             steps between mask updates (default auto: the guide's 100, or 1/10 of the
                                 schedule when the data set is too small for 100 to prune anything)
  --batch-size N|auto            ${BATCH_SIZE_HELP}
  --seed S                       (default 42)
  --backend auto|fast-cpu|tfjs-cpu|tfjs-node   training backend (default auto)
  --train-threads N|auto         ${TRAIN_THREADS_HELP}
  --device host|SERIAL|all       where to benchmark, repeatable (default: host = this computer's TFLite WebAssembly runtime)
  --runs N                       timed runs per benchmark (default ${PIPELINE_DEFAULTS.runs})
  --repeat N                     repetitions per model, alternating dense/pruned (default ${PIPELINE_DEFAULTS.repeat})
  --threads N                    inference threads (default ${PIPELINE_DEFAULTS.threads})
  --xnnpack true|false|default   phones: benchmark_model --use_xnnpack (default: default)
  --op-profiling                 phones: per-operator profile (shows whether the sparse path ran)
  --big-cores                    phones: pin to the fastest cluster
  --binary PATH                  phones: benchmark_model binary (default: official nightly, cached)
  --adb-server HOST:PORT         phones: adb server
  --cache-dir DIR                download/decode cache
  --lang en|th                   language of the report and the printed headline (default: the system language)
  --out RUN_DIR                  run folder (default: a new pipeline-<time> folder in ${DEFAULT_WORKSPACE_TEXT},
                                 where \`runs list\` and the app look)
  --json                         one JSON object per line`;

export function pipelineConfigFrom(values: ParsedValues): PipelineConfig {
  const { data, ...common } = trainingOptions(values, 'pipeline');
  const binary = stringOption(values, 'binary');
  const adbServer = stringOption(values, 'adb-server');
  const devices = stringList(values, 'device');
  return {
    ...common,
    ...modelOptions(values, 'baseline'),
    data: data ?? 'sample',
    epochs: intOption(values, 'epochs', PIPELINE_DEFAULTS.epochs, 1),
    trainThreads: trainThreadsOption(values, 'train-threads'),
    pruneEpochs: intOption(values, 'prune-epochs', PIPELINE_DEFAULTS.pruneEpochs, 1),
    initialSparsity: sparsityOption(values, 'initial', PIPELINE_DEFAULTS.initialSparsity),
    finalSparsity: sparsityOption(values, 'final', PIPELINE_DEFAULTS.finalSparsity),
    pruneEndEpoch: intOption(values, 'end-epoch', PIPELINE_DEFAULTS.pruneEndEpoch, 0),
    pruneFrequency:
      stringOption(values, 'frequency') === undefined || stringOption(values, 'frequency') === 'auto'
        ? 'auto'
        : intOption(values, 'frequency', 100, 1),
    devices: devices.length > 0 ? devices : [HOST_DEVICE_ID],
    runs: intOption(values, 'runs', PIPELINE_DEFAULTS.runs, 1),
    warmup: intOption(values, 'warmup', PIPELINE_DEFAULTS.warmup, 0),
    threads: intOption(values, 'threads', PIPELINE_DEFAULTS.threads, 1, MAX_BENCHMARK_THREADS),
    repeat: intOption(values, 'repeat', PIPELINE_DEFAULTS.repeat, 1),
    xnnpack: xnnpackOption(values),
    opProfiling: values['op-profiling'] === true,
    bigCores: values['big-cores'] === true,
    cooldownSeconds: 0,
    timeoutSeconds: 300,
    ...(binary !== undefined ? { binary: resolve(binary) } : {}),
    ...(adbServer !== undefined ? { adbServer } : {}),
    lang: languageOption(values),
  };
}

function humanProgress(io: CliIO): (event: PipelineEvent) => void {
  const bar = new ProgressBar(io.stderr);
  return (event) => {
    if (event.kind === 'step') {
      bar.done();
      io.stderr.write(`== ${event.step}: ${event.status}\n`);
    } else if ((event.kind === 'train' || event.kind === 'prune') && event.event.kind === 'batch') {
      const e = event.event;
      if (io.interactive)
        bar.update(
          e.stepInEpoch,
          e.stepsPerEpoch,
          `${event.kind} epoch ${e.epoch + 1} loss ${e.loss.toFixed(4)} acc ${e.accuracy.toFixed(3)}`,
        );
    } else if ((event.kind === 'train' || event.kind === 'prune') && event.event.kind === 'epoch') {
      const e = event.event;
      bar.done();
      io.stderr.write(
        `${event.kind} epoch ${e.epoch + 1}/${e.epochs}: loss ${e.loss.toFixed(4)} acc ${e.accuracy.toFixed(4)} val_acc ${e.valAccuracy.toFixed(4)}\n`,
      );
    } else if (event.kind === 'train' && event.event.kind === 'warning') {
      bar.done();
      io.stderr.write(`Warning: ${event.event.message}\n`);
    } else if (event.kind === 'benchmark' && event.event.type === 'run-done') {
      const r = event.event.result;
      io.stderr.write(
        `${r.device.id} ${r.model.file.split(/[\\/]/).pop()} #${r.repetition + 1}: median ${r.stats.median?.toFixed(1) ?? '?'} µs, sparse inference ${r.sparseInference.engaged}${r.synthetic ? ' [SYNTHETIC]' : ''}\n`,
      );
    } else if (event.kind === 'benchmark' && event.event.type === 'run-failed') {
      io.stderr.write(`${event.event.device}: ${event.event.failure.message}\n`);
    }
  };
}

function printSummary(io: CliIO, summary: PipelineSummary, lang: Language): void {
  const { t } = createI18n(lang);
  io.stdout.write(`Run folder: ${summary.out}\n`);
  for (const [step, status] of Object.entries(summary.steps)) io.stdout.write(`  ${step.padEnd(10)} ${status}\n`);
  const warnings = (summary.train as { warnings?: string[] } | undefined)?.warnings ?? [];
  for (const warning of warnings) io.stdout.write(`Warning: ${warning}\n`);
  const headline = (summary.report as { headline?: ReportHeadline[] } | undefined)?.headline ?? [];
  if (headline.length === 0) io.stdout.write(`${t('cli.headline.noPair')}\n`);
  for (const device of headline) io.stdout.write(formatHeadline(device, lang).join('\n') + '\n');
  io.stdout.write(`${t('cli.headline.report')}: ${summary.out}/report/report.html\n`);
}

export const pipelineCommand: CliCommand = {
  name: 'pipeline',
  summary: 'the whole guide: train, prune, convert, validate, benchmark, report (resumable)',
  usage: USAGE,
  options: {
    ...TRAINING_OPTIONS,
    ...MODEL_OPTIONS,
    ...BENCHMARK_OPTIONS,
    'train-threads': { type: 'string' },
    'prune-epochs': { type: 'string' },
    initial: { type: 'string' },
    final: { type: 'string' },
    'end-epoch': { type: 'string' },
    frequency: { type: 'string' },
    lang: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const config = pipelineConfigFrom(values);
    return runWithProgress(io, values.json === true, (onEvent, signal) => runJob('pipeline', config, onEvent, signal), {
      onEvent: humanProgress(io),
      printSummary: (summary) => printSummary(io, summary, config.lang ?? 'en'),
    });
  },
};
