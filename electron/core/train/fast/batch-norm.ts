import { batchNormKernels } from './batch-norm-codegen';

// Batch normalisation over the last axis of a [rows, channels] view of an NHWC tensor (rows = n*h*w).

export interface BatchNormParams {
  gamma: Float32Array;
  beta: Float32Array;
  epsilon: number;
  /** Apply a ReLU (no ceiling) to the output: batch norm + ReLU fused into one pass. */
  relu?: boolean;
}

/** Per-channel batch statistics of the last training forward pass (biased variance, as tf.moments). */
export interface BatchStats {
  mean: Float64Array;
  variance: Float64Array;
}

export interface RowsByChannels {
  rows: number;
  channels: number;
}

export function batchNormTrainingForward(
  x: Float32Array,
  shape: RowsByChannels,
  p: BatchNormParams,
  out: { y: Float32Array; stats: BatchStats },
): void {
  const { rows, channels: c } = shape;
  const { mean, variance } = out.stats;
  const kernels = batchNormKernels(c, p.relu === true);
  const sums = new Float64Array(2 * c);
  kernels.sums(x, rows * c, sums);
  for (let k = 0; k < c; k++) {
    const shifted = sums[k]! / rows;
    mean[k] = x[k]! + shifted;
    variance[k] = Math.max(0, sums[c + k]! / rows - shifted * shifted);
  }
  kernels.normalize(x, out.y, rows * c, scaleAndShift(p, mean, variance));
}

export function batchNormInferenceForward(
  x: Float32Array,
  shape: RowsByChannels,
  p: BatchNormParams & { movingMean: Float32Array; movingVariance: Float32Array },
  y: Float32Array,
): void {
  const kernels = batchNormKernels(shape.channels, p.relu === true);
  kernels.normalize(x, y, shape.rows * shape.channels, scaleAndShift(p, p.movingMean, p.movingVariance));
}

/** [scale (c), shift (c)] with y = x * scale + shift. */
function scaleAndShift(p: BatchNormParams, mean: ArrayLike<number>, variance: ArrayLike<number>): Float64Array {
  const c = p.gamma.length;
  const coefficients = new Float64Array(2 * c);
  for (let k = 0; k < c; k++) {
    const scale = p.gamma[k]! / Math.sqrt(variance[k]! + p.epsilon);
    coefficients[k] = scale;
    coefficients[c + k] = p.beta[k]! - mean[k]! * scale;
  }
  return coefficients;
}

/**
 * Gradients through the batch statistics (as autodiff of tf.moments + tf.batchNorm gives). dgamma/dbeta overwritten.
 * With `p.relu`, `y` is the fused output and dy is first masked by y > 0 (the ReLU's gradient).
 */
export function batchNormBackward(
  tensors: { x: Float32Array; dy: Float32Array; stats: BatchStats; y?: Float32Array },
  shape: RowsByChannels,
  p: BatchNormParams,
  out: { dx: Float32Array | null; dgamma: Float64Array; dbeta: Float64Array },
): void {
  const { x, dy, stats } = tensors;
  const y = tensors.y ?? x;
  const { rows, channels: c } = shape;
  const { dx, dgamma, dbeta } = out;
  const kernels = batchNormKernels(c, p.relu === true);
  const sums = new Float64Array(3 * c);
  sums.set(stats.mean, 2 * c);
  kernels.backwardSums(x, y, dy, rows * c, sums);
  const invStd = new Float64Array(c);
  for (let k = 0; k < c; k++) {
    invStd[k] = 1 / Math.sqrt(stats.variance[k]! + p.epsilon);
    dbeta[k] = sums[k]!;
    dgamma[k] = sums[c + k]! * invStd[k]!;
  }
  if (!dx) return;
  // dx = gamma*inv/M * (M*dy - sum(dy) - xhat*sum(dy*xhat)) written as dx = a*dy + b*x + e per channel.
  const coefficients = new Float64Array(3 * c);
  for (let k = 0; k < c; k++) {
    const inv = invStd[k]!;
    const a = p.gamma[k]! * inv;
    const b = (-a * inv * dgamma[k]!) / rows;
    coefficients[k] = a;
    coefficients[c + k] = b;
    coefficients[2 * c + k] = (-a * dbeta[k]!) / rows - b * stats.mean[k]!;
  }
  kernels.backwardDx(x, y, dy, dx, rows * c, coefficients);
}
