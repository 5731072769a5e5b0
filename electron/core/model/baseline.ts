import type { LayerSpecV1, ModelSpec, Pair } from '../../../shared/model-spec';
import { chainModel } from './chain';

const BN = { axis: 3, epsilon: 1e-3, momentum: 0.99 } as const;
const conv = { dilationRate: [1, 1] as Pair, groups: 1, useBias: true, activation: 'linear' as const };
const depthwise = { dilationRate: [1, 1] as Pair, depthMultiplier: 1, useBias: true, activation: 'linear' as const };

/** CIFAR-10's, the guide's data set. */
export const DEFAULT_CLASSES = 10;

/**
 * The reference guide's CNN (TFMOT "Pruning for on-device inference with XNNPACK"), with Keras' default layer names.
 * `keepdims` selects the variant whose GlobalAveragePooling2D keeps the spatial dimensions, as XNNPACK wants;
 * `classes` is the number of units of the last Dense (the data set's class count).
 */
export function guideModel(keepdims: boolean, classes: number = DEFAULT_CLASSES): ModelSpec {
  if (!Number.isInteger(classes) || classes < 2) throw new RangeError(`a classifier needs at least 2 classes, got ${classes}`);
  const layers: LayerSpecV1[] = [
    {
      type: 'ZeroPadding2D',
      name: 'zero_padding2d',
      padding: [
        [1, 1],
        [1, 1],
      ],
    },
    { type: 'Conv2D', name: 'conv2d', filters: 8, kernelSize: [3, 3], strides: [2, 2], padding: 'valid', ...clone(conv) },
    { type: 'BatchNormalization', name: 'batch_normalization', ...BN },
    { type: 'ReLU', name: 're_lu', maxValue: null },
    {
      type: 'DepthwiseConv2D',
      name: 'depthwise_conv2d',
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: 'same',
      ...clone(depthwise),
    },
    { type: 'BatchNormalization', name: 'batch_normalization_1', ...BN },
    { type: 'ReLU', name: 're_lu_1', maxValue: null },
    { type: 'Conv2D', name: 'conv2d_1', filters: 16, kernelSize: [1, 1], strides: [1, 1], padding: 'valid', ...clone(conv) },
    { type: 'BatchNormalization', name: 'batch_normalization_2', ...BN },
    { type: 'ReLU', name: 're_lu_2', maxValue: null },
    {
      type: 'ZeroPadding2D',
      name: 'zero_padding2d_1',
      padding: [
        [1, 1],
        [1, 1],
      ],
    },
    {
      type: 'DepthwiseConv2D',
      name: 'depthwise_conv2d_1',
      kernelSize: [3, 3],
      strides: [2, 2],
      padding: 'valid',
      ...clone(depthwise),
    },
    { type: 'BatchNormalization', name: 'batch_normalization_3', ...BN },
    { type: 'ReLU', name: 're_lu_3', maxValue: null },
    { type: 'Conv2D', name: 'conv2d_2', filters: 32, kernelSize: [1, 1], strides: [1, 1], padding: 'valid', ...clone(conv) },
    { type: 'BatchNormalization', name: 'batch_normalization_4', ...BN },
    { type: 'ReLU', name: 're_lu_4', maxValue: null },
    { type: 'GlobalAveragePooling2D', name: 'global_average_pooling2d', keepdims },
    { type: 'Flatten', name: 'flatten' },
    { type: 'Dense', name: 'dense', units: classes, useBias: true, activation: 'linear' },
  ];
  return chainModel(keepdims ? 'baseline-keepdims' : 'baseline', [32, 32, 3], layers);
}

function clone<T>(value: T): T {
  return structuredClone(value);
}
