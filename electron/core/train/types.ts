import type { ModelSpec } from '../../../shared/model-spec';
import type { ModelWeights } from '../model/weights';

/** Which implementation runs training and inference. */
export type BackendName = 'tfjs-node' | 'fast-cpu' | 'tfjs-cpu';
/** What the user asks for: `auto` = tfjs-node when it loads, otherwise fast-cpu. */
export type BackendChoice = BackendName | 'auto';

/** fast-cpu data-parallel training threads: a count, or 'auto' = one per core (see threads.ts). */
export type TrainThreadsChoice = number | 'auto';
export const MAX_TRAIN_THREADS = 64;

/** One mini-batch: pixels scaled to [0, 1], NHWC float32, and integer class labels. */
export interface Batch {
  x: Float32Array;
  labels: Int32Array;
  size: number;
}

/** Live read/write access to a model's weights by name (`layer/weight`), as a trainer holds them. */
export interface WeightAccess {
  read(name: string): Float32Array;
  write(name: string, values: Float32Array): void;
}

export interface StepResult {
  loss: number;
  accuracy: number;
}

export interface EvalResult {
  loss: number;
  accuracy: number;
  count: number;
}

/** Adam with Keras' defaults. */
export interface AdamConfig {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export const KERAS_ADAM: AdamConfig = { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/**
 * A model being trained on one backend. Loss: sparse categorical cross-entropy from logits; metric: accuracy.
 * Batch normalisation uses batch statistics in `trainStep` (and updates its moving averages) and the moving
 * averages in `evaluate`/`predict`, as Keras does.
 */
export interface Trainer {
  readonly backend: BackendName;
  readonly spec: ModelSpec;
  /** Threads every batch is split over (data parallelism); 1 for the TF.js backends (they thread inside ops). */
  readonly threads: number;
  trainStep(batch: Batch): StepResult;
  evaluate(batches: Iterable<Batch>): EvalResult;
  /** Logits, [n, classes] row-major. */
  predict(x: Float32Array, n: number): Float32Array;
  weights(): WeightAccess;
  /** A copy of the current weights. */
  snapshot(): ModelWeights;
  dispose(): void;
}

export interface TrainerOptions {
  spec: ModelSpec;
  weights: ModelWeights;
  adam?: AdamConfig;
}

/**
 * Called by the training loop around batches; pruning plugs in here (the equivalent of TFMOT's
 * UpdatePruningStep callback and the wrapper's per-call masking).
 */
export interface TrainingHooks {
  /** Before the k-th training batch (k is 1-based and counts across epochs). */
  beforeTrainBatch?(step: number, weights: WeightAccess): void;
  /** Before any evaluation or prediction pass. */
  beforeInference?(weights: WeightAccess): void;
  /** At the end of each epoch (0-based), after validation. */
  onEpochEnd?(epoch: number, weights: WeightAccess): void;
}
