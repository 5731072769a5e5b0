import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import type { ConvPadding, Pair } from '../../shared/model-spec';
import { conv2dBackward, conv2dBackwardLoops, conv2dForward, conv2dForwardLoops } from '../../electron/core/train/fast/conv2d';
import {
  depthwiseBackward,
  depthwiseBackwardLoops,
  depthwiseForward,
  depthwiseForwardLoops,
} from '../../electron/core/train/fast/depthwise-conv2d';
import { convGeometry } from '../../electron/core/train/fast/geometry';
import { assertClose, memories, placed, randomArray, useTfjsCpu, values } from './compare';
import { KernelMemory } from '../../electron/core/train/fast/wasm/kernel-memory';

interface Case {
  label: string;
  n: number;
  input: [number, number, number];
  kernel: Pair;
  strides: Pair;
  padding: ConvPadding;
  dilation?: Pair;
  /** Filters for Conv2D (depthwise cases use multiplier 1, or 2 for every third case). */
  out: number;
  /** Inputs after a ReLU (half zeros), as most layers of the model see them. */
  relu?: boolean;
}

const CASES: Case[] = [
  {
    label: '3x3 stride 2 valid (first conv after padding)',
    n: 2,
    input: [10, 10, 3],
    kernel: [3, 3],
    strides: [2, 2],
    padding: 'valid',
    out: 8,
  },
  { label: '3x3 stride 1 same', n: 2, input: [7, 6, 4], kernel: [3, 3], strides: [1, 1], padding: 'same', out: 5, relu: true },
  { label: '1x1 stride 1 valid', n: 3, input: [5, 5, 8], kernel: [1, 1], strides: [1, 1], padding: 'valid', out: 16, relu: true },
  {
    label: '3x3 stride 2 same, odd size (asymmetric padding)',
    n: 2,
    input: [9, 8, 3],
    kernel: [3, 3],
    strides: [2, 2],
    padding: 'same',
    out: 4,
  },
  {
    label: '3x3 stride 2 same, even size',
    n: 1,
    input: [8, 8, 2],
    kernel: [3, 3],
    strides: [2, 2],
    padding: 'same',
    out: 3,
    relu: true,
  },
  { label: '1x1 stride 2 valid', n: 2, input: [7, 7, 4], kernel: [1, 1], strides: [2, 2], padding: 'valid', out: 6 },
  { label: '2x3 stride (1,2) valid', n: 2, input: [6, 9, 3], kernel: [2, 3], strides: [1, 2], padding: 'valid', out: 2 },
  {
    label: '3x3 dilation 2 same',
    n: 1,
    input: [9, 9, 2],
    kernel: [3, 3],
    strides: [1, 1],
    padding: 'same',
    dilation: [2, 2],
    out: 3,
  },
  {
    label: '3x3 dilation 2 valid',
    n: 2,
    input: [8, 7, 2],
    kernel: [3, 3],
    strides: [1, 1],
    padding: 'valid',
    dilation: [2, 2],
    out: 2,
  },
  // Channel counts of the guide model's later layers, and one that uses every SIMD lane block plus a scalar tail.
  {
    label: '1x1 16 -> 32 channels',
    n: 2,
    input: [8, 8, 16],
    kernel: [1, 1],
    strides: [1, 1],
    padding: 'valid',
    out: 32,
    relu: true,
  },
  {
    label: '3x3 stride 1 same, 29 -> 30 channels',
    n: 2,
    input: [5, 6, 29],
    kernel: [3, 3],
    strides: [1, 1],
    padding: 'same',
    out: 30,
  },
];

before(useTfjsCpu);

function inputs(c: Case, kernelShape: number[], seed: number) {
  const x = randomArray(c.n * c.input[0] * c.input[1] * c.input[2], seed);
  if (c.relu) for (let i = 0; i < x.length; i++) x[i] = Math.max(0, x[i]!);
  const w = randomArray(
    kernelShape.reduce((a, b) => a * b, 1),
    seed + 1,
    0.5,
  );
  return { x, w };
}

