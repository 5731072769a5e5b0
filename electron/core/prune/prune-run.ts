import { join, resolve } from 'node:path';
import type { ModelSpec } from '../../../shared/model-spec';
import { modelImageSize, resizedFrom } from '../data/batches';
import { loadDataset } from '../data/load';
import type { DatasetProgress } from '../data/types';
import { checkClassCount } from '../model/class-count';
import { consumersByName } from '../model/graph';
import { saveModel } from '../model/io';
import type { ModelWeights } from '../model/weights';
import { readManifest } from '../runs/manifest';
import { RunFolder } from '../runs/run-folder';
import { createTrainer, resolveBackend } from '../train/backend';
import { evaluateSplit, fit } from '../train/fit';
import { resolveBatchSize, type BatchSizeChoice } from '../train/batch-size';
import type { FitProgress } from '../train/fit-types';
import { resolveTrainThreads } from '../train/threads';
import type { BackendChoice, BackendName, TrainThreadsChoice } from '../train/types';
import { writeJsonAtomic } from '../util/atomic-write';
import { UserError } from '../util/errors';
import { checkXnnpack, XNNPACK_POLICY } from './xnnpack-policy';
import { fixForXnnpack, fixSpecForXnnpack, type XnnpackChange } from './fix-for-xnnpack';
import { formatDiagnostics } from './format-diagnostics';
import { pruneLowMagnitude } from './pruned-model';
import { PruningController } from './pruning-controller';
import type { EpochPruningSummary, MaskUpdate } from './pruning-summary';
import { PolynomialDecay } from './schedules';
import { loadSourceModel } from './source-model';
import { stripPruning } from './strip-pruning';

/** The guide's settings. */
export const PRUNE_DEFAULTS = { epochs: 15, initialSparsity: 0.25, finalSparsity: 0.75, endEpoch: 5, frequency: 100 } as const;

export interface PruneConfig {
  /** Run folder (its dense model), model folder or model.json. */
  from: string;
  out: string;
  fix: boolean;
  epochs: number;
  initialSparsity: number;
  finalSparsity: number;
  /** The schedule's end_step is this many epochs of steps. */
  endEpoch: number;
  frequency: number;
  batchSize: BatchSizeChoice;
  seed: number;
  backend: BackendChoice;
  /** fast-cpu: threads each batch is split over (default 'auto' = one per core). */
  trainThreads?: TrainThreadsChoice;
  /** Default: the data set (and limit) the source run was trained on, else 'sample'. */
  data?: string;
  limit?: number;
  cacheDir?: string;
}

export interface TensorSparsity {
  name: string;
  /** The layer the kernel belongs to. */
  layer: string;
  /** Whether pruning masked this kernel (with the XNNPACK policy: the 1x1 Conv2D layers, anywhere in the graph). */
  pruned: boolean;
  /** Whether a BatchNormalization reads the layer's output (then a dead output channel is a warning). */
  batchNormAfter: boolean;
  zeros: number;
  size: number;
  sparsity: number;
  /**
   * Output channels (last axis) whose weights are all zero. Such a channel is constant (its bias); a BatchNormalization
   * after it gets a moving variance near 0, so inference can drift far from training. Worth a warning.
   */
  deadOutputChannels: number[];
}

export type PruneEvent =
  | { kind: 'fix'; changes: XnnpackChange[] }
  | { kind: 'dataset'; progress: DatasetProgress }
  | {
      kind: 'start';
      backend: BackendName;
      /** Threads each batch is split over. */
      threads: number;
      train: number;
      validation: number;
      test: number;
      stepsPerEpoch: number;
      endStep: number;
      prunedTensors: string[];
    }
  | { kind: 'test-before'; loss: number; accuracy: number }
  | FitProgress
  | ({ kind: 'pruning' } & EpochPruningSummary)
  /** Each mask update as it happens: the sparsity the masks reached at that step. */
  | ({ kind: 'mask-update' } & MaskUpdate)
  | { kind: 'test'; loss: number; accuracy: number };

export interface PruneSummary {
  out: string;
  from: string;
  backend: BackendName;
  threads: number;
  data: {
    source: string;
    fingerprint: string;
    train: number;
    validation: number;
    test: number;
    limit: number | null;
    /** The model's input [height, width], which every image is fed at. */
    imageSize: [number, number];
    /** The stored [height, width] the images were resized from (bilinear, as tf.image.resize), or null if not resized. */
    resizedFrom: [number, number] | null;
  };
  fixes: XnnpackChange[];
  schedule: {
    initialSparsity: number;
    finalSparsity: number;
    beginStep: number;
    endStep: number;
    frequency: number;
    power: number;
  };
  epochs: number;
  steps: number;
  seconds: number;
  meanMsPerStep: number;
  /** Test accuracy of the starting model (after --fix) and of the pruned model. */
  testBefore: { loss: number; accuracy: number };
  test: { loss: number; accuracy: number };
  /** Fraction of exact zeros in every kernel of the saved model. */
  sparsity: TensorSparsity[];
  files: string[];
}

