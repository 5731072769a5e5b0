import type { LayerSpec, Pair } from '../../../shared/model-spec';
import type { ActivationShape } from '../model/shapes';

/** A layer with its position in the chain and its input shape (batch dimension excluded). */
export interface ChainLayer {
  index: number;
  layer: LayerSpec;
  input: ActivationShape;
  producer: LayerSpec | undefined;
}

const same = (a: Pair, b: Pair): boolean => a[0] === b[0] && a[1] === b[1];

export function isSymmetricZeroPadding(layer: LayerSpec | undefined, amount: number): boolean {
  if (layer?.type !== 'ZeroPadding2D') return false;
  const [[t, b], [l, r]] = layer.padding;
  return t === amount && b === amount && l === amount && r === amount;
}

/**
 * Upstream `_check_layer_support` for a layer between the start convolution and the final pooling.
 * Returns undefined when supported, otherwise what to change.
 */
export function layerSupportProblem(entry: ChainLayer): string | undefined {
  const { layer, input, producer } = entry;
  switch (layer.type) {
    case 'ZeroPadding2D':
    case 'ReLU':
      return undefined;
    case 'DepthwiseConv2D':
      return depthwiseProblem(layer, producer);
    case 'Conv2D':
      if (layer.groups !== 1) return `Use groups=1 on '${layer.name}'.`;
      if (!same(layer.dilationRate, [1, 1])) return `Use dilation_rate 1x1 on '${layer.name}'.`;
      if (!same(layer.kernelSize, [1, 1]) || !same(layer.strides, [1, 1])) {
        return `Only 1x1 stride-1 Conv2D layers may follow the stem; replace '${layer.name}' (${layer.kernelSize.join('x')}, stride ${layer.strides.join('x')}) by a DepthwiseConv2D followed by a 1x1 Conv2D.`;
      }
      return undefined;
    case 'GlobalAveragePooling2D':
      return layer.keepdims ? undefined : `Set keepdims=True on '${layer.name}'.`;
    case 'BatchNormalization': {
      const rank = input.length + 1;
      const axis = layer.axis < 0 ? rank + layer.axis : layer.axis;
      return axis === 3 ? undefined : `Normalise over the channel axis 3 of a 4-D activation in '${layer.name}'.`;
    }
    default:
      return `Move '${layer.name}' after the final GlobalAveragePooling2D (keepdims=True), or remove it.`;
  }
}

function depthwiseProblem(
  layer: Extract<LayerSpec, { type: 'DepthwiseConv2D' }>,
  producer: LayerSpec | undefined,
): string | undefined {
  if (layer.depthMultiplier !== 1) return `Use depth_multiplier=1 on '${layer.name}'.`;
  if (!same(layer.dilationRate, [1, 1])) return `Use dilation_rate 1x1 on '${layer.name}'.`;
  const k = layer.kernelSize;
  const size = same(k, [3, 3]) ? 3 : same(k, [5, 5]) ? 5 : undefined;
  if (size === undefined) return `Use a 3x3 or 5x5 kernel on '${layer.name}'.`;
  const pad = (size - 1) / 2;
  const stride1 = same(layer.strides, [1, 1]);
  const stride2 = same(layer.strides, [2, 2]);
  if (!stride1 && !stride2) return `Use stride 1 or 2 on '${layer.name}'.`;
  if (layer.padding === 'same') {
    if (stride1) return undefined;
    return `Use padding 'valid' preceded by ZeroPadding2D(${pad}) on '${layer.name}': TF 'same' with stride 2 pads 0/1, XNNPACK needs ${pad} on each side (check-xnnpack --fix rewrites it with the same weights).`;
  }
  if (isSymmetricZeroPadding(producer, pad)) return undefined;
  return `'${layer.name}' uses padding 'valid' without a preceding ZeroPadding2D(${pad}); add one (padding=${pad}).`;
}
