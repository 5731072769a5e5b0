import type { ModelSpec } from '../../../shared/model-spec';
import type { ModelWeights } from '../model/weights';
import { UserError } from '../util/errors';
import type { BlockPooling, BlockSize } from './block-mask';
import { BLOCK_RANK_MESSAGE, poolingTypeMessage, unsupportedLayerTypeMessage } from './messages';
import { isSupportedLayer, prunableWeightNames } from './prunable-weights';
import type { PruningSchedule } from './schedules';
import { ConstantSparsity } from './schedules';
import { ensureModelSupportsXnnpackPruning, XNNPACK_POLICY, xnnpackAllowsPruning } from './xnnpack-policy';

export type PruningPolicyName = typeof XNNPACK_POLICY;

/** One masked weight: the wrapper's `mask` and `threshold` variables for it. */
export interface PrunedTensor {
  /** `layer/weight`, e.g. `conv2d_1/kernel`. */
  name: string;
  layer: string;
  shape: number[];
  mask: Float32Array;
  threshold: number;
}

/**
 * A model "wrapped" for pruning, as data: the plain spec and weights, the masks and thresholds of the pruned tensors,
 * and the shared pruning step (-1 until training begins, like upstream's `pruning_step`). Mutated by PruningController.
 */
export interface PrunedModel {
  spec: ModelSpec;
  weights: ModelWeights;
  /** Layers upstream would wrap: every layer without a policy, the 1x1 Conv2D layers with the XNNPACK policy. */
  wrappedLayers: string[];
  tensors: PrunedTensor[];
  step: number;
  schedule: PruningSchedule;
  policy: PruningPolicyName | null;
  blockSize: BlockSize;
  blockPooling: BlockPooling;
}

export interface PruneOptions {
  /** Default: ConstantSparsity(0.5, 0), as upstream. */
  pruningSchedule?: PruningSchedule;
  pruningPolicy?: PruningPolicyName;
  /** Default [1, 1]; [1, 4] or [1, 16] give block sparsity (rank-2 weights only). */
  blockSize?: BlockSize;
  /** Default 'AVG'. */
  blockPoolingType?: string;
}

/**
 * Upstream `prune_low_magnitude` on a whole model. With the XNNPACK policy the model is checked first
 * (XnnpackPolicyError with upstream's message and the diagnostics) and only 1x1 Conv2D kernels are pruned; without a
 * policy every Conv2D and Dense kernel is. The weights are copied; masks start at 1, thresholds at 0, the step at -1.
 */
export function pruneLowMagnitude(spec: ModelSpec, weights: ModelWeights, options: PruneOptions = {}): PrunedModel {
  const policy = options.pruningPolicy ?? null;
  if (policy !== null && policy !== XNNPACK_POLICY) {
    throw new UserError(
      'UNKNOWN_PRUNING_POLICY',
      `Unknown pruning policy '${String(policy)}'; the only policy is ${XNNPACK_POLICY}`,
    );
  }
  if (policy) ensureModelSupportsXnnpackPruning(spec);

  const blockPooling = options.blockPoolingType ?? 'AVG';
  if (blockPooling !== 'AVG' && blockPooling !== 'MAX') throw new UserError('PRUNING_CONFIG', poolingTypeMessage(blockPooling));
  // Only wrapped layers meet the registry: with a policy, upstream's clone leaves the others bare.
  const wrapped = spec.layers.filter((layer) => (policy ? xnnpackAllowsPruning(layer) : true));
  const unsupported = wrapped.find((layer) => !isSupportedLayer(layer));
  if (unsupported) throw new UserError('PRUNING_CONFIG', unsupportedLayerTypeMessage(unsupported.type));

  const tensors: PrunedTensor[] = wrapped.flatMap((layer) =>
    prunableWeightNames(layer).map((name) => {
      const weight = weights.get(name);
      return {
        name,
        layer: layer.name,
        shape: [...weight.shape],
        mask: new Float32Array(weight.values.length).fill(1),
        threshold: 0,
      };
    }),
  );

  const blockSize: BlockSize = options.blockSize ?? [1, 1];
  if (blockSize.length !== 2 || !blockSize.every((d) => Number.isInteger(d) && d >= 1)) {
    throw new UserError(
      'PRUNING_CONFIG',
      `block_size must be two whole numbers >= 1, e.g. [1, 4] or [1, 16]; got [${blockSize.join(', ')}]`,
    );
  }
  const isBlock = blockSize[0] !== 1 || blockSize[1] !== 1;
  if (isBlock && tensors.some((t) => t.shape.length !== 2)) throw new UserError('PRUNING_CONFIG', BLOCK_RANK_MESSAGE);

  return {
    spec: structuredClone(spec),
    weights: weights.clone(),
    wrappedLayers: wrapped.map((layer) => layer.name),
    tensors,
    step: -1,
    schedule: options.pruningSchedule ?? new ConstantSparsity({ targetSparsity: 0.5, beginStep: 0 }),
    policy,
    blockSize,
    blockPooling,
  };
}
