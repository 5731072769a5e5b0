import { KernelMemory } from './wasm/kernel-memory';

// ReLU with an optional ceiling, as tfjs-layers computes it: clipByValue(relu(x), 0, max).
// Its gradient passes where 0 < x <= max (relu's step is 0 at x = 0; clip passes at the ceiling). The ceiling is
// compared as a float32, as TF.js stores it. WebAssembly SIMD when the buffers live in one KernelMemory.

export function reluForward(x: Float32Array, size: number, max: number, y: Float32Array): void {
  const km = KernelMemory.of(x, y);
  if (km) {
    km.k.reluForward(x.byteOffset, y.byteOffset, size, max);
    return;
  }
  for (let i = 0; i < size; i++) {
    const v = x[i]!;
    y[i] = v > 0 ? (v > max ? max : v) : 0;
  }
}

export function reluBackward(x: Float32Array, dy: Float32Array, size: number, ceiling: number, dx: Float32Array): void {
  const max = Math.fround(ceiling);
  const km = KernelMemory.of(x, dy, dx);
  if (km) {
    km.k.reluBackward(x.byteOffset, dy.byteOffset, dx.byteOffset, size, max);
    return;
  }
  for (let i = 0; i < size; i++) {
    const v = x[i]!;
    dx[i] = v > 0 && v <= max ? dy[i]! : 0;
  }
}

/** out = dy where y > 0, else 0: the gradient through a fused ReLU, from its output. */
export function reluMaskByOutput(y: Float32Array, dy: Float32Array, size: number, out: Float32Array): void {
  const km = KernelMemory.of(y, dy, out);
  if (km) {
    km.k.reluMaskByOutput(y.byteOffset, dy.byteOffset, out.byteOffset, size);
    return;
  }
  for (let i = 0; i < size; i++) out[i] = y[i]! > 0 ? dy[i]! : 0;
}
