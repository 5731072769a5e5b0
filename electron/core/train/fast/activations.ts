import type { Activation } from '../../../../shared/model-spec';
import { reluBackward, reluForward, reluMaskByOutput } from './relu';

// Element-wise activations (Keras definitions) with gradients chosen to match TF.js autodiff of the same formulas:
//   relu6        tf.relu6: passes where 0 < x <= 6
//   sigmoid      dy * y * (1 - y)
//   hard_sigmoid relu6(x + 3) / 6 (Keras 3): passes 1/6 where -3 < x <= 3
//   hard_swish   x * hard_sigmoid(x)
//   swish        x * sigmoid(x)
// Every function reads and writes `size` values; `y` may be `x` for the forward pass (in place). relu and relu6 run
// relu.ts's kernels (WebAssembly SIMD when the buffers live in a KernelMemory); the others are JavaScript loops.

const SIXTH = 1 / 6;

function sigmoid(v: number): number {
  return 1 / (1 + Math.exp(-v));
}

/** y = activation(x). */
export function activationForward(activation: Activation, x: Float32Array, size: number, y: Float32Array): void {
  switch (activation) {
    case 'linear':
      if (y !== x) y.set(x.subarray(0, size));
      return;
    case 'relu':
      reluForward(x, size, Infinity, y);
      return;
    case 'relu6':
      reluForward(x, size, 6, y);
      return;
    case 'sigmoid':
      for (let i = 0; i < size; i++) y[i] = sigmoid(x[i]!);
      return;
    case 'hard_sigmoid':
      for (let i = 0; i < size; i++) {
        const v = x[i]! + 3;
        y[i] = (v > 0 ? (v > 6 ? 6 : v) : 0) * SIXTH;
      }
      return;
    case 'hard_swish':
      for (let i = 0; i < size; i++) {
        const u = x[i]!;
        const v = u + 3;
        y[i] = u * (v > 0 ? (v > 6 ? 6 : v) : 0) * SIXTH;
      }
      return;
    case 'swish':
      for (let i = 0; i < size; i++) {
        const u = x[i]!;
        y[i] = u * sigmoid(u);
      }
      return;
  }
}

/** True when the backward pass needs only the output (so the forward may run in place). */
export function backwardNeedsOnlyOutput(activation: Activation): boolean {
  return activation === 'linear' || activation === 'relu' || activation === 'sigmoid';
}

/**
 * dx = dy * activation'(x). `x` is the activation's input and `y` its output; for the activations where
 * backwardNeedsOnlyOutput is true `x` is not read (it may be the output buffer). `dx` may be `dy` (in place).
 */
export function activationBackward(
  activation: Activation,
  tensors: { x: Float32Array; y: Float32Array; dy: Float32Array },
  size: number,
  dx: Float32Array,
): void {
  const { x, y, dy } = tensors;
  switch (activation) {
    case 'linear':
      if (dx !== dy) dx.set(dy.subarray(0, size));
      return;
    case 'relu':
      reluMaskByOutput(y, dy, size, dx);
      return;
    case 'relu6':
      reluBackward(x, dy, size, 6, dx);
      return;
    case 'sigmoid':
      for (let i = 0; i < size; i++) {
        const s = y[i]!;
        dx[i] = dy[i]! * s * (1 - s);
      }
      return;
    case 'hard_sigmoid':
      for (let i = 0; i < size; i++) {
        const v = x[i]! + 3;
        dx[i] = v > 0 && v <= 6 ? dy[i]! * SIXTH : 0;
      }
      return;
    case 'hard_swish':
      for (let i = 0; i < size; i++) {
        const u = x[i]!;
        const v = u + 3;
        // d/du [u * relu6(u + 3) / 6] = relu6(u + 3) / 6 + u * [0 < u + 3 <= 6] / 6
        const slope = v <= 0 ? 0 : v > 6 ? 6 : v + u;
        dx[i] = dy[i]! * slope * SIXTH;
      }
      return;
    case 'swish':
      for (let i = 0; i < size; i++) {
        const u = x[i]!;
        const s = sigmoid(u);
        dx[i] = dy[i]! * (s + u * s * (1 - s));
      }
      return;
  }
}

/** Keras ReLU options: max_value (null = none), negative_slope and threshold. */
export interface ReluOptions {
  maxValue: number | null;
  negativeSlope: number;
  threshold: number;
}

/**
 * Keras ReLU: max_value if x >= max_value; x if threshold <= x < max_value; negative_slope * (x - threshold)
 * otherwise. Constants are float32, as TF.js holds them.
 */
export function leakyReluForward(options: ReluOptions, x: Float32Array, size: number, y: Float32Array): void {
  const max = options.maxValue === null ? Infinity : Math.fround(options.maxValue);
  const slope = Math.fround(options.negativeSlope);
  const threshold = Math.fround(options.threshold);
  for (let i = 0; i < size; i++) {
    const v = x[i]!;
    y[i] = v >= max ? max : v >= threshold ? v : slope * (v - threshold);
  }
}

/**
 * Its gradient: 1 where threshold < x <= max_value (the ceiling passes, as tf.clipByValue does), negative_slope where
 * x <= threshold (tf.leakyRelu's choice at the kink), 0 above the ceiling. With slope and threshold 0 this is relu.ts.
 */
export function leakyReluBackward(
  options: ReluOptions,
  x: Float32Array,
  dy: Float32Array,
  size: number,
  dx: Float32Array,
): void {
  const max = options.maxValue === null ? Infinity : Math.fround(options.maxValue);
  const slope = Math.fround(options.negativeSlope);
  const threshold = Math.fround(options.threshold);
  for (let i = 0; i < size; i++) {
    const v = x[i]!;
    dx[i] = v > max ? 0 : v > threshold ? dy[i]! : slope * dy[i]!;
  }
}
