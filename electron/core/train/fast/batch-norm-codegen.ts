// Batch-norm loops over a [rows, channels] view specialised for one channel count (and fused ReLU or not): the
// per-channel constants and accumulators live in locals instead of arrays.

type Sums = (x: Float32Array, size: number, sums: Float64Array) => void;
type Normalize = (x: Float32Array, y: Float32Array, size: number, coefficients: Float64Array) => void;
type BackwardSums = (x: Float32Array, y: Float32Array, dy: Float32Array, size: number, sums: Float64Array) => void;
type BackwardDx = (
  x: Float32Array,
  y: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  size: number,
  coefficients: Float64Array,
) => void;

export interface BatchNormKernels {
  /** sums[k] = Σ (x - x[k]), sums[c + k] = Σ (x - x[k])², shifted by the first row for accuracy. */
  sums: Sums;
  /** y = x * coefficients[k] + coefficients[c + k], then ReLU when fused. */
  normalize: Normalize;
  /** With d = dy (masked by y > 0 when fused) and centres in sums[2c + k]: sums[k] = Σ d, sums[c + k] = Σ d (x - centre). */
  backwardSums: BackwardSums;
  /** dx = coefficients[k] * d + coefficients[c + k] * x + coefficients[2c + k]. */
  backwardDx: BackwardDx;
}

const range = (k: number): number[] => Array.from({ length: k }, (_, i) => i);
const cache = new Map<string, BatchNormKernels>();

function compile<T>(params: string[], body: string): T {
  return new Function(...params, `'use strict';${body}`) as T;
}

function build(c: number, relu: boolean): BatchNormKernels {
  const ks = range(c);
  const each = (f: (k: number) => string, sep = ' ') => ks.map(f).join(sep);
  const grad = (k: number) => (relu ? `const d${k} = y[i + ${k}] > 0 ? dy[i + ${k}] : 0;` : `const d${k} = dy[i + ${k}];`);
  return {
    sums: compile<Sums>(
      ['x', 'size', 'sums'],
      `
      ${each((k) => `const c${k} = x[${k}]; let s${k} = 0, q${k} = 0;`)}
      for (let i = 0; i < size; i += ${c}) { ${each((k) => `const v${k} = x[i + ${k}] - c${k}; s${k} += v${k}; q${k} += v${k} * v${k};`)} }
      ${each((k) => `sums[${k}] = s${k}; sums[${c + k}] = q${k};`)}`,
    ),
    normalize: compile<Normalize>(
      ['x', 'y', 'size', 'co'],
      `
      ${each((k) => `const a${k} = co[${k}], b${k} = co[${c + k}];`)}
      for (let i = 0; i < size; i += ${c}) {
        ${each((k) => (relu ? `const v${k} = x[i + ${k}] * a${k} + b${k}; y[i + ${k}] = v${k} > 0 ? v${k} : 0;` : `y[i + ${k}] = x[i + ${k}] * a${k} + b${k};`))}
      }`,
    ),
    backwardSums: compile<BackwardSums>(
      ['x', 'y', 'dy', 'size', 'sums'],
      `
      ${each((k) => `const m${k} = sums[${2 * c + k}]; let s${k} = 0, p${k} = 0;`)}
      for (let i = 0; i < size; i += ${c}) { ${each((k) => `${grad(k)} s${k} += d${k}; p${k} += d${k} * (x[i + ${k}] - m${k});`)} }
      ${each((k) => `sums[${k}] = s${k}; sums[${c + k}] = p${k};`)}`,
    ),
    backwardDx: compile<BackwardDx>(
      ['x', 'y', 'dy', 'dx', 'size', 'co'],
      `
      ${each((k) => `const a${k} = co[${k}], b${k} = co[${c + k}], e${k} = co[${2 * c + k}];`)}
      for (let i = 0; i < size; i += ${c}) { ${each((k) => `${grad(k)} dx[i + ${k}] = a${k} * d${k} + b${k} * x[i + ${k}] + e${k};`)} }`,
    ),
  };
}

export function batchNormKernels(channels: number, relu: boolean): BatchNormKernels {
  const key = `${channels}:${relu}`;
  let kernels = cache.get(key);
  if (!kernels) {
    kernels = build(channels, relu);
    cache.set(key, kernels);
  }
  return kernels;
}
