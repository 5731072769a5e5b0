import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertToTflite } from '../../electron/core/tflite/convert';
import { readConversionMetadata } from '../../electron/core/tflite/conversion-metadata';
import { readTflite } from '../../electron/core/tflite/read-model';
import { denseFloats } from '../../electron/core/tflite/tensor-values';
import type { TfliteModel, TfliteTensor } from '../../electron/core/tflite/model-types';
import { testModel } from './test-model';

const { spec, weights } = testModel(3);
const bytes = convertToTflite(spec, weights, { sparse: false }).bytes;
const model = readTflite(bytes, 'dense.tflite');
const sg = model.subgraphs[0]!;
const ops = sg.operators;
const tensor = (i: number | undefined): TfliteTensor => sg.tensors[i!]!;
const ints = (m: TfliteModel, t: TfliteTensor): number[] => {
  const d = m.buffers[t.buffer]!.data;
  return Array.from({ length: d.length / 4 }, (_, i) => new DataView(d.buffer, d.byteOffset).getInt32(i * 4, true));
};

test('dense: the reference table op list, op codes and versions', () => {
  assert.deepEqual(
    ops.map((o) => o.opName),
    [
      'PAD',
      'CONV_2D',
      'DEPTHWISE_CONV_2D',
      'CONV_2D',
      'PAD',
      'DEPTHWISE_CONV_2D',
      'CONV_2D',
      'MEAN',
      'RESHAPE',
      'FULLY_CONNECTED',
    ],
  );
  assert.deepEqual(
    model.operatorCodes.map((c) => [c.name, c.builtinCode, c.deprecatedBuiltinCode, c.version]),
    [
      ['PAD', 34, 34, 1],
      ['CONV_2D', 3, 3, 1],
      ['DEPTHWISE_CONV_2D', 4, 4, 1],
      ['MEAN', 40, 40, 1],
      ['RESHAPE', 22, 22, 1],
      ['FULLY_CONNECTED', 9, 9, 1],
    ],
  );
  assert.equal(model.version, 3);
  assert.equal(model.description, 'MLIR Converted.');
  assert.equal(sg.name, 'main');
});

test('dense: options as the converter writes them', () => {
  const conv = (padding: string, stride: number) => ({
    padding,
    stride_w: stride,
    stride_h: stride,
    fused_activation_function: 'RELU',
    dilation_w_factor: 1,
    dilation_h_factor: 1,
  });
  const dw = (padding: string, stride: number) => ({ ...conv(padding, stride), depth_multiplier: 1 });
  assert.deepEqual(ops[1]!.options, conv('VALID', 2));
  assert.deepEqual(ops[2]!.options, dw('SAME', 1));
  assert.deepEqual(ops[3]!.options, conv('VALID', 1));
  assert.deepEqual(ops[5]!.options, dw('VALID', 2));
  assert.deepEqual(ops[6]!.options, conv('VALID', 1));
  assert.equal(ops[0]!.optionsType, 'PadOptions');
  assert.deepEqual(ops[7]!.options, { keep_dims: true });
  assert.equal(ops[8]!.optionsType, 'NONE', 'RESHAPE has no options; the shape is input 1');
  assert.equal(ops[9]!.options.fused_activation_function, 'NONE');
  assert.equal(ops[9]!.options.keep_num_dims, false);
});

test('dense: shapes, shape signatures and constant inputs of the reference table', () => {
  const outShapes = ops.map((o) => tensor(o.outputs[0]).shape);
  assert.deepEqual(outShapes, [
    [1, 34, 34, 3],
    [1, 16, 16, 8],
    [1, 16, 16, 8],
    [1, 16, 16, 16],
    [1, 18, 18, 16],
    [1, 8, 8, 16],
    [1, 8, 8, 32],
    [1, 1, 1, 32],
    [1, 32],
    [1, 10],
  ]);
  for (const o of ops) assert.equal(tensor(o.outputs[0]).shapeSignature![0], -1);
  assert.deepEqual(tensor(sg.inputs[0]).shape, [1, 32, 32, 3]);
  assert.deepEqual(tensor(sg.inputs[0]).shapeSignature, [-1, 32, 32, 3]);
  assert.deepEqual(
    ops.filter((o) => o.inputs.length === 3).map((o) => [tensor(o.inputs[1]).shape, tensor(o.inputs[2]).shape]),
    [
      [[8, 3, 3, 3], [8]],
      [[1, 3, 3, 8], [8]],
      [[16, 1, 1, 8], [16]],
      [[1, 3, 3, 16], [16]],
      [[32, 1, 1, 16], [32]],
      [[10, 32], [10]],
    ],
  );
  for (const o of ops)
    for (const i of o.inputs.slice(1)) assert.equal(tensor(i).shapeSignature, undefined, 'constants carry no signature');
  assert.equal(ops[0]!.inputs[1], ops[4]!.inputs[1], 'identical paddings share one tensor');
  assert.deepEqual(ints(model, tensor(ops[0]!.inputs[1])), [0, 0, 1, 1, 1, 1, 0, 0]);
  assert.deepEqual(ints(model, tensor(ops[7]!.inputs[1])), [1, 2]);
  assert.deepEqual(ints(model, tensor(ops[8]!.inputs[1])), [-1, 32]);
  assert.equal(tensor(ops[0]!.inputs[1]).type, 'int32');
});

