import { UserError } from '../util/errors';
import { magnitudeMask, type MaskUpdate } from './magnitude-mask';

export type BlockPooling = 'AVG' | 'MAX';
export type BlockSize = [number, number];

/** Padding before the data for TF 'SAME' pooling with window = stride (TF puts the odd extra at the end). */
function samePadBefore(size: number, window: number): number {
  const out = Math.ceil(size / window);
  const total = Math.max((out - 1) * window + window - size, 0);
  return Math.floor(total / 2);
}

/**
 * Pools along the rows of a [rows, cols] matrix with TF 'SAME' padding (window = stride = `window`).
 * AVG divides by the number of real entries in the window, MAX ignores the padding, as TF does.
 */
function poolRows(
  data: Float32Array,
  rows: number,
  cols: number,
  window: number,
  pooling: BlockPooling,
): { data: Float32Array; rows: number } {
  const outRows = Math.ceil(rows / window);
  const before = samePadBefore(rows, window);
  const out = new Float32Array(outRows * cols);
  for (let o = 0; o < outRows; o++) {
    const start = Math.max(o * window - before, 0);
    const end = Math.min(o * window - before + window, rows);
    for (let c = 0; c < cols; c++) {
      let acc = pooling === 'MAX' ? -Infinity : 0;
      for (let r = start; r < end; r++) {
        const v = data[r * cols + c]!;
        acc = pooling === 'MAX' ? Math.max(acc, v) : Math.fround(acc + v);
      }
      out[o * cols + c] = pooling === 'MAX' ? acc : Math.fround(acc / (end - start));
    }
  }
  return { data: out, rows: outRows };
}

function transpose(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c]!;
  return out;
}

/** Upstream `pruning_utils.factorized_pool`: pool the rows, then (transposed) the columns. */
function factorizedPool(
  abs: Float32Array,
  shape: [number, number],
  block: BlockSize,
  pooling: BlockPooling,
): { data: Float32Array; shape: [number, number] } {
  const [rows, cols] = shape;
  const byRows = poolRows(abs, rows, cols, block[0], pooling);
  const byCols = poolRows(transpose(byRows.data, byRows.rows, cols), cols, byRows.rows, block[1], pooling);
  return { data: transpose(byCols.data, byCols.rows, byRows.rows), shape: [byRows.rows, byCols.rows] };
}

/**
 * Upstream `Pruning._maybe_update_block_mask` for a rank-2 weight: magnitudes pooled over blocks, the usual mask rule
 * on the pooled matrix (so k counts blocks and the threshold is a pooled value), then each block's decision expanded
 * back over the weight. Quirk kept from upstream: the pooling windows follow TF 'SAME' padding (centred when the size
 * is not a multiple of the block) while the expansion assumes blocks aligned at index 0.
 */
export function blockMask(
  values: Float32Array,
  shape: number[],
  block: BlockSize,
  pooling: BlockPooling,
  sparsity: number,
): MaskUpdate {
  const squeezed = shape.filter((d) => d !== 1);
  if (squeezed.length !== 2) {
    throw new UserError('BLOCK_SPARSITY_SHAPE', 'factorized_pool() accepts tensors of rank 2 only');
  }
  const [rows, cols] = squeezed as [number, number];
  const abs = values.map((v) => Math.abs(v));
  const pooled = factorizedPool(abs, [rows, cols], block, pooling);
  const blocks = magnitudeMask(pooled.data, sparsity);
  const mask = new Float32Array(rows * cols);
  const pooledCols = pooled.shape[1];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++)
      mask[r * cols + c] = blocks.mask[Math.floor(r / block[0]) * pooledCols + Math.floor(c / block[1])]!;
  }
  return { mask, threshold: blocks.threshold };
}
