import type { IrGraph, IrOp, IrTensor } from './graph-ir';
import { encodeCsrLastDim, zeroFraction } from './sparse-format';

/** The converter's kMinSparsityLevel: weights with fewer zeros stay dense. */
export const MIN_SPARSITY = 0.3;
const FC_BLOCK = 4;
const FC_BLOCK_RATIO = 0.9;

export interface SparseTensorReport {
  tensor: string;
  op: string;
  shape: number[];
  zeroFraction: number;
  nonZeros: number;
  denseBytes: number;
  /** Stored value bytes + index vectors (Uint8/Uint16/Int32 each). */
  sparseBytes: number;
}

export interface SparsifyReport {
  encoded: SparseTensorReport[];
  /** Weights with ≥ 30 % zeros that were left dense, and why. */
  skipped: { tensor: string; reason: string }[];
  bytesSaved: number;
}

const WEIGHT_OPS = new Set(['CONV_2D', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED']);

function indexBytes(values: number[]): number {
  const max = values.reduce((a, b) => Math.max(a, b), 0);
  return values.length * (max <= 0xff ? 1 : max <= 0xffff ? 2 : 4);
}

/** Fraction of all-zero 1x4 blocks relative to the element zero fraction (converter's block-sparsity test for FC). */
function fcBlockRatio(values: Float32Array, cols: number, random: number): number {
  if (cols % FC_BLOCK !== 0 || random === 0) return 0;
  let zeroBlocks = 0;
  const blocks = values.length / FC_BLOCK;
  for (let b = 0; b < blocks; b++) {
    let allZero = true;
    for (let k = 0; k < FC_BLOCK; k++) if (values[b * FC_BLOCK + k] !== 0) allZero = false;
    if (allZero) zeroBlocks++;
  }
  return zeroBlocks / blocks / random;
}

/**
 * The equivalent of `optimizations=[EXPERIMENTAL_SPARSITY]` (DenseToSparsePass): every conv / depthwise / FC weight
 * with at least 30 % zeros becomes a CSR-on-last-dimension constant holding only its non-zeros, read through a
 * DENSIFY op placed right before its consumer.
 */
export function sparsifyGraph(graph: IrGraph): { graph: IrGraph; report: SparsifyReport } {
  const tensors: IrTensor[] = graph.tensors.map((t) => ({ ...t }));
  const ops: IrOp[] = [];
  const report: SparsifyReport = { encoded: [], skipped: [], bytesSaved: 0 };
  for (const op of graph.ops) {
    const weightIndex = op.inputs[1];
    const weight = weightIndex === undefined ? undefined : tensors[weightIndex];
    if (
      !WEIGHT_OPS.has(op.op) ||
      !weight ||
      weightIndex === undefined ||
      !(weight.data instanceof Float32Array) ||
      weight.sparse
    ) {
      ops.push(op);
      continue;
    }
    const fraction = zeroFraction(weight.data);
    if (fraction < MIN_SPARSITY || (weight.shape.length !== 2 && weight.shape.length !== 4)) {
      ops.push(op);
      continue;
    }
    if (op.op === 'FULLY_CONNECTED' && fcBlockRatio(weight.data, weight.shape[1]!, fraction) > FC_BLOCK_RATIO) {
      report.skipped.push({
        tensor: weight.name,
        reason: 'block-sparse (1x4) FULLY_CONNECTED encoding is not implemented; kept dense',
      });
      ops.push(op);
      continue;
    }
    const csr = encodeCsrLastDim(weight.data, weight.shape);
    const denseBytes = weight.data.length * 4;
    const sparseBytes = csr.values.length * 4 + indexBytes(csr.segments) + indexBytes(csr.indices);
    tensors[weightIndex] = { ...weight, data: csr.values, sparse: { segments: csr.segments, indices: csr.indices } };
    const densified = tensors.push({ name: `${weight.name}_densified`, shape: [...weight.shape], type: 'float32' }) - 1;
    ops.push({ op: 'DENSIFY', inputs: [weightIndex], outputs: [densified], options: { kind: 'none' } });
    ops.push({ ...op, inputs: op.inputs.map((t, k) => (k === 1 ? densified : t)) });
    report.encoded.push({
      tensor: weight.name,
      op: op.op,
      shape: [...weight.shape],
      zeroFraction: fraction,
      nonZeros: csr.values.length,
      denseBytes,
      sparseBytes,
    });
    report.bytesSaved += denseBytes - sparseBytes;
  }
  return { graph: { ...graph, tensors, ops }, report };
}
