import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { reportInRun } from '../../electron/core/pipeline/report-step';
import { buildReport } from '../../electron/core/report/build-report';
import { RunFolder } from '../../electron/core/runs/run-folder';
import type { Report } from '../../electron/core/report/types';
import { writeFixtureRun } from './fixture-run';

describe('report step and report inputs', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'sparse-final-'));
  });
  after(async () => rm(root, { recursive: true, force: true }));

  it('a report written as the run\'s last step shows that step and the run completed', async () => {
    const dir = await writeFixtureRun(root, { id: 'last-step', repetitions: 2 });
    const run = await RunFolder.open(dir, 'pipeline', {});
    const result = await run.runStep('report', () => reportInRun(dir));
    await run.finish('completed');
    const report = JSON.parse(await readFile(join(dir, 'report', 'report.json'), 'utf8')) as Report;
    const info = report.runs[0]!;
    assert.equal(info.status, 'completed');
    assert.equal(info.error, null);
    for (const step of info.steps) assert.equal(step.status, 'completed', `step ${step.name}`);
    assert.ok(info.steps.find((s) => s.name === 'report')?.endedAt, 'the report step has an end time');
    const html = await readFile(join(dir, 'report', 'report.html'), 'utf8');
    assert.doesNotMatch(html, /<td>running<\/td>|, running,/);
    // The headline the pipeline prints comes from the same report.
    assert.equal(result.headline.length, 2);
    const host = result.headline.find((h) => h.device === 'host')!;
    assert.equal(host.speedup, report.speedups.find((s) => s.device === 'host')!.speedup);
    assert.equal(host.sparseInference, 'yes');
  });

  it('refuses folders that hold no run, naming them and saying what to give', async () => {
    const empty = join(root, 'empty');
    const stray = join(root, 'stray');
    await mkdir(empty);
    await mkdir(stray);
    await writeFile(join(stray, 'notes.txt'), 'not a run');
    await assert.rejects(buildReport([empty]), (e: Error) => {
      assert.match(e.message, new RegExp(`${empty} holds no run`));
      assert.match(String((e as { hint?: string }).hint ?? e.message), /runs list/);
      return true;
    });
    const good = await writeFixtureRun(root, { id: 'good', repetitions: 1 });
    await assert.rejects(buildReport([good, stray]), new RegExp(`${stray} holds no run`));
    // A run interrupted before any output still counts: it has run.json.
    const early = await writeFixtureRun(root, { id: 'early', repetitions: 1, partial: true, status: 'interrupted' });
    assert.equal((await buildReport([early])).runs[0]!.status, 'interrupted');
  });
});
