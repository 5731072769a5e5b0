import type { ModelSpec } from '../shared/model-spec';
import type { ModelWeights } from '../electron/core/model/weights';
import { Network } from '../electron/core/train/fast/network';
import { KernelMemory } from '../electron/core/train/fast/wasm/kernel-memory';
import type { Batch } from '../electron/core/train/types';

export interface LayerProfile {
  layer: string;
  forwardMs: number;
  backwardMs: number;
}

/**
 * Where one training step's time goes on one thread: each layer's forward and backward pass timed separately
 * (mean over `steps` steps of lossAndGradients after a warm-up), with the WebAssembly kernels when available.
 */
export function profileStep(spec: ModelSpec, weights: ModelWeights, batch: Batch, steps: number): LayerProfile[] {
  const memory = KernelMemory.create();
  const network = memory ? new Network(spec, weights, memory) : new Network(spec, weights);
  let x = batch.x;
  let labels = batch.labels;
  if (memory) {
    x = memory.f32(batch.x.length);
    x.set(batch.x);
    labels = memory.i32(batch.size);
    labels.set(batch.labels);
  }
  const totals = network.layers.map((l) => ({ layer: l.name, forwardMs: 0, backwardMs: 0 }));
  network.lossAndGradients(x, labels, batch.size);
  network.layers.forEach((layer, i) => {
    const forward = layer.forward.bind(layer);
    const backward = layer.backward.bind(layer);
    layer.forward = (...args) => {
      const t0 = performance.now();
      forward(...args);
      totals[i]!.forwardMs += performance.now() - t0;
    };
    layer.backward = (...args) => {
      const t0 = performance.now();
      backward(...args);
      totals[i]!.backwardMs += performance.now() - t0;
    };
  });
  for (let s = 0; s < steps; s++) network.lossAndGradients(x, labels, batch.size);
  return totals.map((t) => ({ ...t, forwardMs: t.forwardMs / steps, backwardMs: t.backwardMs / steps }));
}
