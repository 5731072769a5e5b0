import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import type { ConvPadding, Pair } from '../../shared/model-spec';
import { ACTIVATIONS } from '../../shared/model-spec';
import {
  activationBackward,
  activationForward,
  backwardNeedsOnlyOutput,
  leakyReluBackward,
  leakyReluForward,
  type ReluOptions,
} from '../../electron/core/train/fast/activations';
import { depthwiseBackward, depthwiseForward } from '../../electron/core/train/fast/depthwise-conv2d';
import { DropoutMasks, dropoutBackward, dropoutForward } from '../../electron/core/train/fast/dropout';
import { convGeometry } from '../../electron/core/train/fast/geometry';
import { broadcastPlan, mergeBackward, mergeForward, type MergeOp } from '../../electron/core/train/fast/merge';
import { rescalingBackward, rescalingForward } from '../../electron/core/train/fast/rescaling';
import { assertClose, randomArray, useTfjsCpu, values } from './compare';
import { kerasRelu, TF_ACTIVATIONS } from './tf-ops';

before(useTfjsCpu);

/** dLoss/dx of sum(op(x) * dy) by TF.js autodiff. */
function tfGradient(op: (t: tf.Tensor) => tf.Tensor, x: tf.Tensor, dy: tf.Tensor): Float32Array {
  const [g] = tf.grads((a: tf.Tensor) => tf.sum(tf.mul(op(a), dy)))([x]);
  return values(g!);
}

/** Values in [-8, 8] plus every kink of the activations above, exactly. */
function activationInputs(size: number, seed: number): Float32Array {
  const x = randomArray(size, seed, 8);
  [0, -0, 6, -3, 3, 7, -4, 1e-8, -30, 30].forEach((v, i) => (x[i] = v));
  return x;
}

for (const activation of ACTIVATIONS) {
  test(`Activation ${activation}: forward and gradient match TF.js autodiff, kinks included`, () => {
    const size = 300;
    const x = activationInputs(size, 40);
    const dy = randomArray(size, 41);
    const tx = tf.tensor1d(x);
    const op = TF_ACTIVATIONS[activation];
    const y = new Float32Array(size);
    activationForward(activation, x, size, y);
    assertClose(y, values(op(tx)), 'forward', 1e-6);
    const dx = new Float32Array(size);
    activationBackward(activation, { x, y, dy }, size, dx);
    assertClose(dx, tfGradient(op, tx, tf.tensor1d(dy)), 'input gradient', 1e-6);

    // In place (the way the engine runs them when it can).
    const inPlace = x.slice();
    activationForward(activation, inPlace, size, inPlace);
    assert.deepEqual(inPlace, y);
    const grad = dy.slice();
    activationBackward(activation, { x: backwardNeedsOnlyOutput(activation) ? y : x, y, dy: grad }, size, grad);
    assert.deepEqual(grad, dx);
  });
}

const RELU_CASES: { options: ReluOptions; kinks: boolean }[] = [
  { options: { maxValue: null, negativeSlope: 0, threshold: 0 }, kinks: true },
  { options: { maxValue: 6, negativeSlope: 0, threshold: 0 }, kinks: true },
  { options: { maxValue: 0.6, negativeSlope: 0, threshold: 0 }, kinks: true },
  { options: { maxValue: null, negativeSlope: 0.1, threshold: 0 }, kinks: true },
  // Keras' own formulas disagree with each other at the kinks of these (0 vs the slope): compared between kinks.
  { options: { maxValue: 6, negativeSlope: 0.2, threshold: 0 }, kinks: false },
  { options: { maxValue: 4, negativeSlope: 0.1, threshold: 0.5 }, kinks: false },
  { options: { maxValue: null, negativeSlope: 0, threshold: 1 }, kinks: false },
];

for (const { options, kinks } of RELU_CASES) {
  const label = `max_value ${options.maxValue}, negative_slope ${options.negativeSlope}, threshold ${options.threshold}`;
  test(`ReLU ${label}: forward and gradient match Keras' formula in TF.js ops${kinks ? ', kinks included' : ''}`, () => {
    const size = 300;
    const x = randomArray(size, 50, 8);
    if (kinks) [0, -0, options.maxValue ?? 1, 6, -1].forEach((v, i) => (x[i] = v));
    const dy = randomArray(size, 51);
    const tx = tf.tensor1d(x);
    const y = new Float32Array(size);
    const dx = new Float32Array(size);
    leakyReluForward(options, x, size, y);
    leakyReluBackward(options, x, dy, size, dx);
    assertClose(y, values(kerasRelu(tx, options)), 'forward', 1e-6);
    assertClose(dx, tfGradient((t) => kerasRelu(t, options), tx, tf.tensor1d(dy)), 'input gradient', 1e-6);
  });
}

