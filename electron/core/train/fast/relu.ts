// ReLU with an optional ceiling, as tfjs-layers computes it: clipByValue(relu(x), 0, max).
// Its gradient passes where 0 < x <= max (relu's step is 0 at x = 0; clip passes at the ceiling). The ceiling is
// compared as a float32, as TF.js stores it.

export function reluForward(x: Float32Array, size: number, max: number, y: Float32Array): void {
  for (let i = 0; i < size; i++) {
    const v = x[i]!;
    y[i] = v > 0 ? (v > max ? max : v) : 0;
  }
}

export function reluBackward(x: Float32Array, dy: Float32Array, size: number, ceiling: number, dx: Float32Array): void {
  const max = Math.fround(ceiling);
  for (let i = 0; i < size; i++) {
    const v = x[i]!;
    dx[i] = v > 0 && v <= max ? dy[i]! : 0;
  }
}