function spreadKernel(w: Float32Array, shape: number[], dilation: Pair) {
  const [kh, kw, inner, outer] = shape as [number, number, number, number];
  const sh = (kh - 1) * dilation[0] + 1;
  const sw = (kw - 1) * dilation[1] + 1;
  const values = new Float32Array(sh * sw * inner * outer);
  const depth = inner * outer;
  for (let ky = 0; ky < kh; ky++) {
    for (let kx = 0; kx < kw; kx++) {
      const from = (ky * kw + kx) * depth;
      values.set(w.subarray(from, from + depth), (ky * dilation[0] * sw + kx * dilation[1]) * depth);
    }
  }
  return { values, shape: [sh, sw, inner, outer] as [number, number, number, number] };
}

function gatherTaps(spread: Float32Array, shape: number[], dilation: Pair): Float32Array {
  const [kh, kw, inner, outer] = shape as [number, number, number, number];
  const sw = (kw - 1) * dilation[1] + 1;
  const depth = inner * outer;
  const out = new Float32Array(kh * kw * depth);
  for (let ky = 0; ky < kh; ky++) {
    for (let kx = 0; kx < kw; kx++) {
      const from = (ky * dilation[0] * sw + kx * dilation[1]) * depth;
      out.set(spread.subarray(from, from + depth), (ky * kw + kx) * depth);
    }
  }
  return out;
}

type Forward = typeof conv2dForward;
type Backward = typeof conv2dBackward;
const kernelMemory = memories().find(([name]) => name === 'wasm')?.[1] ?? null;

/** The same entry points on copies of the tensors in a KernelMemory: the WebAssembly SIMD kernels. */
function inKernelMemory(forward: Forward, backward: Backward, depthwise: boolean) {
  const memory = kernelMemory!;
  return {
    forward: ((g, x, w, bias, y) => {
      const out = placed(memory, y);
      const args = [placed(memory, x), placed(memory, w), bias && placed(memory, bias)] as const;
      // Depth multiplier 2 has no WebAssembly kernel (the JavaScript one runs on the same buffers).
      if (!depthwise || g.outC === g.inC) assert.ok(KernelMemory.of(...args, out), 'tensors in one KernelMemory');
      forward(g, ...args, out);
      y.set(out);
    }) satisfies Forward,
    backward: ((g, tensors, dx, grads) => {
      const copies = { x: placed(memory, tensors.x), w: placed(memory, tensors.w), dy: placed(memory, tensors.dy) };
      const outDx = dx && placed(memory, dx);
      const outGrads = { dw: placed(memory, grads.dw), dbias: grads.dbias && placed(memory, grads.dbias) };
      backward(g, copies, outDx, outGrads);
      if (dx && outDx) dx.set(outDx);
      grads.dw.set(outGrads.dw);
      if (grads.dbias && outGrads.dbias) grads.dbias.set(outGrads.dbias);
    }) satisfies Backward,
  };
}

const IMPLEMENTATIONS = {
  ...(kernelMemory
    ? {
        wasm: {
          conv: inKernelMemory(conv2dForward, conv2dBackward, false),
          depthwise: inKernelMemory(depthwiseForward, depthwiseBackward, true),
        },
      }
    : {}),
  // The default entry points use kernels generated per geometry when they can (depth multiplier 1, <= 64 channels).
  generated: {
    conv: { forward: conv2dForward, backward: conv2dBackward },
    depthwise: { forward: depthwiseForward, backward: depthwiseBackward },
  },
  loops: {
    conv: { forward: conv2dForwardLoops, backward: conv2dBackwardLoops },
    depthwise: { forward: depthwiseForwardLoops, backward: depthwiseBackwardLoops },
  },
};

