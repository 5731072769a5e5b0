// The prune job: fine-tuning fit events (as training) plus the per-layer sparsity after each epoch
// (EpochPruningSummary from electron/core/prune/pruning-summary.ts).
import type { EpochPruningSummary } from '../../../electron/core/prune/pruning-summary';
import { initialTrainProgress, reduceTrainProgress, type TrainProgress } from './train-progress';

export interface PruneProgress {
  fit: TrainProgress;
  /** Latest sparsity per pruned tensor, and its history per epoch. */
  sparsity: { epoch: number; step: number; tensors: { name: string; sparsity: number }[] }[];
}

export function initialPruneProgress(): PruneProgress {
  return { fit: initialTrainProgress(), sparsity: [] };
}

function asEpochSummary(event: unknown): EpochPruningSummary | undefined {
  const e = event as Partial<EpochPruningSummary> & { summary?: unknown };
  if (e && typeof e === 'object' && Array.isArray(e.tensors) && typeof e.epoch === 'number') return e as EpochPruningSummary;
  if (e && typeof e === 'object' && e.summary) return asEpochSummary(e.summary);
  return undefined;
}

export function reducePruneProgress(state: PruneProgress, event: unknown): PruneProgress {
  const summary = asEpochSummary(event);
  if (summary) {
    const entry = {
      epoch: summary.epoch,
      step: summary.step,
      tensors: summary.tensors.map((t) => ({ name: t.name, sparsity: t.sparsity })),
    };
    return { ...state, sparsity: [...state.sparsity, entry] };
  }
  return { ...state, fit: reduceTrainProgress(state.fit, event) };
}

/** The latest sparsity of each pruned tensor. */
export function latestSparsity(state: PruneProgress): { name: string; sparsity: number }[] {
  return state.sparsity[state.sparsity.length - 1]?.tensors ?? [];
}
