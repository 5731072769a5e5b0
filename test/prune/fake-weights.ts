// A WeightAccess over a ModelWeights that stands in for a trainer, plus a stand-in optimizer step.
import type { ModelWeights } from '../../electron/core/model/weights';
import type { WeightAccess } from '../../electron/core/train/types';
import { createRng } from '../../electron/core/util/rng';

export class FakeWeightAccess implements WeightAccess {
  readonly weights: ModelWeights;
  readonly written = new Set<string>();

  constructor(weights: ModelWeights) {
    this.weights = weights;
  }

  read(name: string): Float32Array {
    return this.weights.get(name).values.slice();
  }

  write(name: string, values: Float32Array): void {
    this.written.add(name);
    this.weights.get(name).values.set(values);
  }

  /** Like an optimizer step: every weight moves a little, pruned entries included (they drift off zero). */
  perturb(seed: number, scale = 0.01): void {
    const rng = createRng(seed);
    for (const tensor of this.weights.tensors) {
      for (let i = 0; i < tensor.values.length; i++) tensor.values[i]! += (rng.next() * 2 - 1) * scale;
    }
  }
}
