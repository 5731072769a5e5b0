import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../electron/cli/main';
import { saveModel } from '../../electron/core/model/io';
import { testModel } from './test-model';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  const code = await runCli(args, { stdout, stderr, interactive: false });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

test('convert (dense, sparse), inspect --json and validate through the CLI', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tflite-cli-'));
  try {
    const { spec, weights } = testModel(17);
    await saveModel(join(dir, 'run', 'pruned'), spec, weights);
    const dense = join(dir, 'dense.tflite');
    const sparse = join(dir, 'sparse.tflite');
    const d = await cli(['convert', '--from', join(dir, 'run'), '--out', dense]);
    assert.equal(d.code, 0, d.stderr);
    const s = await cli(['convert', '--from', join(dir, 'run'), '--sparse', '--out', sparse]);
    assert.equal(s.code, 0, s.stderr);
    assert.match(s.stdout, /sparse sequential\/conv2d_1\/Conv2D \[16,1,1,8\] 75\.0 % zeros: 32 values, 512 -> 177 bytes/);
    assert.match(s.stdout, /Bytes saved by sparse storage: 1710/);
    assert.match(s.stdout, /XNNPACK sparse inference: eligible/);
    assert.ok((await stat(sparse)).size < (await stat(dense)).size);

    const ins = await cli(['inspect', sparse, '--json']);
    assert.equal(ins.code, 0, ins.stderr);
    const json = JSON.parse(ins.stdout.trim()) as { type: string; fileBytes: number; sparseInference: { eligible: boolean } };
    assert.equal(json.type, 'inspection');
    assert.equal(json.fileBytes, (await readFile(sparse)).length);
    assert.equal(json.sparseInference.eligible, true);
    const text = await cli(['inspect', dense]);
    assert.match(text.stdout, /\[FAIL\] weights stored sparse and read through DENSIFY/);

    const v = await cli(['validate', sparse, '--from', join(dir, 'run'), '--limit', '8', '--json']);
    assert.equal(v.code, 0, v.stderr);
    const result = JSON.parse(v.stdout.trim()) as {
      maxAbsDiff: number;
      classAgreement: number;
      images: number;
      sparseInference: { engaged: string };
    };
    assert.ok(result.maxAbsDiff < 1e-4);
    assert.equal(result.classAgreement, 1);
    assert.equal(result.images, 8);
    assert.equal(result.sparseInference.engaged, 'yes');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('inspect: a file that is not TFLite gives a clear error and exit code 1', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tflite-cli-'));
  try {
    const bad = join(dir, 'notes.tflite');
    await writeFile(bad, 'these are my notes, not a model');
    const r = await cli(['inspect', bad]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /notes\.tflite is not a valid TFLite model: the file identifier is/);
    const none = await cli(['convert', '--from', dir, '--out', join(dir, 'x.tflite')]);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /No model in/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