export const PRUNE_STEP = 'prune';
export const PRUNED_MODEL_DIR = 'pruned';
export const FIXED_MODEL_DIR = 'dense-fixed';
export const PRUNING_METRICS_FILE = 'pruning-metrics.json';

/** `prune` as a job: opens (or continues) the --out run folder and runs the prune step in it. */
export async function pruneRun(
  config: PruneConfig,
  onEvent: (e: PruneEvent) => void,
  signal?: AbortSignal,
): Promise<PruneSummary> {
  return RunFolder.single(config.out, 'prune', { prune: config }, PRUNE_STEP, (run) => pruneInRun(run, config, onEvent, signal));
}

/** Data set and limit of the source run's training, when `from` is a run folder. */
async function sourceData(from: string): Promise<{ data?: string; limit?: number }> {
  const manifest = await readManifest(from).catch(() => undefined);
  const train = manifest?.config.train as { data?: unknown; limit?: unknown } | undefined;
  return {
    ...(typeof train?.data === 'string' ? { data: train.data } : {}),
    ...(typeof train?.limit === 'number' ? { limit: train.limit } : {}),
  };
}

function refuse(spec: ModelSpec, fixApplied: boolean): never {
  const check = checkXnnpack(spec);
  const fixable = !fixApplied && checkXnnpack(fixSpecForXnnpack(spec).spec).ok;
  throw new UserError(
    'XNNPACK_POLICY',
    check.message ?? 'The model does not support the PruneForLatencyOnXNNPack policy',
    `${formatDiagnostics(check.diagnostics)}\n${fixable ? 'Run again with --fix to apply these changes (the trained weights are kept).' : 'Change the model as described, retrain, then prune.'}`,
  );
}

function scheduleOptions(config: PruneConfig) {
  return {
    initialSparsity: config.initialSparsity,
    finalSparsity: config.finalSparsity,
    beginStep: 0,
    frequency: config.frequency,
  };
}

function deadOutputChannels(values: Float32Array, shape: number[]): number[] {
  const channels = shape[shape.length - 1] ?? 0;
  const alive = new Uint8Array(channels);
  values.forEach((v, i) => {
    if (v !== 0) alive[i % channels] = 1;
  });
  return Array.from(alive.keys()).filter((c) => alive[c] === 0);
}

function kernelSparsity(spec: ModelSpec, weights: ModelWeights, pruned: ReadonlySet<string>): TensorSparsity[] {
  const consumers = consumersByName(spec);
  return weights.tensors
    .filter((t) => t.name.endsWith('kernel'))
    .map((t) => {
      const zeros = t.values.reduce((n, v) => (v === 0 ? n + 1 : n), 0);
      const layer = t.name.slice(0, t.name.lastIndexOf('/'));
      return {
        name: t.name,
        layer,
        pruned: pruned.has(t.name),
        batchNormAfter: (consumers.get(layer) ?? []).some((c) => c.type === 'BatchNormalization'),
        zeros,
        size: t.values.length,
        sparsity: zeros / t.values.length,
        deadOutputChannels: deadOutputChannels(t.values, t.shape),
      };
    });
}

