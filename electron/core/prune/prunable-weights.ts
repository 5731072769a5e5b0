import type { LayerSpec } from '../../../shared/model-spec';

/**
 * The PruneRegistry for our layer types: which weights of a layer get a mask. Biases are never pruned;
 * DepthwiseConv2D, BatchNormalization and the weightless layers are supported but nothing in them is pruned.
 * Rescaling is absent, as upstream (registered as `Rescaling.__class__`, so an instance does not match; #864).
 */
const PRUNABLE: Partial<Record<LayerSpec['type'], readonly string[]>> = {
  Conv2D: ['kernel'],
  Dense: ['kernel'],
  DepthwiseConv2D: [],
  BatchNormalization: [],
  ZeroPadding2D: [],
  ReLU: [],
  GlobalAveragePooling2D: [],
  Flatten: [],
  Activation: [],
  Add: [],
  Multiply: [],
  Dropout: [],
  Reshape: [],
};

export function isSupportedLayer(layer: LayerSpec): boolean {
  return Object.hasOwn(PRUNABLE, layer.type);
}

/** Full weight names (`layer/weight`) that pruning masks in this layer. */
export function prunableWeightNames(layer: LayerSpec): string[] {
  return (PRUNABLE[layer.type] ?? []).map((weight) => `${layer.name}/${weight}`);
}
