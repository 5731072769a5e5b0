import type { TrainingHooks, WeightAccess } from '../train/types';
import { UserError } from '../util/errors';
import { applyMasks } from './apply-masks';
import { blockMask } from './block-mask';
import { magnitudeMask } from './magnitude-mask';
import { MISSING_STEP_CALLBACK_MESSAGE } from './messages';
import type { PrunedModel, PrunedTensor } from './pruned-model';
import type { EpochPruningSummary, MaskUpdate, PruningSummary } from './pruning-summary';

function maskSparsity(mask: Float32Array): number {
  let kept = 0;
  for (const m of mask) kept += m;
  return 1 - kept / mask.length;
}

/**
 * Drives a PrunedModel through a training loop: the wrapper's per-call logic (step += 1, the step assert, mask updates
 * on schedule steps, w *= mask before every forward pass) and UpdatePruningStep (onTrainBegin, onEpochEnd re-masking),
 * plus the summaries. Call `onTrainBegin()` once before `fit`, then pass the controller as `hooks`.
 */
export class PruningController implements TrainingHooks {
  readonly model: PrunedModel;
  readonly #epochs: EpochPruningSummary[] = [];
  readonly #targets: number[] = [];
  readonly #updates: MaskUpdate[] = [];
  readonly #onMaskUpdate: ((update: MaskUpdate) => void) | undefined;

  /** `onMaskUpdate` hears each mask update as it happens (the UI plots the sparsity reached per update). */
  constructor(model: PrunedModel, onMaskUpdate?: (update: MaskUpdate) => void) {
    this.model = model;
    this.#onMaskUpdate = onMaskUpdate;
  }

  /** UpdatePruningStep.on_train_begin: a fresh model (step -1) starts at 0; a restored one keeps its step. */
  onTrainBegin(): void {
    if (this.model.wrappedLayers.length === 0) return;
    if (this.model.step === -1) this.model.step = 0;
  }

  beforeTrainBatch(_step: number, weights: WeightAccess): void {
    const model = this.model;
    if (model.wrappedLayers.length === 0) return;
    model.step += 1;
    if (model.step < 1) throw new UserError('PRUNING_STEP_NOT_INITIALISED', MISSING_STEP_CALLBACK_MESSAGE);
    const decision = model.schedule.at(model.step);
    this.#targets[model.step - 1] = decision.sparsity;
    if (decision.shouldPrune) {
      for (const tensor of model.tensors) this.#updateMask(tensor, weights.read(tensor.name), decision.sparsity);
      const update: MaskUpdate = {
        step: model.step,
        target: decision.sparsity,
        tensors: model.tensors.map((t) => ({ name: t.name, sparsity: maskSparsity(t.mask) })),
      };
      this.#updates.push(update);
      this.#onMaskUpdate?.(structuredClone(update));
    }
    applyMasks(model.tensors, weights);
  }

  beforeInference(weights: WeightAccess): void {
    applyMasks(this.model.tensors, weights);
  }

  /** UpdatePruningStep.on_epoch_end re-masks so saved weights are exactly sparse; then the epoch's summary. */
  onEpochEnd(epoch: number, weights: WeightAccess): void {
    applyMasks(this.model.tensors, weights);
    this.#epochs.push({
      epoch,
      step: this.model.step,
      tensors: this.model.tensors.map((t) => ({ name: t.name, sparsity: maskSparsity(t.mask), threshold: t.threshold })),
    });
  }

  summary(): PruningSummary {
    const model = this.model;
    return {
      schedule: model.schedule.getConfig(),
      policy: model.policy,
      blockSize: [...model.blockSize],
      blockPooling: model.blockPooling,
      tensors: model.tensors.map((t) => t.name),
      epochs: structuredClone(this.#epochs),
      targetPerStep: Array.from(this.#targets, (t) => t ?? null),
      maskUpdateSteps: this.#updates.map((u) => u.step),
      maskUpdates: structuredClone(this.#updates),
    };
  }

  #updateMask(tensor: PrunedTensor, values: Float32Array, sparsity: number): void {
    const isBlock = this.model.blockSize[0] !== 1 || this.model.blockSize[1] !== 1;
    const update = isBlock
      ? blockMask(values, tensor.shape, this.model.blockSize, this.model.blockPooling, sparsity)
      : magnitudeMask(values, sparsity);
    tensor.mask = update.mask;
    tensor.threshold = update.threshold;
  }
}