/** The prune step inside an open run folder (used by `prune` and by the pipeline). */
export async function pruneInRun(
  run: RunFolder,
  config: PruneConfig,
  onEvent: (e: PruneEvent) => void,
  signal?: AbortSignal,
): Promise<PruneSummary> {
  // Upstream's schedule validation (and messages) before any slow work; end_step is set once the data is known.
  new PolynomialDecay({ ...scheduleOptions(config), endStep: config.endEpoch });
  const source = await loadSourceModel(resolve(config.from));
  let { spec, weights } = source;
  let fixes: XnnpackChange[] = [];
  const files: string[] = [];
  if (config.fix) {
    const fixed = fixForXnnpack(spec, weights);
    ({ spec, weights } = fixed);
    fixes = fixed.changes;
    onEvent({ kind: 'fix', changes: fixes });
    if (fixes.length > 0) {
      await saveModel(join(run.dir, FIXED_MODEL_DIR), spec, weights);
      files.push(`${FIXED_MODEL_DIR}/model.json`, `${FIXED_MODEL_DIR}/weights.bin`);
    }
  }
  if (!checkXnnpack(spec).ok) refuse(spec, config.fix);

  const fromRun = await sourceData(resolve(config.from));
  const data = config.data ?? fromRun.data ?? 'sample';
  const limit = config.data === undefined && config.limit === undefined ? fromRun.limit : config.limit;
  const dataset = await loadDataset(data, {
    ...(limit !== undefined ? { limit } : {}),
    ...(config.cacheDir !== undefined ? { cacheDir: config.cacheDir } : {}),
    onProgress: (progress) => onEvent({ kind: 'dataset', progress }),
    ...(signal ? { signal } : {}),
  });

  checkClassCount(spec, dataset.classNames, join(source.dir, 'model.json'), data);
  // Pruning fine-tunes batch-norm statistics that training already settled: 'auto' applies the same rule anyway.
  const batchSize = resolveBatchSize(config.batchSize, spec, dataset.train.count, config.epochs).batchSize;
  const stepsPerEpoch = Math.ceil(dataset.train.count / batchSize);
  const schedule = new PolynomialDecay({ ...scheduleOptions(config), endStep: config.endEpoch * stepsPerEpoch });
  const pruned = pruneLowMagnitude(spec, weights, { pruningSchedule: schedule, pruningPolicy: XNNPACK_POLICY });
  const controller = new PruningController(pruned, (update) => onEvent({ kind: 'mask-update', ...update }));

  const backend = await resolveBackend(config.backend);
  const trainer = await createTrainer(spec, weights, backend, { threads: resolveTrainThreads(config.trainThreads) });
  const threads = trainer.threads;
  await run.setEnvironment({ backend, threads });
  const sizes = { train: dataset.train.count, validation: dataset.validation.count, test: dataset.test.count };
  onEvent({
    kind: 'start',
    backend,
    threads,
    ...sizes,
    stepsPerEpoch,
    endStep: schedule.endStep,
    prunedTensors: pruned.tensors.map((t) => t.name),
  });
  try {
    const testBefore = evaluateSplit(trainer, dataset.test, batchSize);
    onEvent({ kind: 'test-before', loss: testBefore.loss, accuracy: testBefore.accuracy });
    controller.onTrainBegin();
    const history = await fit({
      trainer,
      train: dataset.train,
      validation: dataset.validation,
      epochs: config.epochs,
      batchSize,
      seed: config.seed,
      hooks: controller,
      onProgress: (event) => {
        onEvent(event);
        const epoch = event.kind === 'epoch' ? controller.summary().epochs.at(-1) : undefined;
        if (epoch) onEvent({ kind: 'pruning', ...epoch });
      },
      ...(signal ? { signal } : {}),
    });
    const test = evaluateSplit(trainer, dataset.test, batchSize, controller);
    onEvent({ kind: 'test', loss: test.loss, accuracy: test.accuracy });

    const stripped = stripPruning(pruned, trainer.snapshot());
    await saveModel(join(run.dir, PRUNED_MODEL_DIR), stripped.spec, stripped.weights);
    const sparsity = kernelSparsity(stripped.spec, stripped.weights, new Set(pruned.tensors.map((t) => t.name)));
    const imageSize = modelImageSize(spec.inputShape, spec.name);
    const dataInfo = {
      source: dataset.source,
      fingerprint: dataset.fingerprint,
      ...sizes,
      limit: limit ?? null,
      imageSize,
      resizedFrom: resizedFrom(imageSize),
    };
    const scheduleInfo = {
      initialSparsity: schedule.initialSparsity,
      finalSparsity: schedule.finalSparsity,
      beginStep: 0,
      endStep: schedule.endStep,
      frequency: schedule.frequency,
      power: schedule.power,
    };
    await writeJsonAtomic(join(run.dir, PRUNING_METRICS_FILE), {
      backend,
      threads,
      config,
      from: source.dir,
      dataset: { ...dataInfo, classNames: dataset.classNames },
      fixes,
      policy: XNNPACK_POLICY,
      stepsPerEpoch,
      pruning: controller.summary(),
      sparsity,
      epochs: history.epochs,
      batches: history.batches,
      testBefore,
      test,
      meanMsPerStep: history.meanMsPerStep,
      seconds: history.seconds,
    });
    files.push(`${PRUNED_MODEL_DIR}/model.json`, `${PRUNED_MODEL_DIR}/weights.bin`, PRUNING_METRICS_FILE);
    return {
      out: run.dir,
      from: source.dir,
      backend,
      threads,
      data: dataInfo,
      fixes,
      schedule: scheduleInfo,
      epochs: config.epochs,
      steps: history.steps,
      seconds: history.seconds,
      meanMsPerStep: history.meanMsPerStep,
      testBefore: { loss: testBefore.loss, accuracy: testBefore.accuracy },
      test: { loss: test.loss, accuracy: test.accuracy },
      sparsity,
      files,
    };
  } finally {
    trainer.dispose();
  }
}
