import type { Activation, LayerSpec, Pair } from '../../../shared/model-spec';
import type { ActivationShape } from '../model/shapes';

/** A layer as the policy sees it: its (first) input shape and its distinct producers (undefined = the model input). */
export interface PolicyLayer {
  layer: LayerSpec;
  input: ActivationShape;
  producers: (LayerSpec | undefined)[];
}

/** A failed `_check_layer_support`: the upstream rule the layer breaks and what to change. */
export interface SupportProblem {
  requirement: string;
  fix: string;
}

const same = (a: Pair, b: Pair): boolean => a[0] === b[0] && a[1] === b[1];

export function isSymmetricZeroPadding(layer: LayerSpec | undefined, amount: number): boolean {
  if (layer?.type !== 'ZeroPadding2D') return false;
  const [[t, b], [l, r]] = layer.padding;
  return t === amount && b === amount && l === amount && r === amount;
}

/** Upstream's `len(producers) == 1 and isinstance(producers[0], ZeroPadding2D) and padding == ((p, p), (p, p))`. */
export function hasOnlyZeroPaddingProducer(producers: (LayerSpec | undefined)[], amount: number): boolean {
  return producers.length === 1 && isSymmetricZeroPadding(producers[0], amount);
}

/**
 * Activations an Activation layer may use. Upstream: relu, relu6, leaky_relu, elu, sigmoid (our spec has no leaky_relu
 * or elu activation names). Our `hard_sigmoid` and `hard_swish` are by definition Keras MobileNetV3's
 * `ReLU(6.)(x + 3.) * (1. / 6.)` and `Multiply()([x, hard_sigmoid(x)])`, which Keras builds from TFOpLambda add and
 * multiply, ReLU and Multiply, all accepted upstream; so they pass here, as that Keras model does. `swish` (Keras'
 * Activation('swish'), EfficientNet) and `linear` are rejected, as upstream rejects them.
 */
export const POLICY_ACTIVATIONS: ReadonlySet<Activation> = new Set<Activation>([
  'relu',
  'relu6',
  'sigmoid',
  'hard_sigmoid',
  'hard_swish',
]);

const padded = (padding: number): string =>
  `ZeroPadding2D(${padding}), i.e. ((${padding}, ${padding}), (${padding}, ${padding}))`;

/**
 * Upstream `_check_layer_support` for a layer between the start convolution and the end pooling.
 * Returns undefined when supported, otherwise the rule broken and what to change.
 */
export function layerSupportProblem(entry: PolicyLayer): SupportProblem | undefined {
  const { layer, input, producers } = entry;
  switch (layer.type) {
    case 'ZeroPadding2D':
    case 'ReLU':
    case 'Add':
    case 'Multiply':
    case 'Dropout':
      return undefined;
    case 'DepthwiseConv2D':
      return depthwiseProblem(layer, producers);
    case 'Conv2D': {
      const requirement = 'Conv2D after the stem: 1x1 kernel, stride 1, dilation 1, groups 1';
      if (layer.groups !== 1) return { requirement, fix: `Use groups=1 on '${layer.name}'.` };
      if (!same(layer.dilationRate, [1, 1]))
        return {
          requirement,
          fix: `'${layer.name}' has dilation_rate ${layer.dilationRate.join('x')}: use 1x1 (XNNPACK has no dilated sparse kernel; retrain after the change).`,
        };
      if (!same(layer.kernelSize, [1, 1]) || !same(layer.strides, [1, 1]))
        return {
          requirement,
          fix: `Only 1x1 stride-1 Conv2D layers may follow the stem; replace '${layer.name}' (${layer.kernelSize.join('x')}, stride ${layer.strides.join('x')}) by a DepthwiseConv2D followed by a 1x1 Conv2D.`,
        };
      return undefined;
    }
    case 'GlobalAveragePooling2D':
      return layer.keepdims
        ? undefined
        : {
            requirement: 'GlobalAveragePooling2D inside the sparse part (e.g. squeeze-excite): keepdims=True',
            fix: `Set keepdims=True on '${layer.name}' (and drop a Reshape to [1, 1, C] after it).`,
          };
    case 'BatchNormalization': {
      const rank = input.length + 1;
      const axis = layer.axis < 0 ? rank + layer.axis : layer.axis;
      return axis === 3 && rank === 4
        ? undefined
        : {
            requirement: 'BatchNormalization: axis == [3] (channels of a 4-D activation)',
            fix: `Normalise over the channel axis 3 of a 4-D activation in '${layer.name}'.`,
          };
    }
    case 'Rescaling':
      // Upstream accepts TFOpLambda add / multiply (what an imported `x + 3.` / `x * (1. / 6.)` is), not Rescaling.
      return layer.tfOp
        ? undefined
        : {
            requirement: 'Rescaling is not one of the layers XNNPACK runs sparse (TFOpLambda add / multiply are)',
            fix: `Move '${layer.name}' before the stem convolution or after the final GlobalAveragePooling2D (keepdims=True), or remove it.`,
          };
    case 'Activation':
      return POLICY_ACTIVATIONS.has(layer.activation)
        ? undefined
        : {
            requirement:
              'Activation: relu, relu6, leaky_relu, elu or sigmoid (hard_sigmoid / hard_swish as Keras MobileNetV3 builds them)',
            fix:
              layer.activation === 'linear'
                ? `Remove the identity Activation '${layer.name}'.`
                : `Replace '${layer.name}' (${layer.activation}) by relu, relu6, sigmoid or hard_swish, then fine-tune or retrain.`,
          };
    default:
      return {
        requirement: `${layer.type} is not one of the layers XNNPACK runs sparse (NCHW)`,
        fix: `Move '${layer.name}' after the final GlobalAveragePooling2D (keepdims=True), or remove it.`,
      };
  }
}

