// tf.keras 2 writes TensorFlow ops on Keras tensors as TFOpLambda layers (keras.applications' MobileNetV3 builds
// hard_sigmoid as ReLU(6.)(x + 3.) * (1. / 6.)). The common ones import as spec layers computing the same; the
// imported model is checked against stock TF.js ops computing the Keras graph directly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { importModel } from '../../electron/core/import/import-model';
import { importInputFromPath } from '../../electron/core/import/import-path';
import { checkXnnpack } from '../../electron/core/prune';
import { UserError } from '../../electron/core/util/errors';
import { createRng } from '../../electron/core/util/rng';
import { writeLegacyH5 } from './fixture-files';
import { maxAbsDiff, predictSpec } from './predict';
import { inputBatch, type NamedArray } from './reference-model';

type Entry = { class_name: string; name: string; config: Record<string, unknown>; inbound_nodes: unknown[] };

const call = (name: string, kwargs: Record<string, unknown> = {}): unknown[] => [[[name, 0, 0, kwargs]]];
/** A TFOpLambda as tf.keras 2.15 saves `x + 3.` (function '__operators__.add', the constant in the call's kwargs). */
function tfOp(name: string, fn: string, input: string, kwargs: Record<string, unknown> = {}): Entry {
  return {
    class_name: 'TFOpLambda',
    name,
    config: { name, trainable: true, dtype: 'float32', function: fn },
    inbound_nodes: call(input, { ...kwargs, name: null }),
  };
}

function topology(extra: Entry[] = []): { class_name: string; config: Record<string, unknown> } {
  const layers: Entry[] = [
    {
      class_name: 'InputLayer',
      name: 'input_1',
      config: { batch_input_shape: [null, 6, 6, 3], dtype: 'float32', sparse: false, ragged: false, name: 'input_1' },
      inbound_nodes: [],
    },
    {
      class_name: 'Conv2D',
      name: 'conv',
      config: { name: 'conv', filters: 4, kernel_size: [3, 3], strides: [1, 1], padding: 'same', data_format: 'channels_last', dilation_rate: [1, 1], groups: 1, activation: 'linear', use_bias: true },
      inbound_nodes: call('input_1'),
    },
    // hard_swish(conv) = conv * (relu6(conv + 3) * (1/6)), as keras.applications.MobileNetV3 builds it.
    tfOp('tf.__operators__.add', '__operators__.add', 'conv', { y: 3.0 }),
    { class_name: 'ReLU', name: 're_lu', config: { name: 're_lu', max_value: 6.0, negative_slope: 0.0, threshold: 0.0 }, inbound_nodes: call('tf.__operators__.add') },
    tfOp('tf.math.multiply', 'math.multiply', 're_lu', { y: 0.16666666666666666 }),
    { class_name: 'Multiply', name: 'multiply', config: { name: 'multiply' }, inbound_nodes: [[['conv', 0, 0, {}], ['tf.math.multiply', 0, 0, {}]]] },
    tfOp('tf.nn.relu6', 'nn.relu6', 'multiply'),
    tfOp('tf.math.sigmoid', 'math.sigmoid', 'tf.nn.relu6'),
    // Two tensors: `a * b` and `a + b` record the second operand as a kwarg tensor reference.
    tfOp('tf.math.multiply_1', 'math.multiply', 'tf.math.sigmoid', { y: ['conv', 0, 0] }),
    tfOp('tf.__operators__.add_1', '__operators__.add', 'tf.math.multiply_1', { y: ['multiply', 0, 0] }),
    tfOp('tf.nn.relu', 'nn.relu', 'tf.__operators__.add_1'),
    ...extra,
    {
      class_name: 'GlobalAveragePooling2D',
      name: 'pool',
      config: { name: 'pool', data_format: 'channels_last', keepdims: false },
      inbound_nodes: call(extra.at(-1)?.name ?? 'tf.nn.relu'),
    },
    { class_name: 'Dense', name: 'logits', config: { name: 'logits', units: 5, activation: 'linear', use_bias: true }, inbound_nodes: call('pool') },
  ];
  return {
    class_name: 'Functional',
    config: { name: 'ops', layers, input_layers: [['input_1', 0, 0]], output_layers: [['logits', 0, 0]] },
  };
}

