// The numeric values of the TFLite schema that the writer emits (see the team's reference tflite-format.md §1).

export const TFLITE_FILE_IDENTIFIER = 'TFL3';
export const TFLITE_SCHEMA_VERSION = 3;

export const Op = {
  ADD: 0,
  CONV_2D: 3,
  DEPTHWISE_CONV_2D: 4,
  FULLY_CONNECTED: 9,
  LOGISTIC: 14,
  MUL: 18,
  RELU: 19,
  RELU6: 21,
  RESHAPE: 22,
  PAD: 34,
  MEAN: 40,
  HARD_SWISH: 117,
  DENSIFY: 124,
  PLACEHOLDER_FOR_GREATER_OP_CODES: 127,
} as const;

export const OptionsType = {
  NONE: 0,
  Conv2DOptions: 1,
  DepthwiseConv2DOptions: 2,
  FullyConnectedOptions: 8,
  AddOptions: 11,
  ReshapeOptions: 17,
  MulOptions: 21,
  PadOptions: 22,
  ReducerOptions: 27,
  DensifyOptions: 99,
} as const;

export const TensorType = { FLOAT32: 0, FLOAT16: 1, INT32: 2, UINT8: 3, INT8: 9 } as const;
export const Padding = { SAME: 0, VALID: 1 } as const;
export const Activation = { NONE: 0, RELU: 1, RELU6: 3 } as const;
export const DimensionType = { DENSE: 0, SPARSE_CSR: 1 } as const;
export const SparseIndexVectorType = { NONE: 0, Int32Vector: 1, Uint16Vector: 2, Uint8Vector: 3 } as const;

/** ConversionMetadata (conversion_metadata.fbs) values. */
export const ModelType = { KERAS_MODEL: 2 } as const;
export const OptimizationMode = { RANDOM_SPARSITY: 3001, BLOCK_SPARSITY: 3002 } as const;

export const MIN_RUNTIME_VERSION_KEY = 'min_runtime_version';
export const CONVERSION_METADATA_KEY = 'CONVERSION_METADATA';
