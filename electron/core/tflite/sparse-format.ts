import type { SparsityParameters } from './model-types';

/** CSR on the last dimension, as TFLite's FormatConverter::DenseToSparse does for random (unblocked) sparsity. */
export interface CsrLastDim {
  /** Dense shape [d0, ..., dn-1]. */
  shape: number[];
  /** Row pointers over the rows d0*...*dn-2: length rows + 1, starting at 0. */
  segments: number[];
  /** Column (last-dimension) index of each non-zero, row-major. */
  indices: number[];
  /** The non-zero values, row-major. */
  values: Float32Array;
}

/** Zero fraction as the converter measures it (−0 counts as zero). */
export function zeroFraction(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  let zeros = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === 0) zeros++;
  return zeros / values.length;
}

export function encodeCsrLastDim(values: Float32Array, shape: number[]): CsrLastDim {
  const cols = shape[shape.length - 1] ?? 1;
  const rows = values.length / cols;
  const segments = [0];
  const indices: number[] = [];
  const kept: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = values[r * cols + c]!;
      if (v !== 0) {
        indices.push(c);
        kept.push(v);
      }
    }
    segments.push(indices.length);
  }
  return { shape: [...shape], segments, indices, values: Float32Array.from(kept) };
}

/** The smallest SparseIndexVector type that holds every value (converter's BuildSparsityParameters rule). */
export function indexVectorType(values: number[]): 'uint8' | 'uint16' | 'int32' {
  const max = values.reduce((a, b) => Math.max(a, b), 0);
  return max <= 0xff ? 'uint8' : max <= 0xffff ? 'uint16' : 'int32';
}

/** Refuse to expand tensors beyond this many elements (a damaged file could claim any shape). */
const MAX_DECODED_ELEMENTS = 64 * 1024 * 1024;

/**
 * Rebuilds the dense tensor from TFLite sparsity parameters and the stored non-zero values. Supports any
 * traversal order over DENSE / SPARSE_CSR dimensions without blocks (block-sparse tensors are rejected).
 */
export function decodeSparse(sparsity: SparsityParameters, shape: number[], stored: Float32Array): Float32Array {
  if (sparsity.blockMap.length > 0) throw new Error('block-sparse tensors are not decoded');
  const order = sparsity.traversalOrder;
  if (order.length !== shape.length || sparsity.dimMetadata.length !== shape.length) {
    throw new Error(`sparsity has ${order.length} traversal dimensions for a tensor of rank ${shape.length}`);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  if (!shape.every((d) => Number.isInteger(d) && d >= 0) || size > MAX_DECODED_ELEMENTS)
    throw new Error(`cannot decode a tensor of shape [${shape}]`);
  sparsity.dimMetadata.forEach((dim, level) => {
    if (dim.format === 'DENSE' && dim.denseSize !== shape[order[level]!])
      throw new Error(`dimension ${level} has dense size ${dim.denseSize}, shape says ${shape[order[level]!]}`);
  });
  if ([...order].sort((a, b) => a - b).some((axis, i) => axis !== i))
    throw new Error(`traversal order [${order}] is not a permutation`);
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const dense = new Float32Array(size);
  const coords = new Array<number>(shape.length).fill(0);
  let valueIndex = 0;
  // `position` is the index of the current element among the previous dimension's stored elements.
  const walk = (level: number, position: number): void => {
    const dim = sparsity.dimMetadata[level]!;
    const axis = order[level]!;
    const visit = (coordinate: number, next: number): void => {
      coords[axis] = coordinate;
      if (level === shape.length - 1) {
        if (valueIndex >= stored.length) throw new Error('sparse tensor has fewer stored values than its indices');
        const flat = coords.reduce((sum, c, i) => sum + c * strides[i]!, 0);
        dense[flat] = stored[valueIndex++]!;
      } else {
        walk(level + 1, next);
      }
    };
    if (dim.format === 'DENSE') {
      for (let i = 0; i < dim.denseSize; i++) visit(i, position * dim.denseSize + i);
    } else {
      const start = dim.segments[position];
      const end = dim.segments[position + 1];
      if (start === undefined || end === undefined || end < start) throw new Error(`bad CSR segments at row ${position}`);
      for (let k = start; k < end; k++) {
        const index = dim.indices[k];
        if (index === undefined || index >= shape[axis]!) throw new Error(`bad CSR index at ${k}`);
        visit(index, k);
      }
    }
  };
  walk(0, 0);
  return dense;
}
