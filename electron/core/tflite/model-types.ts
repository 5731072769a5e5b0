// A .tflite model as the reader returns it: plain data, close to schema.fbs, with names resolved.

export type OptionValue = number | boolean | string | number[];

export interface DimensionMetadata {
  format: 'DENSE' | 'SPARSE_CSR';
  denseSize: number;
  segmentsType: 'none' | 'int32' | 'uint16' | 'uint8';
  segments: number[];
  indicesType: 'none' | 'int32' | 'uint16' | 'uint8';
  indices: number[];
}

export interface SparsityParameters {
  traversalOrder: number[];
  blockMap: number[];
  dimMetadata: DimensionMetadata[];
}

export interface QuantizationParameters {
  scale: number[];
  zeroPoint: number[];
  min: number[];
  max: number[];
  quantizedDimension: number;
}

export interface TfliteTensor {
  index: number;
  name: string;
  shape: number[];
  shapeSignature: number[] | undefined;
  type: string;
  typeCode: number;
  buffer: number;
  isVariable: boolean;
  quantization: QuantizationParameters | undefined;
  sparsity: SparsityParameters | undefined;
}

export interface TfliteOperator {
  index: number;
  opcodeIndex: number;
  /** Builtin name (e.g. CONV_2D) or the custom code. */
  opName: string;
  builtinCode: number;
  version: number;
  inputs: number[];
  outputs: number[];
  optionsType: string;
  options: Record<string, OptionValue>;
}

export interface TfliteSubgraph {
  name: string;
  tensors: TfliteTensor[];
  inputs: number[];
  outputs: number[];
  operators: TfliteOperator[];
}

export interface TfliteOperatorCode {
  builtinCode: number;
  deprecatedBuiltinCode: number;
  customCode: string | undefined;
  version: number;
  name: string;
}

export interface TfliteBuffer {
  /** Bytes inside the file (a view, not a copy); empty when the buffer holds nothing. */
  data: Uint8Array;
  /** Byte offset of `data` in the file (-1 when empty). */
  fileOffset: number;
  /** Offset/size of data stored outside the flatbuffer (models over 2 GB). */
  external: { offset: number; size: number } | undefined;
}

export interface TfliteTensorMap {
  name: string;
  tensorIndex: number;
}

export interface TfliteSignature {
  key: string;
  subgraphIndex: number;
  inputs: TfliteTensorMap[];
  outputs: TfliteTensorMap[];
}

export interface TfliteMetadata {
  name: string;
  buffer: number;
}

export interface TfliteModel {
  fileBytes: number;
  version: number;
  description: string | undefined;
  operatorCodes: TfliteOperatorCode[];
  subgraphs: TfliteSubgraph[];
  buffers: TfliteBuffer[];
  metadata: TfliteMetadata[];
  signatures: TfliteSignature[];
}
