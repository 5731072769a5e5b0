import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { magnitudeMask } from '../prune/magnitude-mask';
import { csrSparsityParameters, encodeBlockSparse1x4, FC_BLOCK } from '../tflite/block-sparse-format';
import type { SparsityParameters, TfliteModel } from '../tflite/model-types';
import { readTflite } from '../tflite/read-model';
import { rewriteWeights, type WeightRewrite } from '../tflite/rewrite-weights';
import { encodeCsrLastDim, zeroFraction } from '../tflite/sparse-format';
import { MIN_SPARSITY } from '../tflite/sparsify';
import { UserError } from '../util/errors';
import { WHATIF_NOTICE } from './notice';

export { WHATIF_NOTICE };
import { floatToHalf, halfToFloat } from './half-float';
import { findPruneTargets, refuseQuantized, refuseUnknownReaders, type PruneTarget, type TargetSearch } from './prune-targets';

/** Metadata entry every what-if file carries. */
export const WHATIF_METADATA_KEY = 'sparse_studio_whatif';

export interface SparsifyOptions {
  /** Fraction of zeros to reach in every targeted weight, in [0, 1). */
  sparsity: number;
  /** Also prune FULLY_CONNECTED weights, in 1x4 blocks. */
  includeFc: boolean;
}

export interface PrunedLayer {
  subgraph: number;
  tensor: string;
  op: PruneTarget['op'];
  shape: number[];
  type: PruneTarget['type'];
  /** Zeros reached (magnitude ties at the threshold are kept, so it can be a little below the target). */
  zeroFraction: number;
  encoding: 'csr+densify' | 'block-1x4+densify' | 'dense (below 30 % zeros, as the converter leaves it)';
}

export interface SparsifiedModel {
  bytes: Uint8Array;
  layers: PrunedLayer[];
  skipped: TargetSearch['skipped'];
}

/** The metadata JSON a what-if file carries (also readable by `inspect`). */
export interface WhatifMetadata {
  notice: string;
  targetSparsity: number;
  includeFc: boolean;
  source: { file: string; sha256: string };
  layers: number;
}

function floatBytes(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return out;
}

function halfBytes(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setUint16(i * 2, floatToHalf(v), true));
  return out;
}

/** The dense float values of a (non-sparse) float32 or float16 constant. */
export function constantValues(model: TfliteModel, target: Pick<PruneTarget, 'subgraph' | 'tensor' | 'type'>): Float32Array {
  const tensor = model.subgraphs[target.subgraph]!.tensors[target.tensor]!;
  const data = model.buffers[tensor.buffer]!.data;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = target.type === 'float16' ? 2 : 4;
  const count = tensor.shape.reduce((a, b) => a * b, 1);
  if (data.length !== count * width) {
    throw new UserError(
      'TFLITE_CORRUPT',
      `tensor '${tensor.name}' holds ${data.length} bytes, its shape [${tensor.shape}] needs ${count * width}`,
    );
  }
  return Float32Array.from({ length: count }, (_, i) =>
    width === 2 ? halfToFloat(view.getUint16(i * 2, true)) : view.getFloat32(i * 4, true),
  );
}

/**
 * TFMOT's block pruning for block [1, 4] and AVG pooling on a [out, in] weight whose input size is a multiple of 4
 * (so the pooling windows are the aligned blocks): mean |w| per block, the magnitude rule on the block means.
 */
function blockMask1x4(values: Float32Array, sparsity: number): Float32Array {
  const blocks = values.length / FC_BLOCK;
  const means = new Float32Array(blocks);
  for (let b = 0; b < blocks; b++) {
    let sum = 0;
    for (let k = 0; k < FC_BLOCK; k++) sum = Math.fround(sum + Math.abs(values[b * FC_BLOCK + k]!));
    means[b] = Math.fround(sum / FC_BLOCK);
  }
  const kept = magnitudeMask(means, sparsity).mask;
  return Float32Array.from(values, (_, i) => kept[Math.floor(i / FC_BLOCK)]!);
}

/** Magnitude pruning to `sparsity`: element-wise for convolutions, in 1x4 blocks (average |w|) for FULLY_CONNECTED. */
export function prunedValues(values: Float32Array, target: PruneTarget, sparsity: number): Float32Array {
  if (sparsity <= 0) return Float32Array.from(values);
  const mask = target.op === 'FULLY_CONNECTED' ? blockMask1x4(values, sparsity) : magnitudeMask(values, sparsity).mask;
  return values.map((v, i) => (mask[i] ? v : 0));
}

