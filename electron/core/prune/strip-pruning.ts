import type { ModelSpec } from '../../../shared/model-spec';
import { ModelWeights } from '../model/weights';
import { maskedValues } from './apply-masks';
import type { PrunedModel } from './pruned-model';

/**
 * Upstream `strip_pruning`: the plain model (same layers, no mask/threshold/step). Upstream relies on the epoch-end
 * re-masking for exact zeros; the masks are applied once more here (a no-op after a normal fit) so the result is
 * exactly sparse even when training stopped between epochs. Pass the trained weights when the model's own copy is stale
 * (e.g. `trainer.snapshot()`).
 */
export function stripPruning(
  pruned: PrunedModel,
  weights: ModelWeights = pruned.weights,
): { spec: ModelSpec; weights: ModelWeights } {
  const masks = new Map(pruned.tensors.map((t) => [t.name, t.mask]));
  const tensors = weights.tensors.map((tensor) => {
    const mask = masks.get(tensor.name);
    return { ...tensor, shape: [...tensor.shape], values: mask ? maskedValues(tensor.values, mask) : tensor.values.slice() };
  });
  return { spec: structuredClone(pruned.spec), weights: new ModelWeights(tensors) };
}
