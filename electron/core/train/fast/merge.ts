// Add and Multiply of several inputs with NumPy broadcasting over size-1 dimensions (per sample: the batch is never
// broadcast). Squeeze-excite multiplies [N,1,1,C] by [N,H,W,C]; residual blocks add equal shapes.
// The gradient of an input that was broadcast is summed over the broadcast positions (float64 accumulation).

export interface BroadcastInput {
  /** Values per sample. */
  size: number;
  /** For every output position of a sample, the position it reads in this input; null when the shapes are equal. */
  index: Int32Array | null;
  /** The input repeats along the leading axes (index[o] = o % size: squeeze-excite's [1,1,C] against [H,W,C]). */
  tiled: boolean;
}

export interface BroadcastPlan {
  outShape: number[];
  outSize: number;
  inputs: BroadcastInput[];
}

const product = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** The broadcast of per-sample shapes (ranks aligned on the right, as NumPy); throws when they do not broadcast. */
export function broadcastPlan(shapes: readonly (readonly number[])[]): BroadcastPlan {
  const rank = Math.max(...shapes.map((s) => s.length));
  const padded = shapes.map((s) => [...Array<number>(rank - s.length).fill(1), ...s]);
  const outShape = Array.from({ length: rank }, (_, d) => Math.max(...padded.map((s) => s[d]!)));
  for (const s of padded) {
    s.forEach((dim, d) => {
      if (dim !== 1 && dim !== outShape[d]) {
        throw new Error(`Shapes ${shapes.map((x) => `[${x.join(', ')}]`).join(' and ')} do not broadcast`);
      }
    });
  }
  const outSize = product(outShape);
  const inputs = padded.map((s): BroadcastInput => {
    const size = product(s);
    if (s.every((dim, d) => dim === outShape[d])) return { size, index: null, tiled: false };
    const strides = new Array<number>(rank);
    let stride = 1;
    for (let d = rank - 1; d >= 0; d--) {
      strides[d] = s[d] === 1 ? 0 : stride;
      stride *= s[d]!;
    }
    const index = new Int32Array(outSize);
    const position = new Array<number>(rank).fill(0);
    for (let o = 0; o < outSize; o++) {
      let at = 0;
      for (let d = 0; d < rank; d++) at += position[d]! * strides[d]!;
      index[o] = at;
      for (let d = rank - 1; d >= 0; d--) {
        if (++position[d]! < outShape[d]!) break;
        position[d] = 0;
      }
    }
    return { size, index, tiled: index.every((at, o) => at === o % size) };
  });
  return { outShape, outSize, inputs };
}

export type MergeOp = 'add' | 'multiply';

/** out[o] (op)= x[base + at(o)] over one sample's outSize positions, with the input's broadcast pattern. */
function combine(
  op: MergeOp,
  input: BroadcastInput,
  x: Float32Array,
  base: number,
  out: Float32Array | Float64Array,
  outBase: number,
  outSize: number,
): void {
  const { size, index, tiled } = input;
  const multiply = op === 'multiply';
  if (index === null) {
    if (multiply) for (let o = 0; o < outSize; o++) out[outBase + o]! *= x[base + o]!;
    else for (let o = 0; o < outSize; o++) out[outBase + o]! += x[base + o]!;
  } else if (tiled) {
    for (let start = 0; start < outSize; start += size) {
      const at = outBase + start;
      if (multiply) for (let k = 0; k < size; k++) out[at + k]! *= x[base + k]!;
      else for (let k = 0; k < size; k++) out[at + k]! += x[base + k]!;
    }
  } else if (multiply) for (let o = 0; o < outSize; o++) out[outBase + o]! *= x[base + index[o]!]!;
  else for (let o = 0; o < outSize; o++) out[outBase + o]! += x[base + index[o]!]!;
}

/** Squeeze-excite's product: which input is the full [H,W,C] one and which the tiled [1,1,C] one, or null. */
function gatePair(op: MergeOp, plan: BroadcastPlan): { full: number; gate: number } | null {
  const [a, b] = plan.inputs;
  if (op !== 'multiply' || plan.inputs.length !== 2 || !a || !b) return null;
  if (a.index === null && b.tiled) return { full: 0, gate: 1 };
  if (b.index === null && a.tiled) return { full: 1, gate: 0 };
  return null;
}

