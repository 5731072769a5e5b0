import type { Language } from '../../../shared/i18n/languages';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchmarkEvent } from '../devices/device';
import { PRUNE_DEFAULTS, PRUNE_STEP, pruneInRun, type PruneEvent } from '../prune/prune-run';
import { RunFolder } from '../runs/run-folder';
import { CancelledError } from '../train/fit';
import type { ModelName } from '../model/built-in';
import { TRAIN_STEP, trainInRun, type TrainEvent } from '../train/train-run';
import type { BackendChoice, TrainThreadsChoice } from '../train/types';
import { GUIDE_BATCH_SIZE, type BatchSizeChoice } from '../train/batch-size';
import { benchmarkInRun, type BenchmarkStepConfig } from './benchmark-step';
import { CONVERSION_FILE, convertInRun } from './convert-step';
import { REPORT_STEP, reportInRun } from './report-step';
import { validateInRun } from './validate-step';
import { isCancellation } from '../util/cancel';

export const PIPELINE_STEPS = ['train', 'prune', 'convert', 'validate', 'benchmark', 'report'] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

export interface PipelineConfig extends BenchmarkStepConfig {
  data: string;
  /** The built-in architecture trained in the first step. */
  model: ModelName;
  width?: number;
  limit?: number;
  epochs: number;
  pruneEpochs: number;
  /** Pruning schedule: PolynomialDecay(initial -> final) over `pruneEndEpoch` epochs, masks updated every `pruneFrequency` steps. */
  initialSparsity: number;
  finalSparsity: number;
  pruneEndEpoch: number;
  /** 'auto': the guide's 100, or a tenth of the schedule when the data set is too small for 100 (see autoFrequency). */
  pruneFrequency: number | 'auto';
  /** 'auto' resolves once, in training (see resolveBatchSize); pruning uses the same batch size. */
  batchSize: BatchSizeChoice;
  seed: number;
  backend: BackendChoice;
  /** Training and pruning (fast-cpu): threads each batch is split over (default 'auto'); `threads` is benchmark_model's. */
  trainThreads?: TrainThreadsChoice;
  out: string;
  cacheDir?: string;
  /** The report's language (HTML and PDF); unset: the system language. */
  lang?: Language;
}

export type PipelineEvent =
  | { kind: 'step'; step: PipelineStep; status: 'started' | 'skipped' | 'completed' }
  | { kind: 'train'; event: TrainEvent }
  | { kind: 'prune'; event: PruneEvent }
  | { kind: 'benchmark'; event: BenchmarkEvent };

export interface PipelineSummary {
  out: string;
  steps: Record<PipelineStep, 'completed' | 'skipped'>;
  [step: string]: unknown;
}

export const PIPELINE_DEFAULTS = {
  epochs: 10,
  pruneEpochs: PRUNE_DEFAULTS.epochs,
  initialSparsity: PRUNE_DEFAULTS.initialSparsity,
  finalSparsity: PRUNE_DEFAULTS.finalSparsity,
  pruneEndEpoch: PRUNE_DEFAULTS.endEpoch,
  pruneFrequency: 'auto',
  runs: 100,
  repeat: 5,
  warmup: 1,
  threads: 1,
} as const;

/** Outputs a completed step must have left for a resume to skip it. */
const STEP_OUTPUTS: Record<PipelineStep, string[]> = {
  train: ['dense/model.json', 'train-metrics.json'],
  prune: ['pruned/model.json'],
  convert: ['tflite/dense.tflite', 'tflite/pruned.tflite', CONVERSION_FILE],
  validate: [CONVERSION_FILE],
  benchmark: ['benchmarks/devices.json'],
  report: ['report/report.json', 'report/report.html'],
};

/**
 * TFMOT updates masks only on steps that are multiples of the frequency within [begin, end]; with the guide's 100 and
 * a small data set (the bundled sample: 5 epochs of 15 steps) no update would ever happen and nothing would be pruned.
 * So the pipeline keeps 100 when the schedule spans at least 10 updates' worth of steps, else updates 10 times.
 */
export function autoFrequency(trainImages: number, batchSize: number, endEpoch: number): number {
  const endStep = Math.ceil(trainImages / batchSize) * endEpoch;
  return endStep >= 10 * PRUNE_DEFAULTS.frequency ? PRUNE_DEFAULTS.frequency : Math.max(1, Math.floor(endStep / 10));
}

