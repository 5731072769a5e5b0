import { Builder } from 'flatbuffers';
import { buildConversionMetadata } from './conversion-metadata';
import type { IrGraph, IrOp, IrTensor } from './graph-ir';
import { minRuntimeVersion, opVersion } from './runtime-version';
import {
  Activation,
  CONVERSION_METADATA_KEY,
  DimensionType,
  MIN_RUNTIME_VERSION_KEY,
  ModelType,
  Op,
  OptimizationMode,
  OptionsType,
  Padding,
  SparseIndexVectorType,
  TFLITE_FILE_IDENTIFIER,
  TFLITE_SCHEMA_VERSION,
  TensorType,
} from './schema-constants';

export interface WriteOptions {
  /**
   * 'hoisted': input, then constants, then op outputs (the dense converter output after canonicalization);
   * 'interleaved': each op's new inputs then outputs, in op order (the file after the sparsify re-import).
   */
  tensorOrder: 'hoisted' | 'interleaved';
  /** 64-bit hash stored in CONVERSION_METADATA. */
  modelHash: bigint;
  /** Written where the official converter writes TensorFlow's version. */
  toolVersion: string;
}

function orderTensors(graph: IrGraph, order: WriteOptions['tensorOrder']): number[] {
  const seen = new Set<number>();
  const result: number[] = [];
  const take = (i: number): void => {
    if (i >= 0 && !seen.has(i)) {
      seen.add(i);
      result.push(i);
    }
  };
  graph.inputs.forEach(take);
  if (order === 'hoisted') {
    for (const op of graph.ops) op.inputs.filter((i) => graph.tensors[i]?.data).forEach(take);
    for (const op of graph.ops) op.outputs.forEach(take);
  } else {
    for (const op of graph.ops) {
      op.inputs.forEach(take);
      op.outputs.forEach(take);
    }
  }
  graph.tensors.forEach((_, i) => take(i));
  return result;
}

function tensorBytes(tensor: IrTensor): Uint8Array {
  if (!tensor.data) return new Uint8Array(0);
  const out = new Uint8Array(tensor.data.length * 4);
  const view = new DataView(out.buffer);
  tensor.data.forEach((v, i) => (tensor.type === 'int32' ? view.setInt32(i * 4, v, true) : view.setFloat32(i * 4, v, true)));
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Buffer i+1 for tensor i, then read-only duplicates merged (Python's deduplicate_readonly_buffers). */
function assignBuffers(tensors: IrTensor[]): { data: Uint8Array[]; tensorBuffer: number[] } {
  const data: Uint8Array[] = [new Uint8Array(0)];
  const tensorBuffer: number[] = [];
  const firstWith: { bytes: Uint8Array; index: number }[] = [];
  for (const tensor of tensors) {
    const bytes = tensorBytes(tensor);
    const index = data.length;
    data.push(bytes);
    const original = bytes.length > 0 && !tensor.sparse ? firstWith.find((f) => sameBytes(f.bytes, bytes)) : undefined;
    if (original) {
      data[index] = new Uint8Array(0);
      tensorBuffer.push(original.index);
    } else {
      if (bytes.length > 0 && !tensor.sparse) firstWith.push({ bytes, index });
      tensorBuffer.push(index);
    }
  }
  return { data, tensorBuffer };
}

function int32Vector(b: Builder, values: number[]): number {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i]!);
  return b.endVector();
}

function indexVector(b: Builder, values: number[]): { type: number; offset: number } {
  const max = values.reduce((a, v) => Math.max(a, v), 0);
  let type: number;
  if (max <= 0xff) {
    type = SparseIndexVectorType.Uint8Vector;
    b.startVector(1, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addInt8(values[i]!);
  } else if (max <= 0xffff) {
    type = SparseIndexVectorType.Uint16Vector;
    b.startVector(2, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addInt16(values[i]!);
  } else {
    type = SparseIndexVectorType.Int32Vector;
    b.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i]!);
  }
  const vector = b.endVector();
  b.startObject(1);
  b.addFieldOffset(0, vector, 0);
  return { type, offset: b.endObject() };
}

function writeSparsity(b: Builder, tensor: IrTensor): number {
  const sparse = tensor.sparse!;
  const rank = tensor.shape.length;
  const dims = tensor.shape.map((size, d) => {
    if (d < rank - 1) {
      b.startObject(6);
      b.addFieldInt8(0, DimensionType.DENSE, 0);
      b.addFieldInt32(1, size, 0);
      return b.endObject();
    }
    const segments = indexVector(b, sparse.segments);
    const indices = indexVector(b, sparse.indices);
    b.startObject(6);
    b.addFieldInt8(0, DimensionType.SPARSE_CSR, 0);
    b.addFieldInt8(2, segments.type, 0);
    b.addFieldOffset(3, segments.offset, 0);
    b.addFieldInt8(4, indices.type, 0);
    b.addFieldOffset(5, indices.offset, 0);
    return b.endObject();
  });
  const traversal = int32Vector(
    b,
    tensor.shape.map((_, d) => d),
  );
  const blockMap = int32Vector(b, []);
  const dimVector = offsetsVector(b, dims);
  b.startObject(3);
  b.addFieldOffset(0, traversal, 0);
  b.addFieldOffset(1, blockMap, 0);
  b.addFieldOffset(2, dimVector, 0);
  return b.endObject();
}

