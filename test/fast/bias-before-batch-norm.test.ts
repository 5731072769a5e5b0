import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guideModel } from '../../electron/core/model/baseline';
import { initWeights } from '../../electron/core/model/weights';
import { createFastTrainer } from '../../electron/core/train/fast/trainer';
import { createRng } from '../../electron/core/util/rng';

function batch(size: number, seed: number) {
  const rng = createRng(seed);
  return {
    x: Float32Array.from({ length: size * 32 * 32 * 3 }, () => rng.next()),
    labels: Int32Array.from({ length: size }, () => rng.int(10)),
    size,
  };
}

// The loss cannot depend on a per-channel constant added right before a training-mode BatchNormalization, so those
// biases get an exact zero gradient instead of rounding noise that Adam would amplify (see layers.ts).
test('biases feeding a BatchNormalization stay exactly where they are; other weights learn', () => {
  const spec = guideModel(true);
  const weights = initWeights(spec, 5);
  const rng = createRng(9);
  for (const t of weights.tensors) if (t.name.endsWith('/bias')) t.values.forEach((_, i) => (t.values[i] = rng.next() - 0.5));
  // A 1x1 kernel with a whole output channel pruned away: the case that used to drift.
  const kernel = weights.get('conv2d_1/kernel');
  for (let i = 0; i < 8; i++) kernel.values[i * 16 + 3] = 0;
  const trainer = createFastTrainer({ spec, weights });
  for (let step = 1; step <= 5; step++) trainer.trainStep(batch(16, step));
  const after = trainer.snapshot();
  for (const name of ['conv2d/bias', 'depthwise_conv2d/bias', 'conv2d_1/bias', 'depthwise_conv2d_1/bias', 'conv2d_2/bias']) {
    assert.deepEqual(after.get(name).values, weights.get(name).values, name);
  }
  assert.notDeepEqual(
    after.get('dense/bias').values,
    weights.get('dense/bias').values,
    'the Dense bias (no BatchNormalization after it) learns',
  );
  assert.notDeepEqual(after.get('conv2d_1/kernel').values, kernel.values, 'kernels learn');
});
