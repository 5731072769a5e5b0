import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initWeights } from '../../electron/core/model/weights';
import { createParallelFastTrainer } from '../../electron/core/train/fast/parallel/parallel-trainer';
import { kernelKind } from '../../electron/core/train/fast/wasm/kernel-memory';
import { createRng } from '../../electron/core/util/rng';
import { relativeError } from './compare';
import { squeezeExciteModel } from './graph-specs';

test('a graph with Dropout trains to the same weights on 1 and 2 threads (masks follow the batch row, not the shard)', async (t) => {
  if (kernelKind() !== 'wasm-simd') return t.skip('the threads share the WebAssembly kernel memory, unavailable here');
  const spec = squeezeExciteModel();
  const size = spec.inputShape.reduce((a, b) => a * b, 1);
  const rng = createRng(3);
  const n = 9;
  const x = Float32Array.from({ length: n * size }, () => rng.next());
  const labels = Int32Array.from({ length: n }, () => rng.int(4));
  const runs = [];
  for (const threads of [1, 2]) {
    const trainer = await createParallelFastTrainer({ spec, weights: initWeights(spec, 2) }, threads);
    try {
      const losses = [0, 1, 2].map(() => trainer.trainStep({ x, labels, size: n }).loss);
      runs.push({ losses, weights: trainer.snapshot().tensors });
    } finally {
      trainer.dispose();
    }
  }
  const [one, two] = runs as [(typeof runs)[0], (typeof runs)[0]];
  assert.ok(relativeError(two.losses, one.losses) < 1e-6, `losses ${one.losses} vs ${two.losses}`);
  one.weights.forEach((w, i) => {
    const error = relativeError(two.weights[i]!.values, w.values);
    assert.ok(error < 1e-5, `${w.name}: 1 vs 2 threads differ by ${error}`);
  });
});