function weights(): { group: string; weights: NamedArray[] }[] {
  const rng = createRng(9);
  const tensor = (name: string, shape: number[]): NamedArray => ({
    name,
    shape,
    values: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (rng.next() - 0.5) * 2),
  });
  return [
    { group: 'conv', weights: [tensor('conv/kernel', [3, 3, 3, 4]), tensor('conv/bias', [4])] },
    { group: 'logits', weights: [tensor('logits/kernel', [4, 5]), tensor('logits/bias', [5])] },
  ];
}

/** The Keras graph computed with stock TF.js ops, op for op. */
function reference(x: tf.Tensor4D, groups: { group: string; weights: NamedArray[] }[]): Float32Array {
  const w = (name: string): tf.Tensor => {
    const a = groups.flatMap((g) => g.weights).find((n) => n.name === name)!;
    return tf.tensor(a.values, a.shape);
  };
  return tf.tidy(() => {
    const conv = tf.add(tf.conv2d(x, w('conv/kernel') as tf.Tensor4D, 1, 'same'), w('conv/bias'));
    const hardSigmoid = tf.mul(tf.relu6(tf.add(conv, 3)), 0.16666666666666666);
    const multiply = tf.mul(conv, hardSigmoid);
    const sig = tf.sigmoid(tf.relu6(multiply));
    const out = tf.relu(tf.add(tf.mul(sig, conv), multiply));
    const pooled = tf.mean(out, [1, 2]);
    return tf.add(tf.matMul(pooled as tf.Tensor2D, w('logits/kernel') as tf.Tensor2D), w('logits/bias')).dataSync() as Float32Array;
  });
}

test("tf.keras TFOpLambda add / multiply / relu / relu6 / sigmoid import as spec layers giving stock TF.js ops' logits", async (t) => {
  await tf.setBackend('cpu');
  const dir = await mkdtemp(join(tmpdir(), 'tf-op-lambda-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const groups = weights();
  const path = await writeLegacyH5(topology(), groups, join(dir, 'ops.h5'));
  const { spec, weights: imported } = await importModel(await importInputFromPath(path));
  const byName = new Map(spec.layers.map((l) => [l.name, l]));
  assert.deepEqual(byName.get('tf.__operators__.add'), { name: 'tf.__operators__.add', inputs: ['conv'], type: 'Rescaling', scale: 1, offset: 3, tfOp: 'add' });
  assert.equal(byName.get('tf.math.multiply')?.type, 'Rescaling');
  assert.deepEqual(byName.get('tf.math.multiply_1'), { name: 'tf.math.multiply_1', inputs: ['tf.math.sigmoid', 'conv'], type: 'Multiply' });
  assert.equal(byName.get('tf.__operators__.add_1')?.type, 'Add');
  assert.deepEqual(byName.get('tf.nn.relu6'), { name: 'tf.nn.relu6', inputs: ['multiply'], type: 'ReLU', maxValue: 6, negativeSlope: 0, threshold: 0 });

  const x = inputBatch([6, 6, 3], 3);
  const diff = maxAbsDiff(predictSpec(spec, imported, x), reference(x, groups));
  assert.ok(diff < 1e-5, `max |Δ logit| ${diff}`);
});

test('other TFOpLambda ops are one clear report naming the layer and the op', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'tf-op-lambda-bad-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const bad = [
    tfOp('tf.math.reduce_mean', 'math.reduce_mean', 'tf.nn.relu', { axis: 3, keepdims: true }),
    tfOp('tf.math.truediv', 'math.truediv', 'tf.math.reduce_mean', { y: 6.0 }),
  ];
  const path = await writeLegacyH5(topology(bad), weights(), join(dir, 'bad.h5'));
  await assert.rejects(
    async () => importModel(await importInputFromPath(path)),
    (e: unknown) =>
      e instanceof UserError &&
      e.code === 'IMPORT_UNSUPPORTED' &&
      /2 unsupported/.test(e.message) &&
      /'tf\.math\.reduce_mean' \(TFOpLambda\): TensorFlow op 'tf\.math\.reduce_mean' with arguments axis, keepdims/.test(e.message) &&
      /'tf\.math\.truediv' \(TFOpLambda\): TensorFlow op 'tf\.math\.truediv' is not supported/.test(e.message) &&
      /Supported TensorFlow ops: /.test(e.message),
  );
});