for (const [implementation, kernels] of Object.entries(IMPLEMENTATIONS)) {
  for (const depthwise of [false, true]) {
    for (const [index, c] of CASES.entries()) {
      const multiplier = index % 3 === 2 ? 2 : 1;
      test(`${depthwise ? `DepthwiseConv2D x${multiplier}` : 'Conv2D'} ${c.label} (${implementation}): forward and gradients match TF.js CPU`, () => {
        const dilation = c.dilation ?? [1, 1];
        const [, , inC] = c.input;
        const outC = depthwise ? inC * multiplier : c.out;
        const kernelShape = [c.kernel[0], c.kernel[1], inC, depthwise ? multiplier : c.out];
        const { forward, backward } = depthwise ? kernels.depthwise : kernels.conv;
        const g = convGeometry(
          { inShape: c.input, outC, kernel: c.kernel, strides: c.strides, dilation, padding: c.padding },
          c.n,
        );
        const { x, w } = inputs(c, kernelShape, 100 + index);
        const bias = randomArray(outC, 200 + index);
        const ySize = c.n * g.outH * g.outW * outC;
        const dy = randomArray(ySize, 300 + index);

        // TF.js has no gradients for dilated convolutions; the equivalent undilated kernel (taps spread apart with zeros
        // in between) gives the same forward pass and, at the tap positions, the same kernel gradient.
        const spread = spreadKernel(w, kernelShape, dilation);
        const tx = tf.tensor4d(x, [c.n, ...c.input]);
        const tw = tf.tensor4d(spread.values, spread.shape);
        const tb = tf.tensor1d(bias);
        const tdy = tf.tensor4d(dy, [c.n, g.outH, g.outW, outC]);
        const op = (a: tf.Tensor4D, k: tf.Tensor4D, b: tf.Tensor1D): tf.Tensor4D =>
          tf.add(
            depthwise ? tf.depthwiseConv2d(a, k, c.strides, c.padding, 'NHWC') : tf.conv2d(a, k, c.strides, c.padding, 'NHWC'),
            b,
          );
        const expected = op(tx, tw, tb);
        assert.deepEqual(expected.shape, [c.n, g.outH, g.outW, outC]);
        const [gx, gw, gb] = tf.grads((a: tf.Tensor, k: tf.Tensor, b: tf.Tensor) =>
          tf.sum(tf.mul(op(a as tf.Tensor4D, k as tf.Tensor4D, b as tf.Tensor1D), tdy)),
        )([tx, tw, tb]);

        const y = new Float32Array(ySize);
        const dx = new Float32Array(x.length);
        const dw = new Float64Array(w.length);
        const dbias = new Float64Array(outC);
        forward(g, x, w, bias, y);
        backward(g, { x, w, dy }, dx, { dw, dbias });
        assertClose(y, values(expected), 'forward');
        assertClose(dx, values(gx!), 'input gradient');
        assertClose(dw, gatherTaps(values(gw!), kernelShape, dilation), 'kernel gradient');
        assertClose(dbias, values(gb!), 'bias gradient');

        // Without an input gradient (first layer) the weight gradients are unchanged.
        const dw2 = new Float64Array(w.length);
        backward(g, { x, w, dy }, null, { dw: dw2, dbias: null });
        assertClose(dw2, gatherTaps(values(gw!), kernelShape, dilation), 'kernel gradient without dx');
        tf.dispose([tx, tw, tb, tdy, expected, gx!, gw!, gb!]);
      });
    }
  }
}

test('Conv2D with more output channels than the generated kernels unroll falls back to the loops', () => {
  const g = convGeometry(
    { inShape: [3, 3, 2], outC: 80, kernel: [1, 1], strides: [1, 1], dilation: [1, 1], padding: 'valid' },
    1,
  );
  const x = randomArray(18, 1);
  const w = randomArray(160, 2);
  const y = new Float32Array(9 * 80);
  conv2dForward(g, x, w, null, y);
  const expected = tf.conv2d(tf.tensor4d(x, [1, 3, 3, 2]), tf.tensor4d(w, [1, 1, 2, 80]), 1, 'valid');
  assertClose(y, values(expected), 'forward');
});
