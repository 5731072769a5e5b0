import { test } from 'node:test';
import assert from 'node:assert/strict';
import { profileOnHost } from '../../electron/core/host/profile-run';
import { chainModel } from '../../electron/core/model/chain';
import { convertToTflite } from '../../electron/core/tflite/convert';
import { inspectTfliteBytes } from '../../electron/core/tflite/inspect';
import type { LayerSpec } from '../../shared/model-spec';
import { testModel } from './test-model';

function verdictOf(bytes: Uint8Array) {
  const v = inspectTfliteBytes(bytes, 'x.tflite').sparseInference;
  return { eligible: v.eligible, failing: v.rules.filter((r) => !r.pass).map((r) => r.id), v };
}

test('verdict: the guide model converted sparse passes every rule; dense fails only the DENSIFY rule', () => {
  const { spec, weights } = testModel(4);
  const sparse = verdictOf(convertToTflite(spec, weights, { sparse: true }).bytes);
  assert.deepEqual([sparse.eligible, sparse.failing], [true, []]);
  assert.deepEqual(
    sparse.v.rules.map((r) => r.id),
    ['float-model', 'stem-conv', 'mean-at-end', 'allowed-ops', 'densify-weights', 'zeros-1x1'],
  );
  const dense = verdictOf(convertToTflite(spec, weights, { sparse: false }).bytes);
  assert.deepEqual([dense.eligible, dense.failing], [false, ['densify-weights']]);
  assert.match(dense.v.summary, /--sparse/);
});

test('verdict: 60 % zeros in the 1x1 kernels fails the 2/3 rule with the counts', () => {
  const { spec, weights } = testModel(4, 0.6);
  const v = verdictOf(convertToTflite(spec, weights, { sparse: true }).bytes);
  assert.deepEqual(v.failing, ['zeros-1x1']);
  assert.match(v.v.rules.find((r) => r.id === 'zeros-1x1')!.reason, /^384 of 640 weights are zero/);
});

test('verdict and runtime agree: a stem with TF "same" padding at stride 2 keeps XNNPACK dense', async () => {
  const model = testModel(4);
  const layers = model.spec.layers
    .filter((l) => l.name !== 'zero_padding2d')
    .map((l) => (l.name === 'conv2d' ? { ...l, padding: 'same' } : l)) as LayerSpec[];
  const spec = chainModel(model.spec.name, model.spec.inputShape, layers);
  const bytes = convertToTflite(spec, model.weights, { sparse: true }).bytes;
  const v = verdictOf(bytes);
  assert.deepEqual(v.failing, ['stem-conv', 'allowed-ops']);
  assert.match(v.v.summary, /padded by exactly 1/);
  const observed = await profileOnHost(bytes, 'same-stem.tflite');
  assert.equal(observed.engaged, 'no');
  assert.match(observed.reason, /padded by exactly 1/);
});

test('verdict: a stride-2 depthwise with "same" padding breaks the NCHW chain', () => {
  const model = testModel(4);
  const layers = model.spec.layers
    .filter((l) => l.name !== 'zero_padding2d_1')
    .map((l) => (l.name === 'depthwise_conv2d_1' ? { ...l, padding: 'same' } : l)) as LayerSpec[];
  const v = verdictOf(
    convertToTflite(chainModel(model.spec.name, model.spec.inputShape, layers), model.weights, { sparse: true }).bytes,
  );
  assert.deepEqual(v.failing, ['allowed-ops']);
  assert.match(v.v.summary, /SAME padding and stride 2/);
});
