// The prune job: fine-tuning fit events (as training) plus the per-layer sparsity after each epoch
// (EpochPruningSummary from electron/core/prune/pruning-summary.ts).
import type { EpochPruningSummary, MaskUpdate } from '../../../electron/core/prune/pruning-summary';
import type { PruneEvent } from '../../../electron/core/prune/prune-run';
import { initialTrainProgress, reduceTrainProgress, type TrainProgress } from './train-progress';

export interface PruneProgress {
  fit: TrainProgress;
  /** Latest sparsity per pruned tensor, and its history per epoch. */
  sparsity: { epoch: number; step: number; tensors: { name: string; sparsity: number }[] }[];
  /** Every mask update as it happened: its step and the mean sparsity over the pruned tensors right after it. */
  maskUpdates: { step: number; target: number; sparsity: number }[];
}

export function initialPruneProgress(): PruneProgress {
  return { fit: initialTrainProgress(), sparsity: [], maskUpdates: [] };
}

function asEpochSummary(event: unknown): EpochPruningSummary | undefined {
  const e = event as Partial<EpochPruningSummary> & { summary?: unknown };
  if (e && typeof e === 'object' && Array.isArray(e.tensors) && typeof e.epoch === 'number') return e as EpochPruningSummary;
  if (e && typeof e === 'object' && e.summary) return asEpochSummary(e.summary);
  return undefined;
}

function meanOf(update: MaskUpdate): number {
  return update.tensors.reduce((a, t) => a + t.sparsity, 0) / Math.max(1, update.tensors.length);
}

export function reducePruneProgress(state: PruneProgress, event: unknown): PruneProgress {
  const maybe = event as Partial<PruneEvent> | null;
  if (maybe && typeof maybe === 'object' && maybe.kind === 'mask-update') {
    const update = maybe as MaskUpdate;
    return {
      ...state,
      maskUpdates: [...state.maskUpdates, { step: update.step, target: update.target, sparsity: meanOf(update) }],
    };
  }
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
