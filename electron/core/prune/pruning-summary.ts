import type { BlockPooling, BlockSize } from './block-mask';
import type { ScheduleConfig } from './schedules';

/** One pruned tensor's state at the end of an epoch (upstream PruningSummaries' `sparsity` and `threshold`). */
export interface TensorEpochSummary {
  name: string;
  /** 1 - mean(mask). */
  sparsity: number;
  threshold: number;
}

export interface EpochPruningSummary {
  epoch: number;
  /** The pruning step after the epoch's last batch. */
  step: number;
  tensors: TensorEpochSummary[];
}

/** The masks right after one update (the schedule's shouldPrune step): each pruned tensor's 1 - mean(mask). */
export interface MaskUpdate {
  step: number;
  /** The schedule's target sparsity at that step. */
  target: number;
  tensors: { name: string; sparsity: number }[];
}

/** Everything the run's metrics need for the pruning charts; JSON-serialisable. */
export interface PruningSummary {
  schedule: ScheduleConfig;
  policy: string | null;
  blockSize: BlockSize;
  blockPooling: BlockPooling;
  /** Names of the pruned tensors. */
  tensors: string[];
  epochs: EpochPruningSummary[];
  /** The scheduled target sparsity of training step `i + 1` at index i (null for steps before this controller ran). */
  targetPerStep: (number | null)[];
  /** Steps at which the masks were recomputed. */
  maskUpdateSteps: number[];
  /** The sparsity each update reached (absent in metrics written before it was recorded). */
  maskUpdates?: MaskUpdate[];
}
