import type { Padding2D } from '../../../../shared/model-spec';
import { KernelMemory } from './wasm/kernel-memory';

/** ZeroPadding2D on NHWC: copies each input row into the middle of a zeroed output row (in WebAssembly when it can). */
export function zeroPadForward(
  x: Float32Array,
  shape: { n: number; h: number; w: number; c: number },
  padding: Padding2D,
  y: Float32Array,
): void {
  const { n, h, w, c } = shape;
  const [[top, bottom], [left, right]] = padding;
  const km = KernelMemory.of(x, y);
  if (km) {
    km.k.zeroPadForward(x.byteOffset, y.byteOffset, n, h, w, c, top, bottom, left, right);
    return;
  }
  const outH = h + top + bottom;
  const outW = w + left + right;
  y.fill(0, 0, n * outH * outW * c);
  const rowLength = w * c;
  for (let b = 0; b < n; b++) {
    for (let r = 0; r < h; r++) {
      const from = (b * h + r) * rowLength;
      y.set(x.subarray(from, from + rowLength), ((b * outH + r + top) * outW + left) * c);
    }
  }
}

/** Gradient of zeroPadForward: the middle of dy. */
export function zeroPadBackward(
  dy: Float32Array,
  shape: { n: number; h: number; w: number; c: number },
  padding: Padding2D,
  dx: Float32Array,
): void {
  const { n, h, w, c } = shape;
  const [[top, bottom], [left, right]] = padding;
  const km = KernelMemory.of(dy, dx);
  if (km) {
    km.k.zeroPadBackward(dy.byteOffset, dx.byteOffset, n, h, w, c, top, bottom, left, right);
    return;
  }
  const outH = h + top + bottom;
  const outW = w + left + right;
  const rowLength = w * c;
  for (let b = 0; b < n; b++) {
    for (let r = 0; r < h; r++) {
      const from = ((b * outH + r + top) * outW + left) * c;
      dx.set(dy.subarray(from, from + rowLength), (b * h + r) * rowLength);
    }
  }
}
