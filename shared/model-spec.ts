// The serialisable description of a CNN as a graph of Keras-style layers (functional semantics). Every later step
// (training engines, pruning policy, converter, importer, UI) reads this.
// Shapes and weight layouts follow Keras: NHWC activations, Conv2D kernel [kh, kw, in, out],
// DepthwiseConv2D kernel [kh, kw, in, multiplier], Dense kernel [in, out].
//
// Version 2 (a graph): every layer names its inputs; `layers` is in topological order; each layer has one output,
// which later layers refer to by the layer's name. The model input is referred to by `inputName`.
// Version 1 files (a chain: no `inputs`, no `inputName`, no `outputs`) are migrated on read by electron/core/model/io:
// layer i's input is layer i-1 (the first layer's is the model input), the output is the last layer.

export const MODEL_SPEC_FORMAT = 'sparse-studio-model';
export const MODEL_SPEC_VERSION = 2;
/** The name a v1 chain's input gets when migrated, and the default for built-in models. */
export const DEFAULT_INPUT_NAME = 'input_1';

export type Pair = [number, number];
export type Padding2D = [Pair, Pair]; // [[top, bottom], [left, right]]
export type ConvPadding = 'valid' | 'same';
/**
 * Keras activation names. `hard_sigmoid` is Keras 3's relu6(x + 3) / 6 (Keras 2 / TF.js used clip(0.2x + 0.5, 0, 1):
 * importers convert); `hard_swish` = x * hard_sigmoid(x); `swish` = x * sigmoid(x).
 */
export type Activation = 'linear' | 'relu' | 'relu6' | 'sigmoid' | 'hard_sigmoid' | 'hard_swish' | 'swish';
export const ACTIVATIONS = [
  'linear',
  'relu',
  'relu6',
  'sigmoid',
  'hard_sigmoid',
  'hard_swish',
  'swish',
] as const satisfies readonly Activation[];

interface LayerBase {
  name: string;
  /**
   * Names of the layers (or the model input) this layer reads, in order. One entry for every layer but Add and
   * Multiply (two or more). Always present in a v2 spec.
   */
  inputs: string[];
}

export interface ZeroPadding2DSpec extends LayerBase {
  type: 'ZeroPadding2D';
  padding: Padding2D;
}

export interface Conv2DSpec extends LayerBase {
  type: 'Conv2D';
  filters: number;
  kernelSize: Pair;
  strides: Pair;
  padding: ConvPadding;
  dilationRate: Pair;
  groups: number;
  useBias: boolean;
  activation: Activation;
}

export interface DepthwiseConv2DSpec extends LayerBase {
  type: 'DepthwiseConv2D';
  kernelSize: Pair;
  strides: Pair;
  padding: ConvPadding;
  dilationRate: Pair;
  depthMultiplier: number;
  useBias: boolean;
  activation: Activation;
}

export interface BatchNormalizationSpec extends LayerBase {
  type: 'BatchNormalization';
  axis: number;
  epsilon: number;
  momentum: number;
}

/** Keras ReLU: f(x) = max_value if x >= max_value; x if threshold <= x < max_value; negative_slope * (x - threshold) otherwise. */
export interface ReLUSpec extends LayerBase {
  type: 'ReLU';
  maxValue: number | null;
  negativeSlope: number;
  threshold: number;
}

export interface ActivationSpec extends LayerBase {
  type: 'Activation';
  activation: Activation;
}

export interface GlobalAveragePooling2DSpec extends LayerBase {
  type: 'GlobalAveragePooling2D';
  keepdims: boolean;
}

export interface FlattenSpec extends LayerBase {
  type: 'Flatten';
}

export interface DenseSpec extends LayerBase {
  type: 'Dense';
  units: number;
  useBias: boolean;
  activation: Activation;
}

/** Element-wise sum of two or more inputs of the same shape (residual connections). */
export interface AddSpec extends LayerBase {
  type: 'Add';
}

/**
 * Element-wise product of two or more inputs with Keras/NumPy broadcasting over size-1 dimensions
 * (squeeze-excite: [N,1,1,C] x [N,H,W,C]).
 */
export interface MultiplySpec extends LayerBase {
  type: 'Multiply';
}

/** Inverted dropout during training only (identity at inference); `seed` makes the masks reproducible. */
export interface DropoutSpec extends LayerBase {
  type: 'Dropout';
  rate: number;
  seed: number | null;
}

/** Reshape to `targetShape` (batch excluded); at most one entry may be -1. */
export interface ReshapeSpec extends LayerBase {
  type: 'Reshape';
  targetShape: number[];
}

/** y = x * scale + offset (models that normalise their input inside the graph). */
export interface RescalingSpec extends LayerBase {
  type: 'Rescaling';
  scale: number;
  offset: number;
  /**
   * Set when the layer was a tf.keras TFOpLambda `x + c` ('add') or `x * c` ('multiply'): TFMOT's XNNPACK policy
   * accepts those ops inside the sparse part, but not a Rescaling layer.
   */
  tfOp?: 'add' | 'multiply';
}

export type LayerSpec =
  | ZeroPadding2DSpec
  | Conv2DSpec
  | DepthwiseConv2DSpec
  | BatchNormalizationSpec
  | ReLUSpec
  | ActivationSpec
  | GlobalAveragePooling2DSpec
  | FlattenSpec
  | DenseSpec
  | AddSpec
  | MultiplySpec
  | DropoutSpec
  | ReshapeSpec
  | RescalingSpec;

export type LayerType = LayerSpec['type'];

export interface ModelSpec {
  format: typeof MODEL_SPEC_FORMAT;
  version: typeof MODEL_SPEC_VERSION;
  name: string;
  /** Input shape without the batch dimension: [height, width, channels]. */
  inputShape: [number, number, number];
  /** The name layers use in `inputs` to read the model input. */
  inputName: string;
  /** Layers in topological order (every input is defined before it is read). */
  layers: LayerSpec[];
  /** The model's output layer (exactly one: the logits). */
  outputs: [string];
}

type WithoutInputs<T> = T extends unknown ? Omit<T, 'inputs'> : never;
/** A layer as written by a v1 file (or listed as a chain): no `inputs`; a ReLU may lack negativeSlope/threshold. */
export type LayerSpecV1 =
  | WithoutInputs<Exclude<LayerSpec, ReLUSpec>>
  | (Omit<ReLUSpec, 'inputs' | 'negativeSlope' | 'threshold'> & Partial<Pick<ReLUSpec, 'negativeSlope' | 'threshold'>>);

/** A v1 file's spec (a chain). */
export interface ModelSpecV1 {
  format: typeof MODEL_SPEC_FORMAT;
  version: 1;
  name: string;
  inputShape: [number, number, number];
  layers: LayerSpecV1[];
}

/** Weight names per layer type, in Keras order. */
export const WEIGHT_NAMES = {
  ZeroPadding2D: [],
  Conv2D: ['kernel', 'bias'],
  DepthwiseConv2D: ['depthwise_kernel', 'bias'],
  BatchNormalization: ['gamma', 'beta', 'moving_mean', 'moving_variance'],
  ReLU: [],
  Activation: [],
  GlobalAveragePooling2D: [],
  Flatten: [],
  Dense: ['kernel', 'bias'],
  Add: [],
  Multiply: [],
  Dropout: [],
  Reshape: [],
  Rescaling: [],
} as const satisfies Record<LayerType, readonly string[]>;

/** One named weight tensor, e.g. `conv2d/kernel`, in Keras layout. */
export interface WeightTensor {
  name: string;
  shape: number[];
  trainable: boolean;
  values: Float32Array;
}
