import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportSchema } from '../../electron/core/report/schema';
import { findChromium } from '../../electron/core/report/chromium';
import { withReportPage } from '../../electron/core/report/headless-page';
import { readManifest } from '../../electron/core/runs/manifest';
import { REPO, runCli } from './cli-process';
import { writeTinyImageFolder } from './tiny-image-folder';

const CHARTS = ['latency', 'speedup', 'training', 'sparsity', 'op-profile'];

function pipelineArgs(data: string, out: string, extra: string[] = []): string[] {
  return [
    'pipeline',
    '--data',
    data,
    '--epochs',
    '1',
    '--prune-epochs',
    '1',
    '--frequency',
    '1',
    '--end-epoch',
    '1',
    '--batch-size',
    '32',
    '--runs',
    '20',
    '--repeat',
    '2',
    '--device',
    'host',
    '--out',
    out,
    '--json',
    ...extra,
  ];
}

describe('pipeline end to end on a tiny image folder (This computer)', { timeout: 600_000 }, () => {
  let root: string;
  let data: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'pipeline-'));
    data = await writeTinyImageFolder(join(root, 'data'), 16, 4);
  });
  after(async () => rm(root, { recursive: true, force: true }));

  it('produces a run whose JSON report validates and whose HTML report draws every chart', async () => {
    const out = join(root, 'runs', 'complete');
    const run = runCli(pipelineArgs(data, out));
    const code = await run.done;
    assert.equal(code, 0, run.stderr);
    const summary = run.lines.find((l) => l.type === 'summary') as { steps: Record<string, string> };
    assert.deepEqual(Object.values(summary.steps), [
      'completed',
      'completed',
      'completed',
      'completed',
      'completed',
      'completed',
    ]);
    assert.equal((await readManifest(out)).status, 'completed');

    const report = JSON.parse(await readFile(join(out, 'report', 'report.json'), 'utf8'));
    const parsed = reportSchema.safeParse(report);
    assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
    assert.ok(existsSync(join(out, 'report', 'report.csv')));
    // Written while its own step was open, the report still shows the final states.
    assert.equal(report.runs[0].status, 'completed');
    for (const step of report.runs[0].steps as { name: string; status: string }[]) assert.equal(step.status, 'completed', step.name);

    // Without --json (run again: every step is skipped), the headline per device comes before the report's path.
    const human = runCli(pipelineArgs(data, out).filter((a) => a !== '--json'));
    assert.equal(await human.done, 0, human.stderr);
    const text = human.stdout;
    assert.match(text, /This computer \(.*\)\n {2}speed-up {5}\d+\.\d\d× \[\d+\.\d\d, \d+\.\d\d\] \(95 % CI\), dense \/ pruned median latency [\d.]+ µs -> [\d.]+ µs/);
    assert.match(text, / {2}size {9}[\d.]+ KiB -> [\d.]+ KiB/);
    assert.match(text, / {2}accuracy {5}[\d.]+ % -> [\d.]+ % \(TF\.js\), [\d.]+ % -> [\d.]+ % \(\.tflite\)/);
    assert.match(text, / {2}sparse inference engaged: (yes|no|unknown)/);
    assert.ok(text.indexOf('speed-up') < text.indexOf('Report: '), 'headline before the report path');
    for (const role of ['dense', 'pruned']) assert.ok(existsSync(join(out, 'tflite', `${role}.tflite`)));
    const conversion = JSON.parse(await readFile(join(out, 'tflite', 'conversion.json'), 'utf8')) as {
      files: { role: string; validation: { maxAbsDiff: number; agreement: number } }[];
    };
    for (const file of conversion.files) {
      assert.ok(file.validation.maxAbsDiff < 1e-4, `${file.role}: logits differ by ${file.validation.maxAbsDiff}`);
      assert.equal(file.validation.agreement, 1);
    }

    const chromium = await findChromium();
    if (!chromium) return; // the report tests say so; here the run itself is what matters
    const shots = join(REPO, 'test-results');
    await mkdir(shots, { recursive: true });
    const html = await readFile(join(out, 'report', 'report.html'), 'utf8');
    const charts = await withReportPage(html, async (page) => {
      await page.screenshot({ path: join(shots, 'pipeline-report.png'), fullPage: true });
      return page.$$eval('svg[data-chart]', (svgs) => svgs.map((svg) => svg.getAttribute('data-chart')));
    });
    for (const chart of CHARTS) assert.ok(charts.includes(chart), `chart ${chart} missing; found ${charts.join(', ')}`);
    assert.ok(existsSync(join(out, 'report', 'report.pdf')));
  });

  for (const phase of ['training', 'benchmarking'] as const) {
    it(`a pipeline killed in the middle of ${phase} is shown as interrupted and a resume completes it`, async () => {
      const out = join(root, 'runs', `killed-${phase}`);
      const args =
        phase === 'training'
          ? pipelineArgs(data, out, ['--epochs', '40'])
          : pipelineArgs(data, out, ['--runs', '3000', '--repeat', '4']);
      const first = runCli(args);
      if (phase === 'training') {
        await first.waitFor((l) => l.kind === 'train' && (l.event as { kind?: string }).kind === 'batch', 120_000);
      } else {
        await first.waitFor((l) => l.kind === 'step' && l.step === 'benchmark' && l.status === 'started', 300_000);
      }
      first.child.kill('SIGKILL');
      await first.done;

      const manifest = await readManifest(out);
      assert.equal(manifest.status, 'interrupted');
      const listed = runCli(['runs', 'list', '--workspace', join(root, 'runs'), '--json']);
      assert.equal(await listed.done, 0, listed.stderr);
      assert.match(JSON.stringify(listed.lines), new RegExp(`killed-${phase}[^}]*interrupted|interrupted[^}]*killed-${phase}`));

      const resumed = runCli(phase === 'training' ? pipelineArgs(data, out) : args);
      assert.equal(await resumed.done, 0, resumed.stderr);
      const steps = (resumed.lines.find((l) => l.type === 'summary') as { steps: Record<string, string> }).steps;
      if (phase === 'benchmarking') {
        assert.deepEqual([steps.train, steps.prune, steps.convert, steps.validate], ['skipped', 'skipped', 'skipped', 'skipped']);
      }
      assert.equal(steps.benchmark, 'completed');
      assert.equal(steps.report, 'completed');
      assert.equal((await readManifest(out)).status, 'completed');
    });
  }
});