function encode(
  target: PruneTarget,
  pruned: Float32Array,
): { rewrite: Omit<WeightRewrite, 'subgraph' | 'tensor'>; encoding: PrunedLayer['encoding'] } {
  const toBytes = target.type === 'float16' ? halfBytes : floatBytes;
  if (zeroFraction(pruned) < MIN_SPARSITY)
    return {
      rewrite: { data: toBytes(pruned), densify: false },
      encoding: 'dense (below 30 % zeros, as the converter leaves it)',
    };
  if (target.op === 'FULLY_CONNECTED') {
    // The converter lets FULLY_CONNECTED read 1x4 block-sparse weights directly (TFLite's own sparse kernel), but
    // the XNNPACK delegate reads such weights as if dense (NaN outputs in the WebAssembly runtime, measured), so
    // the what-if reads them through DENSIFY, like the convolution weights.
    const block = encodeBlockSparse1x4(pruned, target.shape as [number, number]);
    return { rewrite: { data: toBytes(block.values), sparsity: block.sparsity, densify: true }, encoding: 'block-1x4+densify' };
  }
  const csr = encodeCsrLastDim(pruned, target.shape);
  const sparsity: SparsityParameters = csrSparsityParameters(csr);
  return { rewrite: { data: toBytes(csr.values), sparsity, densify: true }, encoding: 'csr+densify' };
}

function checkSparsity(sparsity: number): void {
  if (!(sparsity >= 0 && sparsity < 1))
    throw new UserError('BAD_OPTION', `--sparsity must be a fraction in [0, 1) such as 0.75, got ${sparsity}`);
}

/**
 * A latency what-if copy of a float .tflite: its 1x1 CONV_2D filters (and with `includeFc` its FULLY_CONNECTED
 * weights) magnitude-pruned to `sparsity` without any training, stored as the converter's EXPERIMENTAL_SPARSITY
 * stores them, everything else unchanged, and a metadata entry saying that accuracy is not preserved.
 */
export function sparsifyModel(bytes: Uint8Array, file: string, options: SparsifyOptions): SparsifiedModel {
  checkSparsity(options.sparsity);
  const model = readTflite(bytes, file);
  refuseQuantized(model, file);
  const search = findPruneTargets(model, options.includeFc);
  if (search.targets.length === 0) {
    throw new UserError(
      'WHATIF_NOTHING_TO_PRUNE',
      `${file} has no ${options.includeFc ? '1x1 CONV_2D or FULLY_CONNECTED' : '1x1 CONV_2D'} weights that can be pruned${search.skipped.length ? ` (${search.skipped.map((s) => `${s.tensor}: ${s.reason}`).join('; ')})` : ''}`,
      options.includeFc
        ? 'XNNPACK sparse inference speeds up 1x1 convolutions; this model has none.'
        : 'XNNPACK sparse inference speeds up 1x1 convolutions; add --include-fc to prune FULLY_CONNECTED weights.',
    );
  }
  refuseUnknownReaders(model, file, search.targets);
  const layers: PrunedLayer[] = [];
  const rewrites: WeightRewrite[] = search.targets.map((target) => {
    const pruned = prunedValues(constantValues(model, target), target, options.sparsity);
    const { rewrite, encoding } = encode(target, pruned);
    layers.push({
      subgraph: target.subgraph,
      tensor: target.name,
      op: target.op,
      shape: target.shape,
      type: target.type,
      zeroFraction: zeroFraction(pruned),
      encoding,
    });
    return { subgraph: target.subgraph, tensor: target.tensor, ...rewrite };
  });
  const metadata: WhatifMetadata = {
    notice: WHATIF_NOTICE,
    targetSparsity: options.sparsity,
    includeFc: options.includeFc,
    source: { file: basename(file), sha256: createHash('sha256').update(bytes).digest('hex') },
    layers: layers.length,
  };
  const data = new TextEncoder().encode(JSON.stringify(metadata));
  return {
    bytes: rewriteWeights(bytes, file, model, rewrites, { metadata: [{ name: WHATIF_METADATA_KEY, data }] }),
    layers,
    skipped: search.skipped,
  };
}
