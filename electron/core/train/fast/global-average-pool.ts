import { KernelMemory } from './wasm/kernel-memory';

/** Mean over the spatial positions of each image: [n, positions, c] -> [n, c]. */
export function globalAveragePoolForward(
  x: Float32Array,
  shape: { n: number; positions: number; c: number },
  y: Float32Array,
): void {
  const { n, positions, c } = shape;
  const km = KernelMemory.of(x, y);
  if (km) {
    km.k.averagePoolForward(x.byteOffset, y.byteOffset, n, positions, c);
    return;
  }
  for (let b = 0; b < n; b++) {
    const base = b * positions * c;
    for (let k = 0; k < c; k++) {
      let s = 0;
      for (let p = 0; p < positions; p++) s += x[base + p * c + k]!;
      y[b * c + k] = s / positions;
    }
  }
}

export function globalAveragePoolBackward(
  dy: Float32Array,
  shape: { n: number; positions: number; c: number },
  dx: Float32Array,
): void {
  const { n, positions, c } = shape;
  const km = KernelMemory.of(dy, dx);
  if (km) {
    km.k.averagePoolBackward(dy.byteOffset, dx.byteOffset, n, positions, c);
    return;
  }
  for (let b = 0; b < n; b++) {
    const base = b * positions * c;
    for (let p = 0; p < positions; p++) {
      for (let k = 0; k < c; k++) dx[base + p * c + k] = dy[b * c + k]! / positions;
    }
  }
}