test('dense: batch norm folded per output channel, Keras layouts transposed', () => {
  const w = (n: string) => weights.get(n).values;
  const fold = (layer: string, bn: string, channels: number, outOf: (i: number) => number, kernel: Float32Array) => {
    const m = Array.from({ length: channels }, (_, o) => w(`${bn}/gamma`)[o]! / Math.sqrt(w(`${bn}/moving_variance`)[o]! + 1e-3));
    const filter = kernel.map((v, i) => v * m[outOf(i)]!);
    const bias = m.map((mo, o) => w(`${layer}/bias`)[o]! * mo + w(`${bn}/beta`)[o]! - w(`${bn}/moving_mean`)[o]! * mo);
    return { filter, bias };
  };
  const close = (actual: Float32Array, expected: ArrayLike<number>, what: string) => {
    assert.equal(actual.length, expected.length, what);
    for (let i = 0; i < actual.length; i++)
      assert.ok(Math.abs(actual[i]! - expected[i]!) <= 1e-6 * Math.max(1, Math.abs(expected[i]!)), `${what}[${i}]`);
  };
  // Stem conv: Keras [3,3,3,8] HWIO -> OHWI.
  const k = w('conv2d/kernel');
  const ohwi = new Float32Array(k.length);
  for (let y = 0; y < 3; y++)
    for (let x = 0; x < 3; x++)
      for (let i = 0; i < 3; i++)
        for (let o = 0; o < 8; o++) ohwi[((o * 3 + y) * 3 + x) * 3 + i] = k[((y * 3 + x) * 3 + i) * 8 + o]!;
  const stem = fold('conv2d', 'batch_normalization', 8, (i) => Math.floor(i / 27), ohwi);
  close(denseFloats(model, tensor(ops[1]!.inputs[1]))!, stem.filter, 'stem filter');
  close(denseFloats(model, tensor(ops[1]!.inputs[2]))!, stem.bias, 'stem bias');
  // Depthwise: same memory layout, output channel = last index.
  const dw = fold('depthwise_conv2d', 'batch_normalization_1', 8, (i) => i % 8, w('depthwise_conv2d/depthwise_kernel'));
  close(denseFloats(model, tensor(ops[2]!.inputs[1]))!, dw.filter, 'depthwise filter');
  close(denseFloats(model, tensor(ops[2]!.inputs[2]))!, dw.bias, 'depthwise bias');
  // Dense: [32,10] -> [10,32], no batch norm.
  const fc = denseFloats(model, tensor(ops[9]!.inputs[1]))!;
  const dk = w('dense/kernel');
  for (let o = 0; o < 10; o++) for (let i = 0; i < 32; i++) assert.equal(fc[o * 32 + i], dk[i * 10 + o]);
  assert.deepEqual(Array.from(denseFloats(model, tensor(ops[9]!.inputs[2]))!), Array.from(w('dense/bias')));
});

test('dense: buffers (0 empty, one per tensor, 16-byte aligned data), metadata and signature', () => {
  assert.equal(model.buffers[0]!.data.length, 0);
  for (const t of sg.tensors) assert.ok(t.buffer >= 1);
  for (const b of model.buffers) if (b.data.length > 0) assert.equal(b.fileOffset % 16, 0);
  const activations = sg.tensors.filter((t) => t.shapeSignature);
  for (const t of activations) assert.equal(model.buffers[t.buffer]!.data.length, 0);
  assert.equal(new Set(activations.map((t) => t.buffer)).size, activations.length, 'each activation has its own empty buffer');
  assert.deepEqual(
    model.metadata.map((m) => m.name),
    ['min_runtime_version', 'CONVERSION_METADATA'],
  );
  const runtime = model.buffers[model.metadata[0]!.buffer]!.data;
  assert.equal(runtime.length, 16);
  assert.equal(new TextDecoder().decode(runtime).replace(/\0+$/, ''), '1.6.0');
  const meta = readConversionMetadata(model.buffers[model.metadata[1]!.buffer]!.data, 'x');
  assert.equal(meta.apiVersion, 2);
  assert.equal(meta.modelType, 2);
  assert.deepEqual(meta.optimizationModes, []);
  assert.equal(model.signatures.length, 1);
  const sig = model.signatures[0]!;
  assert.equal(sig.key, 'serving_default');
  assert.deepEqual(sig.inputs, [{ name: 'input_1', tensorIndex: sg.inputs[0] }]);
  assert.deepEqual(sig.outputs, [{ name: 'dense', tensorIndex: sg.outputs[0] }]);
  assert.deepEqual(sg.outputs, ops[9]!.outputs);
});

test('without keepdims: MEAN keep_dims=false and no RESHAPE (Flatten of a [batch, n] tensor is an identity)', () => {
  const flat = testModel(3, 0.75, false);
  const m = readTflite(convertToTflite(flat.spec, flat.weights, { sparse: false }).bytes, 'flat.tflite');
  const list = m.subgraphs[0]!.operators;
  assert.deepEqual(
    list.slice(7).map((o) => o.opName),
    ['MEAN', 'FULLY_CONNECTED'],
  );
  assert.deepEqual(list[7]!.options, { keep_dims: false });
  assert.deepEqual(m.subgraphs[0]!.tensors[list[7]!.outputs[0]!]!.shape, [1, 32]);
  assert.equal(list[8]!.inputs[0], list[7]!.outputs[0]);
});
