import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { NODE_BUNDLE, NODE_ENTRIES } from '../../scripts/node-bundles.mjs';
import { twoThreadSteps } from './fixtures/two-thread-steps';

// The packaged app runs bundles, not TypeScript: the training threads must start from the bundled script that
// scripts/build.mjs writes next to the code that spawns them, with plain Node (no tsx loader).
test('bundled as the app is, the training threads start and train exactly like the sources', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bundled-threads-'));
  try {
    await build({
      ...NODE_BUNDLE,
      entryPoints: { 'train-thread': NODE_ENTRIES['train-thread'], steps: 'test/fast/fixtures/two-thread-steps.ts' },
      outdir: dir,
      sourcemap: false,
      logLevel: 'error',
    });
    const run = spawnSync(process.execPath, [join(dir, 'steps.mjs'), '--print'], { encoding: 'utf8', cwd: process.cwd() });
    assert.equal(run.status, 0, run.stderr);
    const bundled = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { threads: number; weights: string };
    const source = await twoThreadSteps();
    assert.equal(bundled.threads, 2);
    assert.equal(bundled.weights, source.weights);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
