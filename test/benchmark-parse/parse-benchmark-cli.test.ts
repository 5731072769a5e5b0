import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../electron/cli/main';
import type { CliIO } from '../../electron/cli/command';
import { sharedPath } from '../support/shared-dir';

const REFERENCE_DIR = sharedPath('reference', 'benchmark-output-samples');
const FIXTURES = join(import.meta.dirname, '../fixtures/benchmark-output');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const io: CliIO = { stdout, stderr, interactive: false };
  const code = await runCli(args, io);
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

function sampleFiles(): string[] {
  const fixtures = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(FIXTURES, f));
  const constructed = readdirSync(join(FIXTURES, 'constructed')).map((f) => join(FIXTURES, 'constructed', f));
  const reference = existsSync(REFERENCE_DIR)
    ? readdirSync(REFERENCE_DIR)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(REFERENCE_DIR, f))
    : [];
  return [...reference, ...fixtures, ...constructed];
}

test('parse-benchmark --json prints one parsed JSON object per sample; exits 0 when it ran, 2 when it records a failure', async () => {
  for (const file of sampleFiles()) {
    const { code, stdout, stderr } = await cli(['parse-benchmark', file, '--json']);
    const lines = stdout.trim().split('\n');
    assert.equal(lines.length, 1, file);
    const parsed = JSON.parse(lines[0] ?? '') as { file: string; ok: boolean; source?: string; error?: { kind: string } };
    assert.equal(parsed.file, file);
    assert.match(parsed.source ?? '', /\S/, `${file}: source header reported`);
    assert.equal(code, parsed.ok ? 0 : 2, `${file}: exit status; ${stderr}`);
    if (parsed.ok) assert.equal(stderr, '');
    else assert.match(stderr, new RegExp(`records a failed run \\(${parsed.error?.kind}\\)`));
  }
});

test('parse-benchmark without --json prints a readable summary, failures with their hint', async () => {
  const ok = await cli(['parse-benchmark', join(FIXTURES, '03-android-arm-prebuilt-2020-gpu-delegate.txt')]);
  assert.equal(ok.code, 0);
  assert.match(ok.stdout, /Inference: avg 119\.38 ms, min 113\.74 ms, max 124\.78 ms, std 1\.95 ms \(50 runs\)/);
  assert.match(ok.stdout, /Result: the benchmark ran\./);
  const failed = await cli(['parse-benchmark', join(FIXTURES, '08-prebuilt-2021-unsupported-op-version.txt')]);
  assert.equal(failed.code, 2, 'a file that records a failed run exits non-zero');
  assert.match(failed.stdout, /Result: the output records a failure \(unsupported-op-version\)/);
  assert.match(failed.stdout, /Hint: Use a newer benchmark_model/);
  const sparse = await cli(['parse-benchmark', join(FIXTURES, 'constructed/c04-tf210-xnnpack-sparse-op-profile-no-start.txt')]);
  assert.match(sparse.stdout, /Sparse inference engaged: yes/);
});

test('parse-benchmark exits 1 when the file cannot be read, 1 on wrong arguments', async () => {
  const missing = await cli(['parse-benchmark', join(FIXTURES, 'no-such-file.txt')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /Cannot read .*no-such-file\.txt/);
  const directory = await cli(['parse-benchmark', FIXTURES]);
  assert.equal(directory.code, 1);
  const none = await cli(['parse-benchmark']);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /exactly one FILE/);
});