function offsetsVector(b: Builder, offsets: number[]): number {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]!);
  return b.endVector();
}

function writeTensor(b: Builder, tensor: IrTensor, buffer: number): number {
  const name = b.createString(tensor.name);
  const shape = int32Vector(b, tensor.shape);
  const signature = tensor.shapeSignature ? int32Vector(b, tensor.shapeSignature) : 0;
  const sparsity = tensor.sparse ? writeSparsity(b, tensor) : 0;
  b.startObject(10);
  b.addFieldOffset(0, shape, 0);
  b.addFieldInt8(1, tensor.type === 'int32' ? TensorType.INT32 : TensorType.FLOAT32, 0);
  b.addFieldInt32(2, buffer, 0);
  b.addFieldOffset(3, name, 0);
  if (sparsity) b.addFieldOffset(6, sparsity, 0);
  if (signature) b.addFieldOffset(7, signature, 0);
  b.addFieldInt8(8, 1, 0);
  return b.endObject();
}

const ACTIVATION = { NONE: Activation.NONE, RELU: Activation.RELU, RELU6: Activation.RELU6 } as const;

function writeOptions(b: Builder, op: IrOp): { type: number; offset: number } {
  const o = op.options;
  switch (o.kind) {
    case 'conv':
      b.startObject(7);
      b.addFieldInt8(0, o.padding === 'SAME' ? Padding.SAME : Padding.VALID, 0);
      b.addFieldInt32(1, o.strideW, 0);
      b.addFieldInt32(2, o.strideH, 0);
      b.addFieldInt8(3, ACTIVATION[o.activation], 0);
      b.addFieldInt32(4, o.dilationW, 1);
      b.addFieldInt32(5, o.dilationH, 1);
      return { type: OptionsType.Conv2DOptions, offset: b.endObject() };
    case 'depthwise':
      b.startObject(7);
      b.addFieldInt8(0, o.padding === 'SAME' ? Padding.SAME : Padding.VALID, 0);
      b.addFieldInt32(1, o.strideW, 0);
      b.addFieldInt32(2, o.strideH, 0);
      b.addFieldInt32(3, o.depthMultiplier, 0);
      b.addFieldInt8(4, ACTIVATION[o.activation], 0);
      b.addFieldInt32(5, o.dilationW, 1);
      b.addFieldInt32(6, o.dilationH, 1);
      return { type: OptionsType.DepthwiseConv2DOptions, offset: b.endObject() };
    case 'fullyConnected':
      b.startObject(5);
      b.addFieldInt8(0, ACTIVATION[o.activation], 0);
      return { type: OptionsType.FullyConnectedOptions, offset: b.endObject() };
    case 'binary':
      b.startObject(2);
      b.addFieldInt8(0, ACTIVATION[o.activation], 0);
      return { type: op.op === 'ADD' ? OptionsType.AddOptions : OptionsType.MulOptions, offset: b.endObject() };
    case 'reducer':
      b.startObject(1);
      b.addFieldInt8(0, o.keepDims ? 1 : 0, 0);
      return { type: OptionsType.ReducerOptions, offset: b.endObject() };
    case 'empty':
      b.startObject(0);
      return { type: op.op === 'PAD' ? OptionsType.PadOptions : OptionsType.NONE, offset: b.endObject() };
    case 'none':
      return { type: OptionsType.NONE, offset: 0 };
  }
}

function writeOperator(b: Builder, op: IrOp, opcodeIndex: number, position: Map<number, number>): number {
  const inputs = int32Vector(
    b,
    op.inputs.map((i) => (i < 0 ? -1 : position.get(i)!)),
  );
  const outputs = int32Vector(
    b,
    op.outputs.map((i) => position.get(i)!),
  );
  const options = writeOptions(b, op);
  b.startObject(13);
  b.addFieldInt32(0, opcodeIndex, 0);
  b.addFieldOffset(1, inputs, 0);
  b.addFieldOffset(2, outputs, 0);
  b.addFieldInt8(3, options.type, 0);
  if (options.offset) b.addFieldOffset(4, options.offset, 0);
  return b.endObject();
}

function writeBuffer(b: Builder, data: Uint8Array): number {
  if (data.length === 0) {
    b.startObject(3);
    return b.endObject();
  }
  b.startVector(1, data.length, 16);
  for (let i = data.length - 1; i >= 0; i--) b.addInt8(data[i]!);
  const vector = b.endVector();
  b.startObject(3);
  b.addFieldOffset(0, vector, 0);
  return b.endObject();
}

function tensorMap(b: Builder, name: string, tensor: number): number {
  const n = b.createString(name);
  b.startObject(2);
  b.addFieldOffset(0, n, 0);
  b.addFieldInt32(1, tensor, 0);
  return b.endObject();
}

