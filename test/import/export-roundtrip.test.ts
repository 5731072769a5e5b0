// Issue 13 acceptance: import -> export keras -> import gives the same weights bit for bit and the same predictions;
// export tfjs is read back by TF.js' own loader with the same predictions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { importModel } from '../../electron/core/import/import-model';
import { importInputFromPath } from '../../electron/core/import/import-path';
import { loadModel } from '../../electron/core/model/io';
import { cli } from '../cli/cli-io';
import { writeResidualFixtures } from './fixture-files';
import { inputBatch, residualReference } from './reference-model';
import { maxAbsDiff, predictSpec } from './predict';

test('import -> export keras -> import: same spec, same weights bit for bit, same predictions; tfjs export loads in TF.js', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'export-roundtrip-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const files = await writeResidualFixtures(residualReference(), join(dir, 'fixtures'));
  const x = inputBatch([8, 8, 3], 3);
  for (const source of [files.h5, files.keras, files.tfjs]) {
    const run = join(dir, `run-${Math.random().toString(36).slice(2)}`);
    assert.equal((await cli(['import', source, '--out', run])).code, 0);
    const original = await loadModel(join(run, 'dense'));
    const logits = predictSpec(original.spec, original.weights, x);

    const kerasFile = join(dir, 'exported.keras');
    const exported = await cli(['export', run, '--format', 'keras', '--out', kerasFile]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /Exported the dense model \(445 parameters/);
    const entries = unzipSync(new Uint8Array(await readFile(kerasFile)));
    assert.deepEqual(Object.keys(entries).sort(), ['config.json', 'metadata.json', 'model.weights.h5']);
    assert.equal(JSON.parse(strFromU8(entries['config.json']!)).class_name, 'Functional');

    const again = await importModel(await importInputFromPath(kerasFile));
    assert.equal(again.source.format, 'keras-v3');
    assert.deepEqual(again.spec, original.spec, source);
    assert.deepEqual(again.weights.tensors.map((w) => w.name), original.weights.tensors.map((w) => w.name));
    for (const [i, w] of again.weights.tensors.entries()) {
      const before = original.weights.tensors[i]!;
      assert.deepEqual(w.shape, before.shape);
      assert.ok(Buffer.from(w.values.buffer).equals(Buffer.from(before.values.buffer)), `${w.name} differs`);
    }
    assert.deepEqual(predictSpec(again.spec, again.weights, x), logits);

    // TF.js' own loader reads the tfjs export.
    const tfjsDir = join(dir, 'exported-tfjs');
    assert.equal((await cli(['export', run, '--format', 'tfjs', '--out', tfjsDir])).code, 0);
    const json = JSON.parse(await readFile(join(tfjsDir, 'model.json'), 'utf8'));
    const bin = await readFile(join(tfjsDir, 'weights.bin'));
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) }),
    );
    const fromTfjs = tf.tidy(() => (loaded.predict(x) as tf.Tensor).dataSync() as Float32Array);
    loaded.dispose();
    assert.ok(maxAbsDiff(fromTfjs, logits) < 1e-6, String(maxAbsDiff(fromTfjs, logits)));
  }
});

test('export refuses a run without the asked model, and a keras path not ending in .keras', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'export-bad-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const files = await writeResidualFixtures(residualReference(), join(dir, 'fixtures'));
  const run = join(dir, 'run');
  await cli(['import', files.keras, '--out', run]);
  const pruned = await cli(['export', run, '--format', 'keras', '--model', 'pruned', '--out', join(dir, 'x.keras')]);
  assert.equal(pruned.code, 1);
  assert.match(pruned.stderr, /has no pruned model/);
  const badName = await cli(['export', run, '--format', 'keras', '--out', join(dir, 'x.zip')]);
  assert.match(badName.stderr, /must name a \.keras file/);
});
