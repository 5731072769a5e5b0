// Folds the train job's events (TrainEvent in electron/core/train/train-run.ts) into what the Train screen shows.
// The prune job's fine-tuning reports the same fit events, so the Prune screen reuses this.
import type { BatchProgress, EpochProgress } from '../../../electron/core/train/fit-types';
import type { DatasetProgress } from '../../../electron/core/data/types';

export interface TrainProgress {
  dataset: DatasetProgress | undefined;
  start: { backend: string; train: number; validation: number; test: number; parameters: number } | undefined;
  batches: { step: number; loss: number; accuracy: number }[];
  epochs: EpochProgress[];
  last: BatchProgress | undefined;
  /** Recent ms per step, for a steady ETA. */
  recentMsPerStep: number[];
  test: { loss: number; accuracy: number } | undefined;
}

export const RECENT_STEPS = 20;

export function initialTrainProgress(): TrainProgress {
  return { dataset: undefined, start: undefined, batches: [], epochs: [], last: undefined, recentMsPerStep: [], test: undefined };
}

function kindOf(event: unknown): string | undefined {
  const kind = (event as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' ? kind : undefined;
}

export function reduceTrainProgress(state: TrainProgress, event: unknown): TrainProgress {
  switch (kindOf(event)) {
    case 'dataset':
      return { ...state, dataset: (event as { progress: DatasetProgress }).progress };
    case 'start':
      return { ...state, start: event as TrainProgress['start'] };
    case 'batch': {
      const b = event as BatchProgress;
      return {
        ...state,
        last: b,
        batches: [...state.batches, { step: b.step, loss: b.loss, accuracy: b.accuracy }],
        recentMsPerStep: [...state.recentMsPerStep.slice(-(RECENT_STEPS - 1)), b.msPerStep],
      };
    }
    case 'epoch':
      return { ...state, epochs: [...state.epochs, event as EpochProgress] };
    case 'test':
      return { ...state, test: event as { loss: number; accuracy: number } };
    default:
      return state;
  }
}

/** Steps done and total for the progress bar; total is unknown until the first batch says how many steps an epoch has. */
export function stepProgress(state: TrainProgress, epochs: number): { done: number; total: number | undefined } {
  const last = state.last;
  if (!last) return { done: 0, total: undefined };
  return { done: last.step, total: last.stepsPerEpoch * epochs };
}

/** Seconds left from the recent mean step time (validation passes are not included, so it is a lower bound). */
export function etaSeconds(state: TrainProgress, epochs: number): number | undefined {
  const { done, total } = stepProgress(state, epochs);
  if (total === undefined || state.recentMsPerStep.length === 0) return undefined;
  const mean = state.recentMsPerStep.reduce((a, b) => a + b, 0) / state.recentMsPerStep.length;
  return (Math.max(0, total - done) * mean) / 1000;
}
