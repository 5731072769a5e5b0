import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../electron/core/util/rng';
import { HEAP_MEMORY, type TensorMemory } from '../../electron/core/train/fast/tensor-memory';
import { KernelMemory } from '../../electron/core/train/fast/wasm/kernel-memory';

/**
 * Relative error as used by every test here: max|actual - expected| / max(1, max|expected|), i.e. absolute error for
 * values of magnitude up to 1 and relative to the largest expected magnitude above that.
 */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  assert.equal(actual.length, expected.length, 'length mismatch');
  let diff = 0;
  let scale = 1;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return Number.isNaN(diff) ? Infinity : diff / scale;
}

export const TOLERANCE = 1e-4;

export function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string, tolerance = TOLERANCE): void {
  const error = relativeError(actual, expected);
  assert.ok(error <= tolerance, `${what}: relative error ${error.toExponential(2)} > ${tolerance}`);
}

export function randomArray(size: number, seed: number, scale = 1): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = (rng.next() * 2 - 1) * scale;
  return out;
}

export async function useTfjsCpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

export function values(t: tf.Tensor): Float32Array {
  return t.dataSync() as Float32Array;
}

/**
 * Where a test puts its tensors: the JavaScript heap runs the JavaScript kernels, a KernelMemory the WebAssembly
 * SIMD kernels (every kernel entry point picks its implementation from where its arguments live).
 */
export function memories(): [string, TensorMemory][] {
  const km = KernelMemory.create();
  assert.ok(km || process.env.SPARSE_STUDIO_WASM === '0', 'this Node has WebAssembly SIMD: the kernels must load');
  return km
    ? [
        ['js', HEAP_MEMORY],
        ['wasm', km],
      ]
    : [['js', HEAP_MEMORY]];
}

/** A copy of `source` in `memory`. */
export function placed<T extends Float32Array | Float64Array>(memory: TensorMemory, source: T): T {
  const copy = (source instanceof Float64Array ? memory.f64(source.length) : memory.f32(source.length)) as T;
  copy.set(source);
  return copy;
}
