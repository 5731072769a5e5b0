import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guideModel } from '../../electron/core/model/baseline';
import { modelByName } from '../../electron/core/model/built-in';
import { activationShapes, countParameters, modelWeightShapes } from '../../electron/core/model/shapes';
import { initWeights, transferWeights } from '../../electron/core/model/weights';
import { loadModel, saveModel } from '../../electron/core/model/io';
import { buildTfjsModel } from '../../electron/core/train/tfjs-model';

test('the guide model has Keras parameter counts: 1,802 total, 1,642 trainable', () => {
  for (const keepdims of [false, true]) {
    const counts = countParameters(guideModel(keepdims));
    assert.deepEqual(counts, { total: 1802, trainable: 1642, nonTrainable: 160 });
  }
});

test('activation shapes follow the guide: 32 -> 34 -> 16 -> 16 -> 18 -> 8 -> GAP -> 10', () => {
  const shapes = activationShapes(guideModel(false));
  assert.deepEqual(shapes[1], [34, 34, 3]);
  assert.deepEqual(shapes[2], [16, 16, 8]);
  assert.deepEqual(shapes[8], [16, 16, 16]);
  assert.deepEqual(shapes[11], [18, 18, 16]);
  assert.deepEqual(shapes[12], [8, 8, 16]);
  assert.deepEqual(shapes[18], [32]);
  assert.deepEqual(activationShapes(guideModel(true))[18], [1, 1, 32]);
  assert.deepEqual(shapes[shapes.length - 1], [10]);
});

test('the TF.js builder makes the same model (parameter counts and weight shapes)', () => {
  for (const keepdims of [false, true]) {
    const spec = guideModel(keepdims);
    const model = buildTfjsModel(spec);
    assert.equal(model.countParams(), 1802);
    const trainable = model.trainableWeights.reduce((n, w) => n + w.shape.reduce((a, b) => a! * b!, 1)!, 0);
    assert.equal(trainable, 1642);
    assert.deepEqual(model.outputs[0]!.shape, [null, 10]);
    const layerOut = model.getLayer('global_average_pooling2d').outputShape;
    assert.deepEqual(layerOut, keepdims ? [null, 1, 1, 32] : [null, 32]);
    model.dispose();
  }
});

test('weights copy from the baseline to the keepdims variant, as the guide does', () => {
  const weights = initWeights(guideModel(false), 7);
  const copied = transferWeights(guideModel(true), weights);
  assert.equal(copied.tensors.length, weights.tensors.length);
  for (const [i, tensor] of copied.tensors.entries()) assert.deepEqual(tensor.values, weights.tensors[i]!.values);
});

test('initialisation is deterministic per seed and follows Keras defaults', () => {
  const spec = guideModel(false);
  const a = initWeights(spec, 1);
  const b = initWeights(spec, 1);
  const c = initWeights(spec, 2);
  assert.deepEqual(a.get('conv2d/kernel').values, b.get('conv2d/kernel').values);
  assert.notDeepEqual(a.get('conv2d/kernel').values, c.get('conv2d/kernel').values);
  assert.ok(a.get('conv2d/bias').values.every((v) => v === 0));
  assert.ok(a.get('batch_normalization/gamma').values.every((v) => v === 1));
  assert.ok(a.get('batch_normalization/moving_variance').values.every((v) => v === 1));
  const limit = Math.sqrt(6 / (27 + 72));
  assert.ok(a.get('conv2d/kernel').values.every((v) => Math.abs(v) <= limit));
  assert.deepEqual(
    modelWeightShapes(spec).map((w) => w.name),
    a.tensors.map((t) => t.name),
  );
});

test('saveModel/loadModel round-trip and refuse a truncated weights file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'model-io-'));
  try {
    const spec = modelByName('baseline-keepdims');
    const weights = initWeights(spec, 3);
    await saveModel(dir, spec, weights);
    const loaded = await loadModel(dir);
    assert.deepEqual(loaded.spec, spec);
    for (const tensor of weights.tensors) assert.deepEqual(loaded.weights.get(tensor.name).values, tensor.values);
    const bytes = await readFile(join(dir, 'weights.bin'));
    await writeFile(join(dir, 'weights.bin'), bytes.subarray(0, 100));
    await assert.rejects(loadModel(dir), /truncated/);
    await assert.rejects(loadModel(join(dir, 'missing')), /No model at/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
