import { batchNormKernels } from './batch-norm-codegen';
import { activeCollective } from './parallel/collective';
import { KernelMemory } from './wasm/kernel-memory';

// Batch normalisation over the last axis of a [rows, channels] view of an NHWC tensor (rows = n*h*w).
// The WebAssembly SIMD kernels run when the tensors live in one KernelMemory, the generated JavaScript loops
// otherwise. During a data-parallel step (parallel/collective.ts) the sums are combined over every shard first.

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

/** Scratch slots of the kernel memory used here (conv-ops.ts uses 0 and 1). */
const SUMS = 2;
const CENTRE = 3;
const COEFFICIENTS = 4;
const PARTIALS = 5;

/** sums[k] = Σ (x - centre[k]), sums[c + k] = Σ (x - centre[k])², in float64; centre = the first row of x. */
function centredSums(x: Float32Array, shape: RowsByChannels, centre: ArrayLike<number>, km: KernelMemory | null): Float64Array {
  const { rows, channels: c } = shape;
  if (!km) {
    // The generated loop always centres on the first row, which is what the caller passes.
    const sums = new Float64Array(2 * c);
    batchNormKernels(c, false).sums(x, rows * c, sums);
    return sums;
  }
  const out = km.scratch(SUMS, 16 * c);
  km.k.bnSums(x.byteOffset, rows, c, km.scratchF32(CENTRE, centre), out, km.scratch(PARTIALS, 8 * c));
  return km.f64At(out, 2 * c).slice();
}

export function batchNormTrainingForward(
  x: Float32Array,
  shape: RowsByChannels,
  p: BatchNormParams,
  out: { y: Float32Array; stats: BatchStats },
): void {
  const { rows, channels: c } = shape;
  const { mean, variance } = out.stats;
  const km = KernelMemory.of(x, out.y);
  const centre = Float32Array.from(x.subarray(0, c));
  const sums = centredSums(x, shape, centre, km);
  const collective = activeCollective();
  if (!collective) {
    for (let k = 0; k < c; k++) {
      const shifted = sums[k]! / rows;
      mean[k] = centre[k]! + shifted;
      variance[k] = Math.max(0, sums[c + k]! / rows - shifted * shifted);
    }
  } else {
    // Each shard's count, mean and sum of squared deviations, combined in shard order (Chan et al.).
    const local = new Float64Array(1 + 2 * c);
    local[0] = rows;
    for (let k = 0; k < c; k++) {
      const s = sums[k]!;
      local[1 + k] = centre[k]! + s / rows;
      local[1 + c + k] = Math.max(0, sums[c + k]! - (s * s) / rows);
    }
    const shards = collective.allGather(local);
    const first = shards[0]!;
    let count = first[0]!;
    const m2 = new Float64Array(c);
    for (let k = 0; k < c; k++) {
      mean[k] = first[1 + k]!;
      m2[k] = first[1 + c + k]!;
    }
    for (let s = 1; s < shards.length; s++) {
      const shard = shards[s]!;
      const nb = shard[0]!;
      const total = count + nb;
      for (let k = 0; k < c; k++) {
        const delta = shard[1 + k]! - mean[k]!;
        mean[k] = mean[k]! + (delta * nb) / total;
        m2[k] = m2[k]! + shard[1 + c + k]! + (delta * delta * count * nb) / total;
      }
      count = total;
    }
    for (let k = 0; k < c; k++) variance[k] = m2[k]! / count;
  }
  normalize(x, out.y, shape, p, scaleAndShift(p, mean, variance), km);
}

export function batchNormInferenceForward(
  x: Float32Array,
  shape: RowsByChannels,
  p: BatchNormParams & { movingMean: Float32Array; movingVariance: Float32Array },
  y: Float32Array,
): void {
  normalize(x, y, shape, p, scaleAndShift(p, p.movingMean, p.movingVariance), KernelMemory.of(x, y));
}

function normalize(
  x: Float32Array,
  y: Float32Array,
  shape: RowsByChannels,
  p: BatchNormParams,
  coefficients: Float64Array,
  km: KernelMemory | null,
): void {
  const { rows, channels: c } = shape;
  if (km) km.k.bnNormalize(x.byteOffset, y.byteOffset, rows, c, km.scratchF32(COEFFICIENTS, coefficients), p.relu ? 1 : 0);
  else batchNormKernels(c, p.relu === true).normalize(x, y, rows * c, coefficients);
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
  const { channels: c } = shape;
  const { dx, dgamma, dbeta } = out;
  const relu = p.relu === true;
  const km = KernelMemory.of(x, y, dy, dx);
  let sums: Float64Array;
  if (km) {
    const ptr = km.scratch(SUMS, 16 * c);
    const centre = km.scratchF32(CENTRE, stats.mean);
    km.k.bnBackwardSums(x.byteOffset, y.byteOffset, dy.byteOffset, shape.rows, c, centre, relu ? 1 : 0, ptr, km.scratch(PARTIALS, 8 * c));
    sums = km.f64At(ptr, 2 * c).slice();
  } else {
    sums = new Float64Array(3 * c);
    sums.set(stats.mean, 2 * c);
    batchNormKernels(c, relu).backwardSums(x, y, dy, shape.rows * c, sums);
  }
  const invStd = new Float64Array(c);
  for (let k = 0; k < c; k++) {
    invStd[k] = 1 / Math.sqrt(stats.variance[k]! + p.epsilon);
    // In a data-parallel step these are this shard's share; the pool adds the shards' parameter gradients.
    dbeta[k] = sums[k]!;
    dgamma[k] = sums[c + k]! * invStd[k]!;
  }
  if (!dx) return;
  // dx needs the whole batch's sums: exchanged with the other shards (the same values, in shard order, on each).
  let rows = shape.rows;
  const collective = activeCollective();
  if (collective) {
    const local = new Float64Array(1 + 2 * c);
    local[0] = rows;
    local.set(sums.subarray(0, 2 * c), 1);
    const shards = collective.allGather(local);
    rows = 0;
    sums = new Float64Array(2 * c);
    for (const shard of shards) {
      rows += shard[0]!;
      for (let i = 0; i < 2 * c; i++) sums[i] = sums[i]! + shard[1 + i]!;
    }
  }
  // dx = gamma*inv/M * (M*dy - sum(dy) - xhat*sum(dy*xhat)) written as dx = a*dy + b*x + e per channel.
  const coefficients = new Float64Array(3 * c);
  for (let k = 0; k < c; k++) {
    const inv = invStd[k]!;
    const a = p.gamma[k]! * inv;
    const b = (-a * inv * (sums[c + k]! * inv)) / rows;
    coefficients[k] = a;
    coefficients[c + k] = b;
    coefficients[2 * c + k] = (-a * sums[k]!) / rows - b * stats.mean[k]!;
  }
  if (km) km.k.bnBackwardDx(x.byteOffset, y.byteOffset, dy.byteOffset, dx.byteOffset, shape.rows, c, km.scratchF32(COEFFICIENTS, coefficients), relu ? 1 : 0);
  else batchNormKernels(c, relu).backwardDx(x, y, dy, dx, shape.rows * c, coefficients);
}
