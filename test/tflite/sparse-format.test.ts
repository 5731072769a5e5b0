import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSparse, encodeCsrLastDim, indexVectorType, zeroFraction } from '../../electron/core/tflite/sparse-format';
import type { SparsityParameters } from '../../electron/core/tflite/model-types';

function csrParams(shape: number[], segments: number[], indices: number[]): SparsityParameters {
  const none = { segmentsType: 'none' as const, segments: [], indicesType: 'none' as const, indices: [] };
  return {
    traversalOrder: shape.map((_, i) => i),
    blockMap: [],
    dimMetadata: [
      ...shape.slice(0, -1).map((size) => ({ format: 'DENSE' as const, denseSize: size, ...none })),
      {
        format: 'SPARSE_CSR' as const,
        denseSize: 0,
        segmentsType: 'int32' as const,
        segments,
        indicesType: 'int32' as const,
        indices,
      },
    ],
  };
}

test('CSR of a small matrix: row pointers, column indices, values', () => {
  const m = Float32Array.from([0, 2, 0, 0, 0, 0, 3, 0, 4, -0, 0, 5]);
  const csr = encodeCsrLastDim(m, [3, 4]);
  assert.deepEqual(csr.segments, [0, 1, 2, 4]);
  assert.deepEqual(csr.indices, [1, 2, 0, 3]);
  assert.deepEqual(Array.from(csr.values), [2, 3, 4, 5]);
  assert.equal(zeroFraction(m), 8 / 12, '-0 counts as zero');
  assert.deepEqual(
    Array.from(decodeSparse(csrParams([3, 4], csr.segments, csr.indices), [3, 4], csr.values)),
    Array.from(m).map((v) => (v === 0 ? 0 : v)),
  );
});

test('index vector type: the smallest that holds the largest value', () => {
  assert.equal(indexVectorType([0, 255]), 'uint8');
  assert.equal(indexVectorType([256]), 'uint16');
  assert.equal(indexVectorType([65535]), 'uint16');
  assert.equal(indexVectorType([65536]), 'int32');
});

test('round trip through CSR for a 4-D filter with a non-trivial traversal of rows', () => {
  const shape = [5, 1, 1, 300];
  const values = Float32Array.from({ length: 1500 }, (_, i) => (i % 7 === 0 ? i / 10 : 0));
  const csr = encodeCsrLastDim(values, shape);
  assert.equal(indexVectorType(csr.indices), 'uint16');
  assert.deepEqual(Array.from(decodeSparse(csrParams(shape, csr.segments, csr.indices), shape, csr.values)), Array.from(values));
});

test('decoding rejects inconsistent sparsity instead of reading out of range', () => {
  assert.throws(() => decodeSparse(csrParams([2, 2], [0, 1, 5], [0, 1]), [2, 2], Float32Array.from([1, 2])));
  assert.throws(() => decodeSparse(csrParams([2, 2], [0, 1, 2], [0, 9]), [2, 2], Float32Array.from([1, 2])));
  assert.throws(() => decodeSparse(csrParams([2, 2], [0, 1, 2], [0, 1]), [2, 2], Float32Array.from([1])));
});
