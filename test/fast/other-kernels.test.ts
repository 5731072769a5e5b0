import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { AdamState } from '../../electron/core/train/fast/adam';
import {
  batchNormBackward,
  batchNormInferenceForward,
  batchNormTrainingForward,
} from '../../electron/core/train/fast/batch-norm';
import { globalAveragePoolBackward, globalAveragePoolForward } from '../../electron/core/train/fast/global-average-pool';
import { reluBackward, reluForward } from '../../electron/core/train/fast/relu';
import { softmaxCrossEntropy } from '../../electron/core/train/fast/softmax-cross-entropy';
import { zeroPadBackward, zeroPadForward } from '../../electron/core/train/fast/zero-padding';
import { KERAS_ADAM } from '../../electron/core/train/types';
import { assertClose, memories, placed, randomArray, useTfjsCpu, values } from './compare';

before(useTfjsCpu);

const MEMORIES = memories();

for (const [label, shape] of [
  ['16x16x8 (after the first conv)', [4, 16, 16, 8]],
  ['3x5x3, uneven', [3, 3, 5, 3]],
  ['2x2x18, lane blocks and a tail', [5, 2, 2, 18]],
] as const) {
  for (const [kind, memory] of MEMORIES) {
    test(`BatchNormalization ${label} (${kind}): training forward, statistics and gradients match tf.moments + tf.batchNorm`, () => {
      const [n, h, w, c] = shape;
      const x = randomArray(n * h * w * c, 1, 3).map((v, i) => v + (i % c)); // per-channel offsets
      const gamma = randomArray(c, 2).map((v) => 1 + v / 2);
      const beta = randomArray(c, 3);
      const dy = randomArray(x.length, 4);
      const epsilon = 1e-3;
      const tx = tf.tensor4d(x, [n, h, w, c]);
      const op = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
        const { mean, variance } = tf.moments(a, [0, 1, 2]);
        return tf.batchNorm(a, mean, variance, b as tf.Tensor1D, g as tf.Tensor1D, epsilon);
      };
      const expected = op(tx, tf.tensor1d(gamma), tf.tensor1d(beta));
      const moments = tf.moments(tx, [0, 1, 2]);
      const [gx, gg, gb] = tf.grads((a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(op(a, g, b), tf.tensor4d(dy, [n, h, w, c]))),
      )([tx, tf.tensor1d(gamma), tf.tensor1d(beta)]);

      const rows = n * h * w;
      const y = memory.f32(x.length);
      const stats = { mean: new Float64Array(c), variance: new Float64Array(c) };
      const params = { gamma, beta, epsilon };
      batchNormTrainingForward(placed(memory, x), { rows, channels: c }, params, { y, stats });
      assertClose(y, values(expected), 'forward');
      assertClose(stats.mean, values(moments.mean), 'batch mean');
      assertClose(stats.variance, values(moments.variance), 'batch variance (biased)');
      const dx = memory.f32(x.length);
      const dgamma = new Float64Array(c);
      const dbeta = new Float64Array(c);
      batchNormBackward({ x: placed(memory, x), dy: placed(memory, dy), stats }, { rows, channels: c }, params, {
        dx,
        dgamma,
        dbeta,
      });
      assertClose(dx, values(gx!), 'input gradient');
      assertClose(dgamma, values(gg!), 'gamma gradient');
      assertClose(dbeta, values(gb!), 'beta gradient');

      // Fused with a ReLU: the output is relu(y) and the gradient is masked by it first.
      const fused = { ...params, relu: true };
      const yRelu = memory.f32(x.length);
      batchNormTrainingForward(placed(memory, x), { rows, channels: c }, fused, { y: yRelu, stats });
      assertClose(yRelu, values(tf.relu(expected)), 'fused forward');
      const mask = values(tf.step(expected));
      const [gxRelu] = tf.grads((a: tf.Tensor) =>
        tf.sum(
          tf.mul(
            op(a, tf.tensor1d(gamma), tf.tensor1d(beta)),
            tf.tensor4d(
              dy.map((d, i) => d * mask[i]!),
              [n, h, w, c],
            ),
          ),
        ),
      )([tx]);
      batchNormBackward({ x: placed(memory, x), dy: placed(memory, dy), stats, y: yRelu }, { rows, channels: c }, fused, {
        dx,
        dgamma,
        dbeta,
      });
      assertClose(dx, values(gxRelu!), 'fused input gradient');
    });
  }
}

for (const [kind, memory] of MEMORIES)
  test(`BatchNormalization inference (${kind}) uses the moving statistics like tf.batchNorm`, () => {
    const [n, h, w, c] = [2, 3, 3, 4];
    const x = randomArray(n * h * w * c, 5, 2);
    const gamma = randomArray(c, 6);
    const beta = randomArray(c, 7);
    const movingMean = randomArray(c, 8);
    const movingVariance = randomArray(c, 9).map((v) => v + 1.5);
    const expected = tf.batchNorm(tf.tensor4d(x, [n, h, w, c]), movingMean, movingVariance, beta, gamma, 1e-3);
    const y = memory.f32(x.length);
    batchNormInferenceForward(
      placed(memory, x),
      { rows: n * h * w, channels: c },
      { gamma, beta, epsilon: 1e-3, movingMean, movingVariance },
      y,
    );
    assertClose(y, values(expected), 'forward');
  });

