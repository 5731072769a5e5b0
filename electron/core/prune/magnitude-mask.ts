import { UserError } from '../util/errors';
import { roundHalfEven } from './round-half-even';

export interface MaskUpdate {
  /** 1 = kept, 0 = pruned; same length as the input. */
  mask: Float32Array;
  /** The smallest kept magnitude (upstream's `threshold` variable). */
  threshold: number;
}

/** Number of entries kept: int32(max(round_half_even(float32(n) * float32(1 - sparsity)), 1)). */
export function keptCount(n: number, sparsity: number): number {
  if (Number.isNaN(sparsity)) {
    throw new UserError(
      'PRUNING_SPARSITY_NAN',
      'The pruning schedule gave no sparsity for this step (PolynomialDecay with begin_step == end_step divides 0 by 0)',
      'Use an end_step larger than begin_step.',
    );
  }
  const f = Math.fround;
  return Math.max(roundHalfEven(f(f(n) * f(1 - sparsity))), 1);
}

/**
 * Upstream `Pruning._update_mask` on a flat tensor: keep the k largest magnitudes, where the threshold is the k-th
 * largest |w| in top_k order (descending, lower index first among equals). Every entry with |w| >= threshold is kept,
 * so ties at the threshold are all kept and the real sparsity can be below the target.
 */
export function magnitudeMask(values: Float32Array, sparsity: number): MaskUpdate {
  const n = values.length;
  const k = keptCount(n, sparsity);
  const magnitudes = new Float32Array(n);
  for (let i = 0; i < n; i++) magnitudes[i] = Math.abs(values[i]!);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => magnitudes[b]! - magnitudes[a]! || a - b);
  const kthIndex = order[k - 1]!;
  const threshold = magnitudes[kthIndex]!;
  const mask = new Float32Array(n);
  for (let i = 0; i < n; i++) mask[i] = magnitudes[i]! >= threshold || i === kthIndex ? 1 : 0;
  return { mask, threshold };
}
