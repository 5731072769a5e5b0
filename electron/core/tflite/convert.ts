import { createHash } from 'node:crypto';
import type { ModelSpec } from '../../../shared/model-spec';
import type { ModelWeights } from '../model/weights';
import { lowerModel } from './lower-model';
import { sparsifyGraph, type SparsifyReport } from './sparsify';
import { writeTflite } from './write-model';

export const CONVERTER_NAME = 'sparse-studio-tflite-writer 1';

export interface ConvertOptions {
  /** The equivalent of `converter.optimizations = [tf.lite.Optimize.EXPERIMENTAL_SPARSITY]`. */
  sparse: boolean;
}

export interface ConvertResult {
  bytes: Uint8Array;
  /** Present for sparse conversions: which weights were encoded and the bytes saved. */
  sparsity: SparsifyReport | undefined;
}

function modelHash(spec: ModelSpec, weights: ModelWeights): bigint {
  const hash = createHash('sha256').update(JSON.stringify(spec));
  for (const t of weights.tensors) hash.update(new Uint8Array(t.values.buffer, t.values.byteOffset, t.values.byteLength));
  return hash.digest().readBigUInt64LE(0);
}

/** ModelSpec + weights -> .tflite bytes, dense or with the converter's EXPERIMENTAL_SPARSITY encoding. */
export function convertToTflite(spec: ModelSpec, weights: ModelWeights, options: ConvertOptions): ConvertResult {
  const lowered = lowerModel(spec, weights);
  const common = { modelHash: modelHash(spec, weights), toolVersion: CONVERTER_NAME };
  if (!options.sparse) return { bytes: writeTflite(lowered, { ...common, tensorOrder: 'hoisted' }), sparsity: undefined };
  const { graph, report } = sparsifyGraph(lowered);
  return { bytes: writeTflite(graph, { ...common, tensorOrder: 'interleaved' }), sparsity: report };
}
