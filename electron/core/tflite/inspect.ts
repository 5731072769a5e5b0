import { MODEL_TYPE_NAMES, OPTIMIZATION_MODE_NAMES, readConversionMetadata } from './conversion-metadata';
import type { OptionValue, QuantizationParameters, TfliteModel, TfliteSignature } from './model-types';
import { readTflite } from './read-model';
import { CONVERSION_METADATA_KEY, MIN_RUNTIME_VERSION_KEY } from './schema-constants';
import { TENSOR_TYPE_BYTES } from './schema-names';
import { tensorZeroFraction } from './tensor-values';
import { sparseInferenceVerdict, type SparseVerdict } from './xnnpack-verdict';

export interface InspectedTensor {
  index: number;
  name: string;
  shape: number[];
  shapeSignature: number[] | undefined;
  type: string;
  buffer: number;
  /** Bytes of stored data (0 for activations). */
  bytes: number;
  constant: boolean;
  /** A variable (state) tensor: written by the model between invocations (LSTM/SVDF state). */
  variable: boolean;
  quantization: QuantizationParameters | undefined;
  sparsity:
    { format: string; traversalOrder: number[]; blockMap: number[]; storedValues: number; indexTypes: string[] } | undefined;
  zeroFraction: number | undefined;
}

export interface InspectedOperator {
  index: number;
  op: string;
  version: number;
  inputs: number[];
  outputs: number[];
  optionsType: string;
  options: Record<string, OptionValue>;
}

export interface InspectedMetadata {
  name: string;
  buffer: number;
  bytes: number;
  /** Decoded value: the version string, the conversion metadata, or undefined for opaque data. */
  value: string | Record<string, unknown> | undefined;
}

export interface Inspection {
  file: string;
  fileBytes: number;
  schemaVersion: number;
  description: string | undefined;
  subgraphs: { name: string; inputs: number[]; outputs: number[]; operators: InspectedOperator[]; tensors: InspectedTensor[] }[];
  operatorCodes: { name: string; builtinCode: number; version: number }[];
  buffers: { count: number; nonEmpty: number; dataBytes: number };
  metadata: InspectedMetadata[];
  signatures: TfliteSignature[];
  /** Constant tensors by stored size, largest first. */
  sizeByTensor: { index: number; name: string; bytes: number; share: number }[];
  sparseInference: SparseVerdict;
}

function decodeMetadata(model: TfliteModel, file: string, name: string, buffer: number): InspectedMetadata['value'] {
  const data = model.buffers[buffer]?.data;
  if (!data || data.length === 0) return undefined;
  if (name === MIN_RUNTIME_VERSION_KEY) return new TextDecoder().decode(data).replace(/\0+$/, '');
  if (name === CONVERSION_METADATA_KEY) {
    const meta = readConversionMetadata(data, file);
    return {
      tensorflowVersion: meta.tensorflowVersion,
      apiVersion: meta.apiVersion,
      modelType: MODEL_TYPE_NAMES[meta.modelType] ?? meta.modelType,
      modelHash: meta.modelHash.toString(16),
      optimizationModes: meta.optimizationModes.map((m) => OPTIMIZATION_MODE_NAMES[m] ?? m),
      allowCustomOps: meta.allowCustomOps,
    };
  }
  return undefined;
}

/** Everything a user wants to know about a .tflite file, including the static sparse-inference verdict. */
export function inspectModel(model: TfliteModel, file: string): Inspection {
  const subgraphs = model.subgraphs.map((sg) => ({
    name: sg.name,
    inputs: sg.inputs,
    outputs: sg.outputs,
    operators: sg.operators.map((op) => ({
      index: op.index,
      op: op.opName,
      version: op.version,
      inputs: op.inputs,
      outputs: op.outputs,
      optionsType: op.optionsType,
      options: op.options,
    })),
    tensors: sg.tensors.map((t): InspectedTensor => {
      const bytes = model.buffers[t.buffer]?.data.length ?? 0;
      return {
        index: t.index,
        name: t.name,
        shape: t.shape,
        shapeSignature: t.shapeSignature,
        type: t.type,
        buffer: t.buffer,
        bytes,
        constant: bytes > 0,
        variable: t.isVariable,
        quantization: t.quantization,
        sparsity: t.sparsity && {
          format: t.sparsity.dimMetadata.map((d) => (d.format === 'DENSE' ? 'D' : 'CSR')).join(','),
          traversalOrder: t.sparsity.traversalOrder,
          blockMap: t.sparsity.blockMap,
          storedValues: Math.floor(bytes / (TENSOR_TYPE_BYTES[t.typeCode] || 1)),
          indexTypes: t.sparsity.dimMetadata
            .filter((d) => d.format === 'SPARSE_CSR')
            .map((d) => `${d.segmentsType}/${d.indicesType}`),
        },
        zeroFraction: tensorZeroFraction(model, t),
      };
    }),
  }));
  const constants = subgraphs.flatMap((sg) => sg.tensors.filter((t) => t.bytes > 0));
  const dataBytes = model.buffers.reduce((sum, b) => sum + b.data.length, 0);
  return {
    file,
    fileBytes: model.fileBytes,
    schemaVersion: model.version,
    description: model.description,
    subgraphs,
    operatorCodes: model.operatorCodes.map((c) => ({ name: c.name, builtinCode: c.builtinCode, version: c.version })),
    buffers: { count: model.buffers.length, nonEmpty: model.buffers.filter((b) => b.data.length > 0).length, dataBytes },
    metadata: model.metadata.map((m) => ({
      name: m.name,
      buffer: m.buffer,
      bytes: model.buffers[m.buffer]?.data.length ?? 0,
      value: decodeMetadata(model, file, m.name, m.buffer),
    })),
    signatures: model.signatures,
    sizeByTensor: constants
      .map((t) => ({ index: t.index, name: t.name, bytes: t.bytes, share: t.bytes / model.fileBytes }))
      .sort((a, b) => b.bytes - a.bytes),
    sparseInference: sparseInferenceVerdict(model),
  };
}

export function inspectTfliteBytes(bytes: Uint8Array, file: string): Inspection {
  return inspectModel(readTflite(bytes, file), file);
}
