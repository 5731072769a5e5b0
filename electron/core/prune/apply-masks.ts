import type { WeightAccess } from '../train/types';
import type { PrunedTensor } from './pruned-model';

/** w * mask, as a new array (in float32, so a pruned entry becomes an exact (signed) zero). */
export function maskedValues(values: Float32Array, mask: Float32Array): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]! * mask[i]!;
  return out;
}

/** Upstream's `w.assign(w * mask)` for every pruned tensor. */
export function applyMasks(tensors: PrunedTensor[], weights: WeightAccess): void {
  for (const tensor of tensors) weights.write(tensor.name, maskedValues(weights.read(tensor.name), tensor.mask));
}
