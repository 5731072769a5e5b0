import type { DimensionMetadata, SparsityParameters } from './model-types';
import { encodeCsrLastDim, indexVectorType, type CsrLastDim } from './sparse-format';

/** Elements per block along the input dimension of a FULLY_CONNECTED weight (the converter's float block {1, 4}). */
export const FC_BLOCK = 4;

function dense(size: number): DimensionMetadata {
  return { format: 'DENSE', denseSize: size, segmentsType: 'none', segments: [], indicesType: 'none', indices: [] };
}

function csr(segments: number[], indices: number[]): DimensionMetadata {
  return {
    format: 'SPARSE_CSR',
    denseSize: 0,
    segmentsType: indexVectorType(segments),
    segments,
    indicesType: indexVectorType(indices),
    indices,
  };
}

/** Random-sparsity parameters for a CSR-on-last-dimension tensor: traversal 0..n-1, DENSE dims, then SPARSE_CSR. */
export function csrSparsityParameters(encoded: CsrLastDim): SparsityParameters {
  const rank = encoded.shape.length;
  return {
    traversalOrder: encoded.shape.map((_, d) => d),
    blockMap: [],
    dimMetadata: encoded.shape.map((size, d) => (d < rank - 1 ? dense(size) : csr(encoded.segments, encoded.indices))),
  };
}

export interface BlockSparse1x4 {
  /** Parameters as the converter writes them for block {1, 4}: traversal [0, 1, 2], block_map [1], DENSE/CSR/DENSE. */
  sparsity: SparsityParameters;
  /** The stored values: the 4 values of every block that is not all zero, row-major. */
  values: Float32Array;
}

/**
 * Encodes a [out, in] weight in 1x4 blocks (PopulateEncodingParams + FormatConverter with block size {1, 4}):
 * CSR over the in/4 block columns of each row, each kept block stored whole.
 */
export function encodeBlockSparse1x4(values: Float32Array, shape: [number, number]): BlockSparse1x4 {
  const [rows, cols] = shape;
  if (cols % FC_BLOCK !== 0) throw new Error(`the input dimension ${cols} is not a multiple of ${FC_BLOCK}`);
  const blockCols = cols / FC_BLOCK;
  const blocks = new Float32Array(rows * blockCols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < blockCols; c++) {
      let nonZero = 0;
      for (let k = 0; k < FC_BLOCK; k++) if (values[r * cols + c * FC_BLOCK + k] !== 0) nonZero = 1;
      blocks[r * blockCols + c] = nonZero;
    }
  const pattern = encodeCsrLastDim(blocks, [rows, blockCols]);
  const kept: number[] = [];
  for (let r = 0; r < rows; r++)
    for (let k = pattern.segments[r]!; k < pattern.segments[r + 1]!; k++) {
      const start = r * cols + pattern.indices[k]! * FC_BLOCK;
      for (let e = 0; e < FC_BLOCK; e++) kept.push(values[start + e]!);
    }
  return {
    sparsity: {
      traversalOrder: [0, 1, 2],
      blockMap: [1],
      dimMetadata: [dense(rows), csr(pattern.segments, pattern.indices), dense(FC_BLOCK)],
    },
    values: Float32Array.from(kept),
  };
}

/** The dense [out, in] weight of a 1x4 block-sparse tensor. */
export function decodeBlockSparse1x4(sparsity: SparsityParameters, shape: number[], stored: Float32Array): Float32Array {
  const [rows, cols] = shape as [number, number];
  const [rowDim, blockDim, inner] = sparsity.dimMetadata;
  if (
    shape.length !== 2 ||
    sparsity.blockMap.join() !== '1' ||
    rowDim?.format !== 'DENSE' ||
    blockDim?.format !== 'SPARSE_CSR' ||
    inner?.denseSize !== FC_BLOCK
  )
    throw new Error('not a 1x4 block-sparse [out, in] tensor');
  const out = new Float32Array(rows * cols);
  let next = 0;
  for (let r = 0; r < rows; r++) {
    const start = blockDim.segments[r];
    const end = blockDim.segments[r + 1];
    if (start === undefined || end === undefined || end < start) throw new Error(`bad CSR segments at row ${r}`);
    for (let k = start; k < end; k++) {
      const column = blockDim.indices[k]! * FC_BLOCK;
      if (column + FC_BLOCK > cols) throw new Error(`bad block index at ${k}`);
      for (let e = 0; e < FC_BLOCK; e++) out[r * cols + column + e] = stored[next++] ?? Number.NaN;
    }
  }
  if (next !== stored.length) throw new Error(`stored ${stored.length} values, blocks need ${next}`);
  return out;
}
