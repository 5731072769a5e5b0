import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateTflite } from '../../electron/core/host/validate';
import { saveModel } from '../../electron/core/model/io';
import { convertToTflite } from '../../electron/core/tflite/convert';
import { inspectTfliteBytes } from '../../electron/core/tflite/inspect';
import { UserError } from '../../electron/core/util/errors';
import { cli } from '../cli/cli-io';
import { sparsityFields } from './fuzz-corpus';
import { testModel } from './test-model';

const { spec, weights } = testModel(23);
const sparse = convertToTflite(spec, weights, { sparse: true }).bytes;

/** The file from the issue: a sparse tensor claiming a dense size of 2^28, which made the runtime loop until killed. */
function hangFile(): { bytes: Uint8Array; field: string } {
  const field = sparsityFields(sparse).find((f) => f.what.endsWith('dense_size'))!;
  const bytes = sparse.slice();
  new DataView(bytes.buffer).setUint32(field.at, 2 ** 28, true);
  return { bytes, field: field.what };
}

async function withRunFolder(use: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hostile-'));
  try {
    await saveModel(join(dir, 'run', 'pruned'), spec, weights);
    await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('the dense_size 2^28 file is refused by inspect, validate and bench --device host with TFLITE_CORRUPT naming tensor and field', async () => {
  const { bytes, field } = hangFile();
  assert.throws(
    () => inspectTfliteBytes(bytes, 'hang.tflite'),
    (e: unknown) =>
      e instanceof UserError && e.code === 'TFLITE_CORRUPT' && /hang\.tflite/.test(e.message) && /tensor \d+/.test(e.message),
  );
  assert.match(field, /dim \d dense_size/);
  await withRunFolder(async (dir) => {
    const file = join(dir, 'hang.tflite');
    await writeFile(file, bytes);
    const inspected = await cli(['inspect', file]);
    assert.equal(inspected.code, 1);
    assert.match(inspected.stderr, /dense_size/);
    const validated = await cli(['validate', file, '--from', join(dir, 'run'), '--limit', '4', '--timeout', '30']);
    assert.equal(validated.code, 1);
    assert.match(validated.stderr, /hang\.tflite.*dense_size|dense_size.*hang\.tflite/s);
    const benched = await cli([
      'bench',
      '--device',
      'host',
      '--model',
      file,
      '--runs',
      '2',
      '--repeat',
      '1',
      '--timeout',
      '30',
      '--out',
      join(dir, 'b'),
    ]);
    assert.notEqual(benched.code, 0);
    assert.match(benched.stderr, /dense_size/);
  });
});

test('bench --device host --timeout stops a runtime that is still inferring and names the model', async () => {
  await withRunFolder(async (dir) => {
    const file = join(dir, 'slow.tflite');
    await writeFile(file, sparse);
    // Ten million inferences take minutes; the watchdog ends the worker thread in the middle of WebAssembly.
    const r = await cli([
      'bench',
      '--device',
      'host',
      '--model',
      file,
      '--runs',
      '10000000',
      '--repeat',
      '1',
      '--timeout',
      '1',
      '--out',
      join(dir, 'b'),
    ]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /did not finish slow\.tflite within 1 s and was stopped/);
  });
});

test('validate passes its timeout to the runtime worker (TIMEOUT naming the model)', async () => {
  const images = new Float32Array(2 * 32 * 32 * 3).fill(0.5);
  await assert.rejects(
    validateTflite(sparse, 'tiny.tflite', { spec, weights }, images, 2, 'tfjs-cpu', { timeoutMs: 1 }),
    (e: unknown) => e instanceof UserError && e.code === 'TIMEOUT' && /tiny\.tflite/.test(e.message),
  );
});
