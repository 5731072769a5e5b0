import { Builder } from 'flatbuffers';
import { FlatBufferReader } from './flatbuffer-reader';
import { ModelType, OptimizationMode } from './schema-constants';

/** The CONVERSION_METADATA buffer (conversion_metadata.fbs), as TFLite's Python converter appends it. */
export interface ConversionMetadata {
  /** TensorFlow's version in files from the official converter; ours names this tool instead. */
  tensorflowVersion: string | undefined;
  apiVersion: number;
  modelType: number;
  modelHash: bigint;
  optimizationModes: number[];
  allowCustomOps: boolean;
  enableSelectTfOps: boolean;
  forceSelectTfOps: boolean;
}

export function buildConversionMetadata(meta: ConversionMetadata): Uint8Array {
  const b = new Builder(256);
  const version = meta.tensorflowVersion === undefined ? 0 : b.createString(meta.tensorflowVersion);
  b.startObject(4);
  if (version) b.addFieldOffset(0, version, 0);
  b.addFieldInt32(1, meta.apiVersion, 0);
  b.addFieldInt32(2, meta.modelType, 0);
  b.addFieldInt64(3, meta.modelHash, 0n);
  const environment = b.endObject();
  b.startVector(4, meta.optimizationModes.length, 4);
  for (const mode of [...meta.optimizationModes].reverse()) b.addInt32(mode);
  const modes = b.endVector();
  b.startObject(5);
  b.addFieldOffset(0, modes, 0);
  b.addFieldInt8(1, meta.allowCustomOps ? 1 : 0, 0);
  b.addFieldInt8(2, meta.enableSelectTfOps ? 1 : 0, 0);
  b.addFieldInt8(3, meta.forceSelectTfOps ? 1 : 0, 0);
  const options = b.endObject();
  b.startObject(2);
  b.addFieldOffset(0, environment, 0);
  b.addFieldOffset(1, options, 0);
  b.finish(b.endObject());
  return b.asUint8Array().slice();
}

export function readConversionMetadata(bytes: Uint8Array, file: string): ConversionMetadata {
  const reader = new FlatBufferReader(bytes, `${file} (CONVERSION_METADATA)`);
  const root = reader.root();
  const env = root.table(0, 'environment');
  const options = root.table(1, 'options');
  return {
    tensorflowVersion: env?.string(0, 'tensorflow_version'),
    apiVersion: env?.u32(1) ?? 0,
    modelType: env?.i32(2) ?? 0,
    modelHash: env?.u64(3) ?? 0n,
    optimizationModes: options?.i32s(0, 'model_optimization_modes') ?? [],
    allowCustomOps: options?.bool(1) ?? false,
    enableSelectTfOps: options?.bool(2) ?? false,
    forceSelectTfOps: options?.bool(3) ?? false,
  };
}

export const MODEL_TYPE_NAMES: Record<number, string> = {
  0: 'NONE',
  1: 'TF_SAVED_MODEL',
  [ModelType.KERAS_MODEL]: 'KERAS_MODEL',
  3: 'TF_CONCRETE_FUNCTIONS',
  4: 'TF_GRAPH_DEF',
  5: 'TF_SESSION',
  6: 'JAX',
  7: 'PYTORCH',
};
export const OPTIMIZATION_MODE_NAMES: Record<number, string> = {
  1001: 'PTQ_FLOAT16',
  1002: 'PTQ_DYNAMIC_RANGE',
  1003: 'PTQ_FULL_INTEGER',
  1004: 'PTQ_INT16',
  2000: 'QUANTIZATION_AWARE_TRAINING',
  [OptimizationMode.RANDOM_SPARSITY]: 'RANDOM_SPARSITY',
  [OptimizationMode.BLOCK_SPARSITY]: 'BLOCK_SPARSITY',
  3003: 'STRUCTURED_SPARSITY',
};
