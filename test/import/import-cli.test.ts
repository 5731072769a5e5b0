import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '../../electron/core/model/io';
import { cli } from '../cli/cli-io';
import { writeResidualFixtures } from './fixture-files';
import { inputBatch, residualReference } from './reference-model';
import * as tf from '@tensorflow/tfjs';
import { maxAbsDiff, predictSpec, softmaxRows } from './predict';

test('CLI import writes a run folder like train: dense model, import.json with name/format/sha256, run.json step', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'import-cli-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const reference = residualReference();
  const files = await writeResidualFixtures(reference, dir);
  const out = join(dir, 'run');
  const result = await cli(['import', files.h5, '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /Source: .*residual\.h5 \(keras-h5, keras 2\.15\.0/);
  assert.match(result.stdout, /10 layers, input 8x8x3, 5 classes/);

  const sha256 = createHash('sha256').update(await readFile(files.h5)).digest('hex');
  const record = JSON.parse(await readFile(join(out, 'import.json'), 'utf8'));
  assert.deepEqual(
    { file: record.source.file, format: record.source.format, sha256: record.source.sha256 },
    { file: 'residual.h5', format: 'keras-h5', sha256 },
  );
  const run = JSON.parse(await readFile(join(out, 'run.json'), 'utf8'));
  assert.equal(run.kind, 'import');
  assert.equal(run.status, 'completed');
  assert.deepEqual(run.steps.import.outputs, ['dense/model.json', 'dense/weights.bin', 'import.json']);
  assert.equal(run.steps.import.summary.source.sha256, sha256);

  // The saved model is the imported one: same predictions as the TF.js original.
  const saved = await loadModel(join(out, 'dense'));
  const x = inputBatch([8, 8, 3], 2);
  const want = tf.tidy(() => (reference.predict(x) as tf.Tensor).dataSync() as Float32Array);
  assert.ok(maxAbsDiff(softmaxRows(predictSpec(saved.spec, saved.weights, x), 5), want) < 1e-6);

  // check-xnnpack speaks in the model's own layer names.
  const check = await cli(['check-xnnpack', out]);
  assert.equal(check.code, 1);
  assert.match(check.stdout, /conv1 \[start-layer\]/);
  assert.match(check.stdout, /Set keepdims=True on 'pool'/);
});
