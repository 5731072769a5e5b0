import { join } from 'node:path';
import { modelByName, type ModelName } from '../model/built-in';
import { saveModel } from '../model/io';
import { countParameters } from '../model/shapes';
import { initWeights } from '../model/weights';
import { loadDataset } from '../data/load';
import type { DatasetProgress } from '../data/types';
import { RunFolder } from '../runs/run-folder';
import { writeJsonAtomic } from '../util/atomic-write';
import { createTrainer, resolveBackend } from './backend';
import { evaluateSplit, fit } from './fit';
import { chanceLevelWarning, resolveBatchSize, type BatchSizeChoice } from './batch-size';
import type { FitProgress } from './fit-types';
import { resolveTrainThreads } from './threads';
import type { BackendChoice, BackendName, TrainThreadsChoice } from './types';

export interface TrainConfig {
  data: string;
  model: ModelName;
  /** The MobileNets' width multiplier (their default when absent). */
  width?: number;
  epochs: number;
  /** 'auto': the guide's 128 unless the data set is too small for batch norm to settle (see resolveBatchSize). */
  batchSize: BatchSizeChoice;
  limit?: number;
  seed: number;
  backend: BackendChoice;
  /** fast-cpu: threads each batch is split over (default 'auto' = one per core). */
  trainThreads?: TrainThreadsChoice;
  out: string;
  cacheDir?: string;
}

export type TrainEvent =
  | { kind: 'dataset'; progress: DatasetProgress }
  | {
      kind: 'start';
      backend: BackendName;
      /** Threads each batch is split over. */
      threads: number;
      train: number;
      validation: number;
      test: number;
      parameters: number;
      classes: string[];
      batchSize: number;
    }
  | { kind: 'warning'; message: string }
  | FitProgress
  | { kind: 'test'; loss: number; accuracy: number };

export interface TrainSummary {
  out: string;
  backend: BackendName;
  threads: number;
  model: ModelName;
  parameters: { total: number; trainable: number };
  dataset: { source: string; fingerprint: string; train: number; validation: number; test: number; classes: number };
  epochs: number;
  /** The batch size used (what 'auto' resolved to). */
  batchSize: number;
  steps: number;
  meanMsPerStep: number;
  seconds: number;
  final: { loss: number; accuracy: number; valLoss: number; valAccuracy: number };
  test: { loss: number; accuracy: number };
  /** Why the result may not be usable (too few steps for batch norm, chance-level accuracy), each with its fix. */
  warnings: string[];
  files: string[];
}

export const TRAIN_STEP = 'train';
export const DENSE_MODEL_DIR = 'dense';
export const TRAIN_METRICS_FILE = 'train-metrics.json';

/** Dense training into a run folder: data, model, fit with validation, test evaluation, atomic outputs. */
export async function trainRun(
  config: TrainConfig,
  onEvent: (e: TrainEvent) => void,
  signal?: AbortSignal,
): Promise<TrainSummary> {
  return RunFolder.single(config.out, 'train', { train: config }, TRAIN_STEP, (run) => trainInRun(run, config, onEvent, signal));
}

/** The training step inside an open run folder (used by `train` and by the pipeline). */
export async function trainInRun(
  run: RunFolder,
  config: TrainConfig,
  onEvent: (e: TrainEvent) => void,
  signal?: AbortSignal,
): Promise<TrainSummary> {
  const dataset = await loadDataset(config.data, {
    ...(config.limit !== undefined ? { limit: config.limit } : {}),
    ...(config.cacheDir !== undefined ? { cacheDir: config.cacheDir } : {}),
    onProgress: (progress) => onEvent({ kind: 'dataset', progress }),
    ...(signal ? { signal } : {}),
  });
  // The last Dense gets one unit per class of this data set.
  const spec = modelByName(config.model, {
    classes: dataset.classNames.length,
    ...(config.width !== undefined ? { width: config.width } : {}),
  });
  const backend = await resolveBackend(config.backend);
  const trainer = await createTrainer(spec, initWeights(spec, config.seed), backend, {
    threads: resolveTrainThreads(config.trainThreads),
  });
  const threads = trainer.threads;
  await run.setEnvironment({ backend, threads });
  const parameters = countParameters(spec);
  const sizes = { train: dataset.train.count, validation: dataset.validation.count, test: dataset.test.count };
  const batch = resolveBatchSize(config.batchSize, spec, sizes.train, config.epochs);
  const batchSize = batch.batchSize;
  onEvent({ kind: 'start', backend, threads, ...sizes, parameters: parameters.total, classes: dataset.classNames, batchSize });
  const warnings: string[] = [];
  const warn = (message: string | undefined): void => {
    if (message === undefined) return;
    warnings.push(message);
    onEvent({ kind: 'warning', message });
  };
  warn(batch.warning);
  try {
    const history = await fit({
      trainer,
      train: dataset.train,
      validation: dataset.validation,
      epochs: config.epochs,
      batchSize,
      seed: config.seed,
      onProgress: onEvent,
      ...(signal ? { signal } : {}),
    });
    const test = evaluateSplit(trainer, dataset.test, batchSize);
    onEvent({ kind: 'test', loss: test.loss, accuracy: test.accuracy });
    warn(chanceLevelWarning(test.accuracy, dataset.classNames.length, batch.warning));
    const last = history.epochs[history.epochs.length - 1];
    const datasetInfo = { source: dataset.source, fingerprint: dataset.fingerprint, classNames: dataset.classNames, ...sizes };
    await saveModel(join(run.dir, DENSE_MODEL_DIR), spec, trainer.snapshot());
    await writeJsonAtomic(join(run.dir, TRAIN_METRICS_FILE), {
      backend,
      threads,
      config: { ...config, batchSize },
      dataset: datasetInfo,
      epochs: history.epochs,
      batches: history.batches,
      test,
      warnings,
      meanMsPerStep: history.meanMsPerStep,
      seconds: history.seconds,
    });
    return {
      out: run.dir,
      backend,
      threads,
      model: config.model,
      parameters: { total: parameters.total, trainable: parameters.trainable },
      dataset: { source: dataset.source, fingerprint: dataset.fingerprint, ...sizes, classes: dataset.classNames.length },
      epochs: config.epochs,
      batchSize,
      steps: history.steps,
      meanMsPerStep: history.meanMsPerStep,
      seconds: history.seconds,
      final: {
        loss: last?.loss ?? NaN,
        accuracy: last?.accuracy ?? NaN,
        valLoss: last?.valLoss ?? NaN,
        valAccuracy: last?.valAccuracy ?? NaN,
      },
      test: { loss: test.loss, accuracy: test.accuracy },
      warnings,
      files: [`${DENSE_MODEL_DIR}/model.json`, `${DENSE_MODEL_DIR}/weights.bin`, TRAIN_METRICS_FILE],
    };
  } finally {
    trainer.dispose();
  }
}