function depthwiseProblem(
  layer: Extract<LayerSpec, { type: 'DepthwiseConv2D' }>,
  producers: (LayerSpec | undefined)[],
): SupportProblem | undefined {
  const requirement =
    "DepthwiseConv2D: multiplier 1, dilation 1; 3x3 or 5x5 stride 1 'same', or stride 1/2 'valid' right after ZeroPadding2D(1) (3x3) / ZeroPadding2D(2) (5x5)";
  const problem = (fix: string): SupportProblem => ({ requirement, fix });
  if (layer.depthMultiplier !== 1) return problem(`Use depth_multiplier=1 on '${layer.name}'.`);
  if (!same(layer.dilationRate, [1, 1]))
    return problem(
      `'${layer.name}' has dilation_rate ${layer.dilationRate.join('x')}: use 1x1 (XNNPACK has no dilated sparse depthwise kernel; retrain after the change).`,
    );
  const k = layer.kernelSize;
  const size = same(k, [3, 3]) ? 3 : same(k, [5, 5]) ? 5 : undefined;
  if (size === undefined) return problem(`Use a 3x3 or 5x5 kernel on '${layer.name}' (it is ${k.join('x')}).`);
  const pad = (size - 1) / 2;
  const stride1 = same(layer.strides, [1, 1]);
  const stride2 = same(layer.strides, [2, 2]);
  if (!stride1 && !stride2) return problem(`Use stride 1 or 2 on '${layer.name}'.`);
  if (layer.padding === 'same') {
    if (stride1) return undefined;
    return problem(
      `Use padding 'valid' preceded by ${padded(pad)} on '${layer.name}': TF 'same' with stride 2 pads 0 before / 1 after on even sizes, XNNPACK needs ${pad} on each side (check-xnnpack --fix rewrites it with the same weights; fine-tune afterwards).`,
    );
  }
  if (hasOnlyZeroPaddingProducer(producers, pad)) return undefined;
  const zp = producers.length === 1 && producers[0]?.type === 'ZeroPadding2D' ? producers[0] : undefined;
  if (zp)
    return problem(
      `'${layer.name}' follows ZeroPadding2D '${zp.name}' with padding ${JSON.stringify(zp.padding)}; it must be ${padded(pad)} (check-xnnpack --fix makes it symmetric when the output size stays the same; fine-tune afterwards).`,
    );
  return problem(`'${layer.name}' uses padding 'valid' without a directly preceding ${padded(pad)}; add one.`);
}