/** y = x0 + x1 + ... or x0 * x1 * ... (broadcast), for n samples. */
export function mergeForward(op: MergeOp, plan: BroadcastPlan, xs: readonly Float32Array[], n: number, y: Float32Array): void {
  const { outSize, inputs } = plan;
  const pair = gatePair(op, plan);
  if (pair) {
    const c = inputs[pair.gate]!.size;
    const full = xs[pair.full]!;
    const gate = xs[pair.gate]!;
    for (let b = 0; b < n; b++) {
      for (let start = b * outSize, end = start + outSize; start < end; start += c) {
        const g = b * c;
        for (let k = 0; k < c; k++) y[start + k] = full[start + k]! * gate[g + k]!;
      }
    }
    return;
  }
  for (let b = 0; b < n; b++) {
    const yBase = b * outSize;
    y.fill(op === 'add' ? 0 : 1, yBase, yBase + outSize);
    // Adding to 0 or multiplying by 1 first is exact, so this is x0 (op) x1 (op) ... in float32 as TF.js computes it.
    inputs.forEach((input, i) => combine(op, input, xs[i]!, b * input.size, y, yBase, outSize));
  }
}

let factors = new Float64Array(0);
let sums = new Float64Array(0);

/**
 * Input gradients of mergeForward given dy (overwritten; an entry of `dxs` that is null is skipped). For a product,
 * input i's gradient is dy times the other inputs; a broadcast input's gradient is summed over the positions it fed.
 */
export function mergeBackward(
  op: MergeOp,
  plan: BroadcastPlan,
  tensors: { xs: readonly Float32Array[]; dy: Float32Array },
  n: number,
  dxs: readonly (Float32Array | null)[],
): void {
  const { outSize, inputs } = plan;
  const { xs, dy } = tensors;
  const pair = gatePair(op, plan);
  if (pair) {
    gateBackward(xs[pair.full]!, xs[pair.gate]!, dy, { n, outSize, c: inputs[pair.gate]!.size }, [
      dxs[pair.full]!,
      dxs[pair.gate]!,
    ]);
    return;
  }
  if (factors.length < outSize) factors = new Float64Array(outSize);
  inputs.forEach(({ size, index, tiled }, i) => {
    const dx = dxs[i];
    if (!dx) return;
    if (op === 'add' && index === null) {
      dx.set(dy.subarray(0, n * outSize));
      return;
    }
    if (sums.length < size) sums = new Float64Array(size);
    for (let b = 0; b < n; b++) {
      const yBase = b * outSize;
      // The factor of every output position in float64: dy times every other input.
      for (let o = 0; o < outSize; o++) factors[o] = dy[yBase + o]!;
      if (op === 'multiply') {
        inputs.forEach((other, j) => {
          if (j !== i) combine('multiply', other, xs[j]!, b * other.size, factors, 0, outSize);
        });
      }
      const base = b * size;
      if (index === null) {
        for (let o = 0; o < outSize; o++) dx[base + o] = factors[o]!;
        continue;
      }
      sums.fill(0, 0, size);
      if (tiled) {
        for (let start = 0; start < outSize; start += size) for (let k = 0; k < size; k++) sums[k]! += factors[start + k]!;
      } else for (let o = 0; o < outSize; o++) sums[index[o]!]! += factors[o]!;
      for (let k = 0; k < size; k++) dx[base + k] = sums[k]!;
    }
  });
}

/** gatePair's gradients: d full = dy * gate (tiled), d gate = the sum of dy * full over the positions (float64). */
function gateBackward(
  full: Float32Array,
  gate: Float32Array,
  dy: Float32Array,
  shape: { n: number; outSize: number; c: number },
  [dFull, dGate]: [Float32Array | null, Float32Array | null],
): void {
  const { n, outSize, c } = shape;
  if (sums.length < c) sums = new Float64Array(c);
  for (let b = 0; b < n; b++) {
    const g = b * c;
    sums.fill(0, 0, c);
    for (let start = b * outSize, end = start + outSize; start < end; start += c) {
      if (dFull) for (let k = 0; k < c; k++) dFull[start + k] = dy[start + k]! * gate[g + k]!;
      if (dGate) for (let k = 0; k < c; k++) sums[k]! += dy[start + k]! * full[start + k]!;
    }
    if (dGate) for (let k = 0; k < c; k++) dGate[g + k] = sums[k]!;
  }
}