test("the XNNPACK policy accepts an imported TFOpLambda hard_sigmoid (upstream allows TFOpLambda add / multiply), not a Rescaling", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'tf-op-lambda-policy-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  // ZeroPadding2D(1) + 3x3 stride-2 'valid' stem, hard_swish from TFOpLambdas, a 1x1 conv, GAP keepdims, Dense.
  const k2 = topology();
  const layers = (k2.config.layers as Entry[]).filter((l) => ['input_1', 'tf.__operators__.add', 're_lu', 'tf.math.multiply', 'multiply'].includes(l.name));
  const conv = (name: string, kernel: number, strides: number, padding: string, filters: number, input: string): Entry => ({
    class_name: 'Conv2D',
    name,
    config: { name, filters, kernel_size: [kernel, kernel], strides: [strides, strides], padding, data_format: 'channels_last', dilation_rate: [1, 1], groups: 1, activation: 'linear', use_bias: true },
    inbound_nodes: call(input),
  });
  const model = {
    class_name: 'Functional',
    config: {
      name: 'hard_swish_net',
      layers: [
        layers[0]!,
        { class_name: 'ZeroPadding2D', name: 'stem_pad', config: { name: 'stem_pad', padding: [[1, 1], [1, 1]], data_format: 'channels_last' }, inbound_nodes: call('input_1') },
        conv('conv', 3, 2, 'valid', 4, 'stem_pad'),
        ...layers.slice(1),
        conv('expand', 1, 1, 'valid', 6, 'multiply'),
        { class_name: 'GlobalAveragePooling2D', name: 'pool', config: { name: 'pool', data_format: 'channels_last', keepdims: true }, inbound_nodes: call('expand') },
        { class_name: 'Flatten', name: 'flatten', config: { name: 'flatten', data_format: 'channels_last' }, inbound_nodes: call('pool') },
        { class_name: 'Dense', name: 'logits', config: { name: 'logits', units: 5, activation: 'linear', use_bias: true }, inbound_nodes: call('flatten') },
      ],
      input_layers: [['input_1', 0, 0]],
      output_layers: [['logits', 0, 0]],
    },
  };
  const rng = createRng(4);
  const tensor = (name: string, shape: number[]): NamedArray => ({ name, shape, values: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.next() - 0.5) });
  const groups = [
    { group: 'conv', weights: [tensor('conv/kernel', [3, 3, 3, 4]), tensor('conv/bias', [4])] },
    { group: 'expand', weights: [tensor('expand/kernel', [1, 1, 4, 6]), tensor('expand/bias', [6])] },
    { group: 'logits', weights: [tensor('logits/kernel', [6, 5]), tensor('logits/bias', [5])] },
  ];
  const path = await writeLegacyH5(model, groups, join(dir, 'hard-swish.h5'));
  const { spec } = await importModel(await importInputFromPath(path));
  const check = checkXnnpack(spec);
  assert.equal(check.ok, true, check.message);
  // The same numbers as a Rescaling layer (not a TFOpLambda) are rejected, as upstream rejects Rescaling.
  const asRescaling = {
    ...spec,
    layers: spec.layers.map((l) => (l.type === 'Rescaling' ? { name: l.name, inputs: l.inputs, type: l.type, scale: l.scale, offset: l.offset } : l)),
  };
  const rejected = checkXnnpack(asRescaling);
  assert.equal(rejected.ok, false);
  assert.ok(rejected.diagnostics.some((d) => d.layer === 'tf.__operators__.add'), rejected.diagnostics.map((d) => d.layer).join(', '));
});
