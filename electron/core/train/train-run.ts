import { join } from 'node:path';
import type { ModelName } from '../model/baseline';
import { modelByName } from '../model/baseline';
import { saveModel } from '../model/io';
import { countParameters } from '../model/shapes';
import { initWeights } from '../model/weights';
import { loadDataset } from '../data/load';
import type { DatasetProgress } from '../data/types';
import { RunFolder } from '../runs/run-folder';
import { writeJsonAtomic } from '../util/atomic-write';
import { createTrainer, resolveBackend } from './backend';
import { evaluateSplit, fit } from './fit';
import type { FitProgress } from './fit-types';
import type { BackendChoice, BackendName } from './types';

export interface TrainConfig {
  data: string;
  model: ModelName;
  epochs: number;
  batchSize: number;
  limit?: number;
  seed: number;
  backend: BackendChoice;
  out: string;
  cacheDir?: string;
}

export type TrainEvent =
  | { kind: 'dataset'; progress: DatasetProgress }
  | { kind: 'start'; backend: BackendName; train: number; validation: number; test: number; parameters: number }
  | FitProgress
  | { kind: 'test'; loss: number; accuracy: number };

export interface TrainSummary {
  out: string;
  backend: BackendName;
  model: ModelName;
  parameters: { total: number; trainable: number };
  dataset: { source: string; fingerprint: string; train: number; validation: number; test: number };
  epochs: number;
  steps: number;
  meanMsPerStep: number;
  seconds: number;
  final: { loss: number; accuracy: number; valLoss: number; valAccuracy: number };
  test: { loss: number; accuracy: number };
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
  const spec = modelByName(config.model);
  const backend = await resolveBackend(config.backend);
  await run.setEnvironment({ backend });
  const trainer = await createTrainer(spec, initWeights(spec, config.seed), backend);
  const parameters = countParameters(spec);
  const sizes = { train: dataset.train.count, validation: dataset.validation.count, test: dataset.test.count };
  onEvent({ kind: 'start', backend, ...sizes, parameters: parameters.total });
  try {
    const history = await fit({
      trainer,
      train: dataset.train,
      validation: dataset.validation,
      epochs: config.epochs,
      batchSize: config.batchSize,
      seed: config.seed,
      onProgress: onEvent,
      ...(signal ? { signal } : {}),
    });
    const test = evaluateSplit(trainer, dataset.test, config.batchSize);
    onEvent({ kind: 'test', loss: test.loss, accuracy: test.accuracy });
    const last = history.epochs[history.epochs.length - 1];
    const datasetInfo = { source: dataset.source, fingerprint: dataset.fingerprint, classNames: dataset.classNames, ...sizes };
    await saveModel(join(run.dir, DENSE_MODEL_DIR), spec, trainer.snapshot());
    await writeJsonAtomic(join(run.dir, TRAIN_METRICS_FILE), {
      backend,
      config,
      dataset: datasetInfo,
      epochs: history.epochs,
      batches: history.batches,
      test,
      meanMsPerStep: history.meanMsPerStep,
      seconds: history.seconds,
    });
    return {
      out: run.dir,
      backend,
      model: config.model,
      parameters: { total: parameters.total, trainable: parameters.trainable },
      dataset: { source: dataset.source, fingerprint: dataset.fingerprint, ...sizes },
      epochs: config.epochs,
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
      files: [`${DENSE_MODEL_DIR}/model.json`, `${DENSE_MODEL_DIR}/weights.bin`, TRAIN_METRICS_FILE],
    };
  } finally {
    trainer.dispose();
  }
}
