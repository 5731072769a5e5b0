import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importModel } from '../../electron/core/import/import-model';
import { importInputFromPath } from '../../electron/core/import/import-path';
import { inputBatch, residualReference, sequentialReference } from './reference-model';
import { writeResidualFixtures, writeSequentialFixtures } from './fixture-files';
import { maxAbsDiff, predictSpec, softmaxRows } from './predict';

const reference = residualReference();
const x = inputBatch([8, 8, 3], 4);
const expected = tf.tidy(() => (reference.predict(x) as tf.Tensor).dataSync() as Float32Array);

test('the residual model imports from every format with the TF.js reference predictions', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'import-formats-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const files = await writeResidualFixtures(reference, dir);
  const formats = { tfjs: 'tfjs-layers', converter: 'tfjs-layers', h5: 'keras-h5', keras: 'keras-v3' } as const;
  for (const [kind, path] of Object.entries(files) as [keyof typeof files, string][]) {
    const imported = await importModel(await importInputFromPath(path));
    assert.equal(imported.source.format, formats[kind], kind);
    assert.match(imported.source.sha256, /^[0-9a-f]{64}$/);
    const spec = imported.spec;
    assert.deepEqual(spec.inputShape, [8, 8, 3], kind);
    // Flattened: the nested block's layers are in the graph under their own names, the Add reads the block input.
    const add = spec.layers.find((l) => l.name === 'block_1_add');
    assert.deepEqual(add?.inputs, ['conv1_relu', 'block_1_project'], kind);
    assert.equal(spec.layers.find((l) => l.name === 'conv1_relu')?.type, 'ReLU');
    assert.deepEqual(spec.layers.find((l) => l.name === 'conv1_pad'), { name: 'conv1_pad', inputs: [spec.inputName], type: 'ZeroPadding2D', padding: [[0, 1], [0, 1]] });
    assert.ok(imported.notes.some((n) => n.includes('softmax')), kind);
    const logits = predictSpec(spec, imported.weights, x);
    const probabilities = softmaxRows(logits, 5);
    assert.ok(maxAbsDiff(probabilities, expected) < 1e-6, `${kind}: ${maxAbsDiff(probabilities, expected)}`);
  }
});

test('a Sequential model imports from TF.js and from Keras 3 with the reference logits', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'import-seq-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const model = sequentialReference();
  const input = inputBatch([6, 6, 2], 3);
  const want = tf.tidy(() => (model.predict(input) as tf.Tensor).dataSync() as Float32Array);
  const files = await writeSequentialFixtures(model, dir);
  for (const [kind, path] of Object.entries(files)) {
    const imported = await importModel(await importInputFromPath(path));
    assert.deepEqual(imported.spec.layers.map((l) => l.type), ['Conv2D', 'BatchNormalization', 'Flatten', 'Dense'], kind);
    assert.deepEqual(imported.notes, [], kind);
    const got = predictSpec(imported.spec, imported.weights, input);
    assert.ok(maxAbsDiff(got, want) < 1e-5, `${kind}: ${maxAbsDiff(got, want)}`);
  }
});
