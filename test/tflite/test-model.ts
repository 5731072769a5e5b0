// A guide-architecture model with random weights, non-trivial batch-norm statistics and the 1x1 kernels pruned to
// a given fraction of zeros (smallest magnitudes), for converter and runtime tests.
import { guideModel } from '../../electron/core/model/baseline';
import { initWeights, type ModelWeights } from '../../electron/core/model/weights';
import { createRng } from '../../electron/core/util/rng';
import type { ModelSpec } from '../../shared/model-spec';

export const POINTWISE_KERNELS = ['conv2d_1/kernel', 'conv2d_2/kernel'];

export function pruneSmallest(values: Float32Array, fraction: number): void {
  const order = Array.from(values.keys()).sort((a, b) => Math.abs(values[a]!) - Math.abs(values[b]!));
  for (const i of order.slice(0, Math.round(values.length * fraction))) values[i] = 0;
}

export function testModel(seed: number, pointwiseZeros = 0.75, keepdims = true): { spec: ModelSpec; weights: ModelWeights } {
  const spec = guideModel(keepdims);
  const weights = initWeights(spec, seed);
  const rng = createRng(seed + 1000);
  for (const t of weights.tensors) {
    const kind = t.name.slice(t.name.indexOf('/') + 1);
    for (let i = 0; i < t.values.length; i++) {
      if (kind === 'gamma') t.values[i] = 0.5 + rng.next();
      if (kind === 'beta' || kind === 'bias') t.values[i] = (rng.next() - 0.5) * 0.4;
      if (kind === 'moving_mean') t.values[i] = (rng.next() - 0.5) * 0.6;
      if (kind === 'moving_variance') t.values[i] = 0.2 + rng.next() * 1.5;
    }
  }
  for (const name of POINTWISE_KERNELS) pruneSmallest(weights.get(name).values, pointwiseZeros);
  return { spec, weights };
}

export function randomImages(count: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: count * 32 * 32 * 3 }, () => rng.next());
}
