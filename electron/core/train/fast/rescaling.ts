// Rescaling: y = x * scale + offset, with float32 constants as TF.js holds them.

export function rescalingForward(x: Float32Array, size: number, scale: number, offset: number, y: Float32Array): void {
  const s = Math.fround(scale);
  const o = Math.fround(offset);
  for (let i = 0; i < size; i++) y[i] = x[i]! * s + o;
}

export function rescalingBackward(dy: Float32Array, size: number, scale: number, dx: Float32Array): void {
  const s = Math.fround(scale);
  for (let i = 0; i < size; i++) dx[i] = dy[i]! * s;
}
