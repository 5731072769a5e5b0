/**
 * An inference batch norm as the per-channel affine map the converter lowers it to (prepare_tf's FusedBatchNormV3
 * pattern): m = gamma / sqrt(var + eps); y = x * m + (beta - mean * m). All arithmetic is rounded to float32.
 */
export function batchNormAffine(bn: {
  gamma: Float32Array;
  beta: Float32Array;
  mean: Float32Array;
  variance: Float32Array;
  epsilon: number;
}): { scale: Float32Array; offset: Float32Array } {
  const f = Math.fround;
  const scale = bn.gamma.map((g, o) => f(g * f(1 / f(Math.sqrt(f(bn.variance[o]! + f(bn.epsilon)))))));
  const offset = bn.beta.map((b, o) => f(b - f(bn.mean[o]! * scale[o]!)));
  return { scale, offset };
}