function canSkip(run: RunFolder, step: PipelineStep): boolean {
  return run.completed(step) && STEP_OUTPUTS[step].every((file) => existsSync(join(run.dir, file)));
}

/**
 * The guide end to end in one run folder: train dense, fix + prune + strip, convert both to .tflite, validate them in
 * the real TFLite runtime, benchmark on each device, write the report. A step that completed earlier (same folder) is
 * skipped, so a run that failed or was interrupted resumes where it stopped.
 */
export async function pipelineRun(
  config: PipelineConfig,
  onEvent: (e: PipelineEvent) => void,
  signal?: AbortSignal,
): Promise<PipelineSummary> {
  const run = await RunFolder.open(config.out, 'pipeline', { pipeline: config });
  const summary: PipelineSummary = { out: run.dir, steps: {} as PipelineSummary['steps'] };
  const step = async (name: PipelineStep, work: () => Promise<{ files: string[] } & Record<string, unknown>>): Promise<void> => {
    if (signal?.aborted) throw new CancelledError();
    if (canSkip(run, name)) {
      summary.steps[name] = 'skipped';
      summary[name] = run.step(name)?.summary;
      onEvent({ kind: 'step', step: name, status: 'skipped' });
      return;
    }
    onEvent({ kind: 'step', step: name, status: 'started' });
    const result = await run.runStep(name, work);
    summary.steps[name] = 'completed';
    summary[name] = Object.fromEntries(Object.entries(result).filter(([key]) => key !== 'files'));
    onEvent({ kind: 'step', step: name, status: 'completed' });
  };
  try {
    await step(TRAIN_STEP, async () => {
      const result = await trainInRun(
        run,
        {
          data: config.data,
          model: config.model,
          ...(config.width !== undefined ? { width: config.width } : {}),
          epochs: config.epochs,
          batchSize: config.batchSize,
          seed: config.seed,
          backend: config.backend,
          ...(config.trainThreads !== undefined ? { trainThreads: config.trainThreads } : {}),
          out: run.dir,
          ...(config.limit !== undefined ? { limit: config.limit } : {}),
          ...(config.cacheDir !== undefined ? { cacheDir: config.cacheDir } : {}),
        },
        (event) => onEvent({ kind: 'train', event }),
        signal,
      );
      return { ...result };
    });
    await step(PRUNE_STEP, async () => {
      const endEpoch = Math.min(config.pruneEndEpoch, config.pruneEpochs);
      const trained = run.step(TRAIN_STEP)?.summary as { dataset?: { train?: number }; batchSize?: number } | undefined;
      const batchSize = trained?.batchSize ?? (config.batchSize === 'auto' ? GUIDE_BATCH_SIZE : config.batchSize);
      const frequency =
        config.pruneFrequency === 'auto'
          ? autoFrequency(trained?.dataset?.train ?? 0, batchSize, endEpoch)
          : config.pruneFrequency;
      const result = await pruneInRun(
        run,
        {
          from: run.dir,
          out: run.dir,
          fix: true,
          epochs: config.pruneEpochs,
          initialSparsity: config.initialSparsity,
          finalSparsity: config.finalSparsity,
          endEpoch,
          frequency,
          batchSize,
          seed: config.seed,
          backend: config.backend,
          ...(config.trainThreads !== undefined ? { trainThreads: config.trainThreads } : {}),
          data: config.data,
          ...(config.limit !== undefined ? { limit: config.limit } : {}),
          ...(config.cacheDir !== undefined ? { cacheDir: config.cacheDir } : {}),
        },
        (event) => onEvent({ kind: 'prune', event }),
        signal,
      );
      return { ...result };
    });
    await step('convert', () => convertInRun(run.dir));
    await step('validate', async () => {
      const data = {
        source: config.data,
        ...(config.limit !== undefined ? { limit: config.limit } : {}),
        ...(config.cacheDir !== undefined ? { cacheDir: config.cacheDir } : {}),
        ...(signal ? { signal } : {}),
      };
      const { files, results } = await validateInRun(run.dir, data, config.backend);
      return { files, validation: results.map((r) => ({ role: r.role, ...r.validation })) };
    });
    await step('benchmark', () => benchmarkInRun(run.dir, config, (event) => onEvent({ kind: 'benchmark', event }), signal));
    await step(REPORT_STEP, () => reportInRun(run.dir, REPORT_STEP, config.lang));
    await run.finish('completed');
    return summary;
  } catch (error) {
    await run.finish(isCancellation(error) ? 'cancelled' : 'failed', error);
    throw error;
  }
}
