import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { iterateBatches, modelImageSize, resizedFrom } from '../../electron/core/data/batches';
import type { Split } from '../../electron/core/data/types';
import { UserError } from '../../electron/core/util/errors';
import { createRng } from '../../electron/core/util/rng';

/** Random 32 x 32 RGB images (what every data set holds). */
function randomSplit(count: number, seed: number): Split {
  const rng = createRng(seed);
  const images = Uint8Array.from({ length: count * 32 * 32 * 3 }, () => rng.int(256));
  return { images, labels: Uint8Array.from({ length: count }, (_, i) => i % 10), count };
}

test("batches resized to a model's input size equal stock TF.js resizeBilinear (half-pixel centres) / 255", async () => {
  await tf.setBackend('cpu');
  const split = randomSplit(3, 11);
  // Up (a 96x80 model: height and width differ, so a swapped axis shows), down, and one axis only.
  for (const size of [
    [96, 80],
    [20, 24],
    [32, 57],
  ] as const) {
    const [batch] = iterateBatches(split, 3, { shuffle: false, imageSize: size });
    const expected = tf.tidy(() =>
      tf.image
        .resizeBilinear(tf.tensor4d(split.images, [3, 32, 32, 3], 'float32'), [size[0], size[1]], false, true)
        .div(255)
        .dataSync(),
    );
    assert.equal(batch!.x.length, expected.length, `${size.join('x')}: values`);
    let worst = 0;
    for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(batch!.x[i]! - expected[i]!));
    assert.ok(worst < 1e-6, `${size.join('x')}: largest difference ${worst}`);
    assert.deepEqual(resizedFrom(size), [32, 32]);
  }
});

test('a 32x32 model reads the stored pixels unchanged; non-RGB models are refused by name', () => {
  const split = randomSplit(2, 5);
  const [plain] = iterateBatches(split, 2, { shuffle: false });
  const [same] = iterateBatches(split, 2, { shuffle: false, imageSize: [32, 32] });
  assert.deepEqual(same!.x, plain!.x);
  assert.equal(resizedFrom([32, 32]), null);
  assert.deepEqual(modelImageSize([96, 96, 3], 'mine'), [96, 96]);
  assert.throws(
    () => modelImageSize([28, 28, 1], 'mnist_net'),
    (e: unknown) => e instanceof UserError && e.code === 'INPUT_SHAPE_MISMATCH' && /'mnist_net'.*1-channel/.test(e.message),
  );
});