const MERGE_CASES: { label: string; shapes: number[][] }[] = [
  { label: 'equal shapes [4,5,3]', shapes: [[4, 5, 3], [4, 5, 3]] },
  { label: 'three inputs', shapes: [[3, 3, 4], [3, 3, 4], [3, 3, 4]] },
  { label: 'squeeze-excite [1,1,C] x [H,W,C]', shapes: [[1, 1, 6], [4, 3, 6]] },
  { label: 'squeeze-excite [H,W,C] x [1,1,C]', shapes: [[4, 3, 6], [1, 1, 6]] },
  { label: 'per-position gate [H,W,1] x [H,W,C] x [1,1,C]', shapes: [[2, 3, 1], [2, 3, 5], [1, 1, 5]] },
  { label: 'flat [C] x [C]', shapes: [[7], [7]] },
];

for (const op of ['add', 'multiply'] as MergeOp[]) {
  for (const { label, shapes } of MERGE_CASES) {
    test(`${op === 'add' ? 'Add' : 'Multiply'} ${label}: forward and every input's gradient match TF.js broadcasting`, () => {
      const n = 3;
      const plan = broadcastPlan(shapes);
      const xs = shapes.map((s, i) => randomArray(n * s.reduce((a, b) => a * b, 1), 60 + i, 2));
      const dy = randomArray(n * plan.outSize, 70);
      const txs = shapes.map((s, i) => tf.tensor(xs[i]!, [n, ...s]));
      const tfOp = (...ts: tf.Tensor[]) => ts.reduce((a, b) => (op === 'add' ? tf.add(a, b) : tf.mul(a, b)));
      const expected = tfOp(...txs);
      assert.deepEqual(expected.shape, [n, ...plan.outShape]);
      const grads = tf.grads((...ts: tf.Tensor[]) => tf.sum(tf.mul(tfOp(...ts), tf.tensor(dy, expected.shape))))(txs);

      const y = new Float32Array(n * plan.outSize);
      mergeForward(op, plan, xs, n, y);
      assertClose(y, values(expected), 'forward', 1e-6);
      const dxs = xs.map((x) => new Float32Array(x.length).fill(9)); // stale values must be overwritten
      mergeBackward(op, plan, { xs, dy }, n, dxs);
      dxs.forEach((dx, i) => assertClose(dx, values(grads[i]!), `gradient of input ${i}`, 1e-5));
      // An input that needs no gradient is skipped.
      mergeBackward(op, plan, { xs, dy }, n, [null, ...dxs.slice(1)]);
    });
  }
}

test('Multiply and Add refuse shapes that do not broadcast', () => {
  assert.throws(() => broadcastPlan([[4, 4, 3], [2, 2, 3]]), /do not broadcast/);
});

test('Dropout: kept values are scaled as tf.dropout scales them, and the gradient matches tf.dropout autodiff', () => {
  const rate = 0.3;
  const size = 4000;
  const x = randomArray(size, 80, 3);
  const dy = randomArray(size, 81);
  const masks = new DropoutMasks(rate, 5);
  const mask = masks.draw(8, size / 8);
  const y = new Float32Array(size);
  dropoutForward(x, mask, size, y);

  // tf.dropout with a seed draws its own mask; where both keep a value, the outputs agree exactly.
  const tx = tf.tensor1d(x);
  const stock = values(tf.dropout(tx, rate, undefined, 11));
  let both = 0;
  for (let i = 0; i < size; i++) {
    if (stock[i] !== 0 && y[i] !== 0) {
      both++;
      assert.equal(y[i], stock[i]);
    }
  }
  assert.ok(both > size / 3, `only ${both} values kept by both`);
  const dropped = mask.subarray(0, size).filter((m) => m === 0).length / size;
  assert.ok(Math.abs(dropped - rate) < 0.03, `dropped ${dropped}, rate ${rate}`);

  // The gradient of tf.dropout (same seed = same mask every call) equals dropoutBackward with that mask.
  const stockMask = Float32Array.from(stock, (v, i) => v / x[i]!);
  const expected = tfGradient((t) => tf.dropout(t, rate, undefined, 11), tx, tf.tensor1d(dy));
  const dx = new Float32Array(size);
  dropoutBackward(dy, Float32Array.from(stockMask, (m) => (m === 0 ? 0 : Math.fround(1 / 0.7))), size, dx);
  assertClose(dx, expected, 'input gradient', 1e-6);
});

