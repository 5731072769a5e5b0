import type { Split } from '../data/types';
import type { EvalResult, Trainer, TrainingHooks } from './types';

export interface BatchProgress {
  kind: 'batch';
  epoch: number;
  /** 1-based global step (counts across epochs). */
  step: number;
  stepInEpoch: number;
  stepsPerEpoch: number;
  loss: number;
  accuracy: number;
  imagesPerSecond: number;
  msPerStep: number;
}

export interface EpochProgress {
  kind: 'epoch';
  epoch: number;
  epochs: number;
  loss: number;
  accuracy: number;
  valLoss: number;
  valAccuracy: number;
  seconds: number;
}

export type FitProgress = BatchProgress | EpochProgress;

export interface FitOptions {
  trainer: Trainer;
  train: Split;
  validation: Split;
  epochs: number;
  batchSize: number;
  seed: number;
  hooks?: TrainingHooks;
  onProgress?: (event: FitProgress) => void;
  signal?: AbortSignal;
}

export interface FitResult {
  epochs: EpochProgress[];
  /** Per-batch loss/accuracy, for charts. */
  batches: { step: number; loss: number; accuracy: number }[];
  steps: number;
  seconds: number;
  meanMsPerStep: number;
}

export type EvaluateFn = (trainer: Trainer, split: Split, batchSize: number) => EvalResult;
