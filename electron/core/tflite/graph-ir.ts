// The converter's intermediate graph: TFLite ops over tensors, before serialization.

export interface IrSparseEncoding {
  segments: number[];
  indices: number[];
}

export interface IrTensor {
  name: string;
  /** Static shape (batch shown as 1). */
  shape: number[];
  /** With -1 for a dynamic batch; undefined for constants. */
  shapeSignature?: number[];
  type: 'float32' | 'int32';
  /** Constant data (row-major); for a sparse tensor, only the non-zero values. */
  data?: Float32Array | Int32Array;
  sparse?: IrSparseEncoding;
}

export type IrOpName =
  | 'PAD'
  | 'CONV_2D'
  | 'DEPTHWISE_CONV_2D'
  | 'MEAN'
  | 'RESHAPE'
  | 'FULLY_CONNECTED'
  | 'DENSIFY'
  | 'RELU'
  | 'RELU6'
  | 'ADD'
  | 'MUL'
  | 'LOGISTIC'
  | 'HARD_SWISH';
export type IrActivation = 'NONE' | 'RELU' | 'RELU6';

export type IrOptions =
  | {
      kind: 'conv';
      padding: 'SAME' | 'VALID';
      strideW: number;
      strideH: number;
      dilationW: number;
      dilationH: number;
      activation: IrActivation;
    }
  | {
      kind: 'depthwise';
      padding: 'SAME' | 'VALID';
      strideW: number;
      strideH: number;
      depthMultiplier: number;
      dilationW: number;
      dilationH: number;
      activation: IrActivation;
    }
  | { kind: 'fullyConnected'; activation: IrActivation }
  /** ADD / MUL (AddOptions / MulOptions). */
  | { kind: 'binary'; activation: IrActivation }
  | { kind: 'reducer'; keepDims: boolean }
  | { kind: 'empty' }
  | { kind: 'none' };

export interface IrOp {
  op: IrOpName;
  inputs: number[];
  outputs: number[];
  options: IrOptions;
}

export interface IrGraph {
  tensors: IrTensor[];
  ops: IrOp[];
  inputs: number[];
  outputs: number[];
  /** Signature names for the input / output (Keras: input layer name, last layer name). */
  signatureInputName: string;
  signatureOutputName: string;
}
