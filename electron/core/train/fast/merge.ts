// Add and Multiply of several inputs with NumPy broadcasting over size-1 dimensions (per sample: the batch is never
// broadcast). Squeeze-excite multiplies [N,1,1,C] by [N,H,W,C]; residual blocks add equal shapes.
// The gradient of an input that was broadcast is summed over the broadcast positions (float64 accumulation).

export interface BroadcastInput {
  /** Values per sample. */
  size: number;
  /** For every output position of a sample, the position it reads in this input; null when the shapes are equal. */
  index: Int32Array | null;
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
    if (s.every((dim, d) => dim === outShape[d])) return { size, index: null };
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
    return { size, index };
  });
  return { outShape, outSize, inputs };
}

export type MergeOp = 'add' | 'multiply';

/** y = x0 + x1 + ... or x0 * x1 * ... (broadcast), for n samples. */
export function mergeForward(op: MergeOp, plan: BroadcastPlan, xs: readonly Float32Array[], n: number, y: Float32Array): void {
  const { outSize, inputs } = plan;
  const first = inputs[0]!;
  for (let b = 0; b < n; b++) {
    const yBase = b * outSize;
    const x0 = xs[0]!;
    const base0 = b * first.size;
    if (first.index === null) for (let o = 0; o < outSize; o++) y[yBase + o] = x0[base0 + o]!;
    else for (let o = 0; o < outSize; o++) y[yBase + o] = x0[base0 + first.index[o]!]!;
    for (let i = 1; i < inputs.length; i++) {
      const { size, index } = inputs[i]!;
      const x = xs[i]!;
      const base = b * size;
      if (op === 'add') {
        if (index === null) for (let o = 0; o < outSize; o++) y[yBase + o]! += x[base + o]!;
        else for (let o = 0; o < outSize; o++) y[yBase + o]! += x[base + index[o]!]!;
      } else if (index === null) for (let o = 0; o < outSize; o++) y[yBase + o]! *= x[base + o]!;
      else for (let o = 0; o < outSize; o++) y[yBase + o]! *= x[base + index[o]!]!;
    }
  }
}

let scratch = new Float64Array(0);

/**
 * Input gradients of mergeForward given dy (overwritten; an entry of `dxs` that is null is skipped). For a product,
 * input i's gradient is dy times the other inputs.
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
  inputs.forEach(({ size, index }, i) => {
    const dx = dxs[i];
    if (!dx) return;
    if (op === 'add' && index === null) {
      dx.set(dy.subarray(0, n * outSize));
      return;
    }
    if (scratch.length < size) scratch = new Float64Array(size);
    for (let b = 0; b < n; b++) {
      const yBase = b * outSize;
      const factor = (o: number): number => {
        let f = dy[yBase + o]!;
        if (op === 'multiply') {
          for (let j = 0; j < inputs.length; j++) {
            if (j === i) continue;
            const other = inputs[j]!;
            const at = b * other.size + (other.index === null ? o : other.index[o]!);
            f *= xs[j]![at]!;
          }
        }
        return f;
      };
      const base = b * size;
      if (index === null) {
        for (let o = 0; o < outSize; o++) dx[base + o] = factor(o);
        continue;
      }
      scratch.fill(0, 0, size);
      for (let o = 0; o < outSize; o++) scratch[index[o]!]! += factor(o);
      for (let k = 0; k < size; k++) dx[base + k] = scratch[k]!;
    }
  });
}
