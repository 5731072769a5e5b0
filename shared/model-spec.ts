// The serialisable description of a sequential CNN. Every later step (pruning policy, converter, UI) reads this.
// Shapes and weight layouts follow Keras: NHWC activations, Conv2D kernel [kh, kw, in, out],
// DepthwiseConv2D kernel [kh, kw, in, multiplier], Dense kernel [in, out].

export const MODEL_SPEC_FORMAT = 'sparse-studio-model';
export const MODEL_SPEC_VERSION = 1;

export type Pair = [number, number];
export type Padding2D = [Pair, Pair]; // [[top, bottom], [left, right]]
export type ConvPadding = 'valid' | 'same';
export type Activation = 'linear' | 'relu';

export interface ZeroPadding2DSpec {
  type: 'ZeroPadding2D';
  name: string;
  padding: Padding2D;
}

export interface Conv2DSpec {
  type: 'Conv2D';
  name: string;
  filters: number;
  kernelSize: Pair;
  strides: Pair;
  padding: ConvPadding;
  dilationRate: Pair;
  groups: number;
  useBias: boolean;
  activation: Activation;
}

export interface DepthwiseConv2DSpec {
  type: 'DepthwiseConv2D';
  name: string;
  kernelSize: Pair;
  strides: Pair;
  padding: ConvPadding;
  dilationRate: Pair;
  depthMultiplier: number;
  useBias: boolean;
  activation: Activation;
}

export interface BatchNormalizationSpec {
  type: 'BatchNormalization';
  name: string;
  axis: number;
  epsilon: number;
  momentum: number;
}

export interface ReLUSpec {
  type: 'ReLU';
  name: string;
  maxValue: number | null;
}

export interface GlobalAveragePooling2DSpec {
  type: 'GlobalAveragePooling2D';
  name: string;
  keepdims: boolean;
}

export interface FlattenSpec {
  type: 'Flatten';
  name: string;
}

export interface DenseSpec {
  type: 'Dense';
  name: string;
  units: number;
  useBias: boolean;
  activation: Activation;
}

export type LayerSpec =
  | ZeroPadding2DSpec
  | Conv2DSpec
  | DepthwiseConv2DSpec
  | BatchNormalizationSpec
  | ReLUSpec
  | GlobalAveragePooling2DSpec
  | FlattenSpec
  | DenseSpec;

export type LayerType = LayerSpec['type'];

export interface ModelSpec {
  format: typeof MODEL_SPEC_FORMAT;
  version: typeof MODEL_SPEC_VERSION;
  name: string;
  /** Input shape without the batch dimension: [height, width, channels]. */
  inputShape: [number, number, number];
  layers: LayerSpec[];
}

/** Weight names per layer type, in Keras order. */
export const WEIGHT_NAMES = {
  ZeroPadding2D: [],
  Conv2D: ['kernel', 'bias'],
  DepthwiseConv2D: ['depthwise_kernel', 'bias'],
  BatchNormalization: ['gamma', 'beta', 'moving_mean', 'moving_variance'],
  ReLU: [],
  GlobalAveragePooling2D: [],
  Flatten: [],
  Dense: ['kernel', 'bias'],
} as const satisfies Record<LayerType, readonly string[]>;

/** One named weight tensor, e.g. `conv2d/kernel`, in Keras layout. */
export interface WeightTensor {
  name: string;
  shape: number[];
  trainable: boolean;
  values: Float32Array;
}
