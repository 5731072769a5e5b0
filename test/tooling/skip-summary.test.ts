import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPORTER = join(import.meta.dirname, '../../scripts/skip-summary-reporter.mjs');

test('a suite skipped for a missing tool is counted and listed with its reason in the summary', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'skip-summary-'));
  try {
    const file = join(dir, 'needs-tool.test.mjs');
    await writeFile(
      file,
      [
        "import { describe, it, test } from 'node:test';",
        "describe('phones over adb', { skip: 'adb is not installed (apt install adb)' }, () => { it('a', () => {}); it('b', () => {}); });",
        "describe('runs', () => { it('c', () => {}); });",
        "test('single', { skip: 'no network' }, () => {});",
      ].join('\n'),
    );
    const run = spawnSync(
      process.execPath,
      ['--test', `--test-reporter=${REPORTER}`, '--test-reporter-destination=stdout', file],
      // Without NODE_TEST_CONTEXT the child is a test run of its own, not a subtest reporting to this one.
      { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_TEST_CONTEXT: undefined } },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /skipped suites 1 \(their tests did not run; 1 single tests skipped besides\)/);
    assert.match(run.stdout, /skipped suite: needs-tool\.test\.mjs: phones over adb — adb is not installed \(apt install adb\)/);
    assert.doesNotMatch(run.stdout, /skipped suite: .*runs/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