for (const [kind, memory] of MEMORIES)
  for (const max of [null, 0.6]) {
    test(`ReLU (maxValue ${max}, ${kind}) forward and gradient match tf.relu/tf.clipByValue, including x = 0 and x = max`, () => {
      const x = randomArray(200, 10);
      x[0] = 0;
      x[1] = 0.6;
      x[2] = -0;
      const dy = randomArray(200, 11);
      const op = (a: tf.Tensor) => (max === null ? tf.relu(a) : tf.clipByValue(tf.relu(a), 0, max));
      const tx = tf.tensor1d(x);
      const [gx] = tf.grads((a: tf.Tensor) => tf.sum(tf.mul(op(a), tf.tensor1d(dy))))([tx]);
      const y = memory.f32(200);
      const dx = memory.f32(200);
      reluForward(placed(memory, x), 200, max ?? Infinity, y);
      reluBackward(placed(memory, x), placed(memory, dy), 200, max ?? Infinity, dx);
      // Exact up to the sign of zero (TF.js multiplies dy by 0 and may give -0).
      assertClose(y, values(op(tx)), 'forward', 0);
      assertClose(dx, values(gx!), 'input gradient', 0);
    });
  }

for (const [kind, memory] of MEMORIES)
  test(`ZeroPadding2D (${kind}) forward and gradient match tf.pad`, () => {
    const [n, h, w, c] = [2, 4, 5, 3];
    const padding: [[number, number], [number, number]] = [
      [1, 2],
      [0, 3],
    ];
    const x = randomArray(n * h * w * c, 12);
    const outSize = n * (h + 3) * (w + 3) * c;
    const dy = randomArray(outSize, 13);
    const op = (a: tf.Tensor) => tf.pad(a, [[0, 0], padding[0], padding[1], [0, 0]]);
    const tx = tf.tensor4d(x, [n, h, w, c]);
    const [gx] = tf.grads((a: tf.Tensor) => tf.sum(tf.mul(op(a), tf.tensor4d(dy, [n, h + 3, w + 3, c]))))([tx]);
    const y = memory.f32(outSize).fill(7); // stale values must be overwritten with zeros
    const dx = memory.f32(x.length);
    zeroPadForward(placed(memory, x), { n, h, w, c }, padding, y);
    zeroPadBackward(placed(memory, dy), { n, h, w, c }, padding, dx);
    assert.deepEqual(Array.from(y), Array.from(values(op(tx))));
    assert.deepEqual(Array.from(dx), Array.from(values(gx!)));
  });

for (const [kind, memory] of MEMORIES)
  test(`GlobalAveragePooling2D (${kind}) forward and gradient match tf.mean over H, W`, () => {
    const [n, h, w, c] = [3, 4, 4, 5];
    const x = randomArray(n * h * w * c, 14);
    const dy = randomArray(n * c, 15);
    const tx = tf.tensor4d(x, [n, h, w, c]);
    const [gx] = tf.grads((a: tf.Tensor) => tf.sum(tf.mul(tf.mean(a, [1, 2]), tf.tensor2d(dy, [n, c]))))([tx]);
    const y = memory.f32(n * c);
    const dx = memory.f32(x.length);
    globalAveragePoolForward(placed(memory, x), { n, positions: h * w, c }, y);
    globalAveragePoolBackward(placed(memory, dy), { n, positions: h * w, c }, dx);
    assertClose(y, values(tf.mean(tx, [1, 2])), 'forward');
    assertClose(dx, values(gx!), 'input gradient');
  });

test('softmax cross-entropy: mean loss, hits and logits gradient match tf.losses.softmaxCrossEntropy', () => {
  const [n, classes] = [7, 10];
  const logits = randomArray(n * classes, 16, 8);
  logits[3] = 60; // a large logit: the log-softmax must stay finite
  const labels = Int32Array.from([0, 3, 9, 2, 2, 5, 1]);
  const tl = tf.tensor2d(logits, [n, classes]);
  const onehot = tf.oneHot(tf.tensor1d(labels, 'int32'), classes);
  const loss = tf.losses.softmaxCrossEntropy(onehot, tl);
  const [gl] = tf.grads((a: tf.Tensor) => tf.losses.softmaxCrossEntropy(onehot, a))([tl]);
  const hits = values(tf.sum(tf.cast(tf.equal(tf.argMax(tl, 1), tf.tensor1d(labels, 'int32')), 'float32')))[0];
  const dLogits = new Float32Array(n * classes);
  const result = softmaxCrossEntropy(logits, labels, { n, classes }, dLogits);
  assertClose([result.loss], values(loss), 'loss');
  assert.equal(result.correct, hits);
  assertClose(dLogits, values(gl!), 'logits gradient');
  assert.throws(() => softmaxCrossEntropy(logits, Int32Array.from([10, 0, 0, 0, 0, 0, 0]), { n, classes }, null), /Label 10/);
});

for (const [kind, memory] of MEMORIES)
  test(`Adam (${kind}): five steps match tf.train.adam(1e-3, 0.9, 0.999, 1e-7) on the same gradients`, () => {
    const start = randomArray(50, 17);
    const grads = [0, 1, 2, 3, 4].map((k) => randomArray(50, 20 + k, k === 2 ? 1e-6 : 1));
    const variable = tf.variable(tf.tensor1d(start));
    const optimizer = tf.train.adam(KERAS_ADAM.learningRate, KERAS_ADAM.beta1, KERAS_ADAM.beta2, KERAS_ADAM.epsilon);
    const ours = { values: placed(memory, start), grad: memory.f64(50) };
    const adam = new AdamState(KERAS_ADAM, [50], memory);
    for (const g of grads) {
      optimizer.applyGradients([{ name: variable.name, tensor: tf.tensor1d(g) }]);
      ours.grad.set(g);
      adam.apply([ours]);
    }
    // The updates are ~1e-3 per step; compare them with a tolerance well below that.
    assertClose(ours.values, values(variable), 'weights after 5 steps', 1e-6);
  });