function asciiPadded(text: string, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(new TextEncoder().encode(text).subarray(0, size));
  return out;
}

/** Serializes a graph as a .tflite flatbuffer (schema version 3, identifier TFL3). */
export function writeTflite(graph: IrGraph, options: WriteOptions): Uint8Array {
  const order = orderTensors(graph, options.tensorOrder);
  const position = new Map(order.map((t, i) => [t, i]));
  const tensors = order.map((i) => graph.tensors[i]!);
  const { data, tensorBuffer } = assignBuffers(tensors);
  const sparse = tensors.some((t) => t.sparse);
  const runtimeBuffer = data.push(asciiPadded(minRuntimeVersion(graph.ops), 16)) - 1;
  const metadataBuffer =
    data.push(
      buildConversionMetadata({
        tensorflowVersion: options.toolVersion,
        apiVersion: 2,
        modelType: ModelType.KERAS_MODEL,
        modelHash: options.modelHash,
        optimizationModes: sparse ? [OptimizationMode.RANDOM_SPARSITY] : [],
        allowCustomOps: false,
        enableSelectTfOps: false,
        forceSelectTfOps: false,
      }),
    ) - 1;

  const codes: { code: number; version: number }[] = [];
  const opcodeIndex = graph.ops.map((op) => {
    const code = Op[op.op];
    const version = opVersion(op);
    let index = codes.findIndex((c) => c.code === code && c.version === version);
    if (index < 0) index = codes.push({ code, version }) - 1;
    return index;
  });

  const b = new Builder(16 * 1024);
  const bufferOffsets = data.map((bytes) => writeBuffer(b, bytes));
  const tensorOffsets = tensors.map((t, i) => writeTensor(b, t, tensorBuffer[i]!));
  const operatorOffsets = graph.ops.map((op, i) => writeOperator(b, op, opcodeIndex[i]!, position));
  const subgraphName = b.createString('main');
  const subgraphTensors = offsetsVector(b, tensorOffsets);
  const subgraphInputs = int32Vector(
    b,
    graph.inputs.map((i) => position.get(i)!),
  );
  const subgraphOutputs = int32Vector(
    b,
    graph.outputs.map((i) => position.get(i)!),
  );
  const subgraphOperators = offsetsVector(b, operatorOffsets);
  b.startObject(5);
  b.addFieldOffset(0, subgraphTensors, 0);
  b.addFieldOffset(1, subgraphInputs, 0);
  b.addFieldOffset(2, subgraphOutputs, 0);
  b.addFieldOffset(3, subgraphOperators, 0);
  b.addFieldOffset(4, subgraphName, 0);
  const subgraph = b.endObject();

  const codeOffsets = codes.map(({ code, version }) => {
    b.startObject(4);
    b.addFieldInt8(0, Math.min(code, Op.PLACEHOLDER_FOR_GREATER_OP_CODES), 0);
    b.addFieldInt32(2, version, 1);
    b.addFieldInt32(3, code, 0);
    return b.endObject();
  });

  const metadataOffsets = [
    [MIN_RUNTIME_VERSION_KEY, runtimeBuffer],
    [CONVERSION_METADATA_KEY, metadataBuffer],
  ].map(([name, buffer]) => {
    const n = b.createString(name as string);
    b.startObject(2);
    b.addFieldOffset(0, n, 0);
    b.addFieldInt32(1, buffer as number, 0);
    return b.endObject();
  });

  // std::map order: signature entries sorted by name.
  const sigInputs = offsetsVector(b, [tensorMap(b, graph.signatureInputName, position.get(graph.inputs[0]!)!)]);
  const sigOutputs = offsetsVector(b, [tensorMap(b, graph.signatureOutputName, position.get(graph.outputs[0]!)!)]);
  const sigKey = b.createString('serving_default');
  b.startObject(5);
  b.addFieldOffset(0, sigInputs, 0);
  b.addFieldOffset(1, sigOutputs, 0);
  b.addFieldOffset(2, sigKey, 0);
  b.addFieldInt32(4, 0, 0);
  const signature = b.endObject();

  const description = b.createString('MLIR Converted.');
  const codesVector = offsetsVector(b, codeOffsets);
  const subgraphsVector = offsetsVector(b, [subgraph]);
  const buffersVector = offsetsVector(b, bufferOffsets);
  const metadataVector = offsetsVector(b, metadataOffsets);
  const signaturesVector = offsetsVector(b, [signature]);
  b.startObject(8);
  b.addFieldInt32(0, TFLITE_SCHEMA_VERSION, 0);
  b.addFieldOffset(1, codesVector, 0);
  b.addFieldOffset(2, subgraphsVector, 0);
  b.addFieldOffset(3, description, 0);
  b.addFieldOffset(4, buffersVector, 0);
  b.addFieldOffset(6, metadataVector, 0);
  b.addFieldOffset(7, signaturesVector, 0);
  b.finish(b.endObject(), TFLITE_FILE_IDENTIFIER);
  return b.asUint8Array().slice();
}