test('Dropout masks are reproducible for a seed, fresh on every draw, and the same for a batch split in shards', () => {
  const a = new DropoutMasks(0.5, 3);
  const b = new DropoutMasks(0.5, 3);
  const first = a.draw(5, 20).slice(0, 100);
  assert.deepEqual(b.draw(5, 20).slice(0, 100), first);
  assert.notDeepEqual(a.draw(5, 20).slice(0, 100), first);
  assert.notDeepEqual(new DropoutMasks(0.5, 4).draw(5, 20).slice(0, 100), first);
  // Rows 2..4 of step 0 drawn on their own (as a second thread's shard would) equal those rows of the whole batch.
  assert.deepEqual(new DropoutMasks(0.5, 3).draw(3, 20, { step: 0, firstRow: 2 }).slice(0, 60), first.slice(40, 100));
  assert.throws(() => new DropoutMasks(1, 0), /rate/);
});

test('Rescaling forward and gradient match tf.add(tf.mul(x, scale), offset)', () => {
  const size = 200;
  const x = randomArray(size, 90, 255);
  const dy = randomArray(size, 91);
  const [scale, offset] = [1 / 127.5, -1];
  const op = (t: tf.Tensor) => tf.add(tf.mul(t, scale), offset);
  const tx = tf.tensor1d(x);
  const y = new Float32Array(size);
  const dx = new Float32Array(size);
  rescalingForward(x, size, scale, offset, y);
  rescalingBackward(dy, size, scale, dx);
  assertClose(y, values(op(tx)), 'forward', 1e-6);
  assertClose(dx, tfGradient(op, tx, tf.tensor1d(dy)), 'input gradient', 1e-6);
});

const DEPTHWISE_5X5: { label: string; input: [number, number, number]; strides: Pair; padding: ConvPadding; m: number }[] = [
  { label: 'stride 1 same, 16 channels (generated kernel)', input: [8, 8, 16], strides: [1, 1], padding: 'same', m: 1 },
  { label: 'stride 2 same, even size (generated kernel)', input: [8, 8, 8], strides: [2, 2], padding: 'same', m: 1 },
  { label: 'stride 2 same, odd size (generated kernel)', input: [7, 9, 4], strides: [2, 2], padding: 'same', m: 1 },
  { label: 'stride 2 valid (generated kernel)', input: [9, 9, 4], strides: [2, 2], padding: 'valid', m: 1 },
  { label: 'stride 1 same, 72 channels (loops)', input: [6, 6, 72], strides: [1, 1], padding: 'same', m: 1 },
  { label: 'stride 2 same, multiplier 2 (loops)', input: [7, 7, 3], strides: [2, 2], padding: 'same', m: 2 },
];

for (const c of DEPTHWISE_5X5) {
  test(`DepthwiseConv2D 5x5 ${c.label}: forward and gradients match tf.depthwiseConv2d`, () => {
    const n = 2;
    const [, , inC] = c.input;
    const outC = inC * c.m;
    const g = convGeometry({ inShape: c.input, outC, kernel: [5, 5], strides: c.strides, dilation: [1, 1], padding: c.padding }, n);
    const x = randomArray(n * c.input.reduce((a, b) => a * b, 1), 100);
    const w = randomArray(25 * outC, 101, 0.5);
    const bias = randomArray(outC, 102);
    const dy = randomArray(n * g.outH * g.outW * outC, 103);
    const tx = tf.tensor4d(x, [n, ...c.input]);
    const tw = tf.tensor4d(w, [5, 5, inC, c.m]);
    const tb = tf.tensor1d(bias);
    const op = (a: tf.Tensor, k: tf.Tensor, b: tf.Tensor) =>
      tf.add(tf.depthwiseConv2d(a as tf.Tensor4D, k as tf.Tensor4D, c.strides, c.padding), b);
    const expected = op(tx, tw, tb);
    assert.deepEqual(expected.shape, [n, g.outH, g.outW, outC]);
    const [gx, gw, gb] = tf.grads((a: tf.Tensor, k: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(op(a, k, b), tf.tensor(dy, expected.shape))),
    )([tx, tw, tb]);
    const y = new Float32Array(dy.length);
    const dx = new Float32Array(x.length);
    const dw = new Float64Array(w.length);
    const dbias = new Float64Array(outC);
    depthwiseForward(g, x, w, bias, y);
    depthwiseBackward(g, { x, w, dy }, dx, { dw, dbias });
    assertClose(y, values(expected), 'forward');
    assertClose(dx, values(gx!), 'input gradient');
    assertClose(dw, values(gw!), 'kernel gradient');
    assertClose(dbias, values(gb!), 'bias gradient');
  });
}
