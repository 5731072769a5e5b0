/**
 * Folds an inference batch norm into the preceding convolution, as the TFLite converter does:
 * m = gamma / sqrt(var + eps); W'[o] = W[o] * m[o]; b'[o] = b[o] * m[o] + (beta[o] - mean[o] * m[o]).
 * `outChannelOf(i)` maps a flat filter index to its output channel. All arithmetic is rounded to float32.
 */
export function foldBatchNorm(
  filter: Float32Array,
  bias: Float32Array,
  bn: { gamma: Float32Array; beta: Float32Array; mean: Float32Array; variance: Float32Array; epsilon: number },
  outChannelOf: (flatIndex: number) => number,
): { filter: Float32Array; bias: Float32Array } {
  const f = Math.fround;
  const m = bn.gamma.map((g, o) => f(g * f(1 / f(Math.sqrt(f(bn.variance[o]! + f(bn.epsilon)))))));
  const folded = filter.map((w, i) => f(w * m[outChannelOf(i)]!));
  const foldedBias = bias.map((b, o) => f(f(b * m[o]!) + f(bn.beta[o]! - f(bn.mean[o]! * m[o]!))));
  return { filter: folded, bias: foldedBias };
}
