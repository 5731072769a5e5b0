import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildReport } from '../../electron/core/report/build-report';
import { parseCsv } from '../../electron/core/report/csv';
import { REPETITION_COLUMNS, SUMMARY_COLUMNS } from '../../electron/core/report/export-csv';
import { parseReport, reportJsonSchema } from '../../electron/core/report/json-schema';
import type { Report } from '../../electron/core/report/types';
import { writeReport } from '../../electron/core/report/write-report';
import { renderReportHtml } from '../../electron/core/report/render-html';
import { SPEEDUP_DEFINITION } from '../../electron/core/report/speedup-definition';
import { checkJsonSchema } from './json-schema-check';
import { writeFixtureRun } from './fixture-run';

const CHARTS = ['latency', 'speedup', 'training', 'sparsity', 'op-profile'];

describe('report from a fixture run folder (synthetic test data)', () => {
  let root: string;
  let runDir: string;
  let report: Report;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'sparse-report-'));
    runDir = await writeFixtureRun(root, { id: 'fixture-run', repetitions: 3 });
    report = await buildReport([runDir]);
  });
  after(async () => rm(root, { recursive: true, force: true }));

  it('finds every input, reports the failed run, and marks only the emulated phone as synthetic', () => {
    assert.deepEqual(
      report.missing.map((m) => [m.item, m.detail]),
      [
        [
          'benchmarks/emulator-5554/dense.r3.json',
          'benchmark failed (BENCHMARK_CRASHED): fixture: benchmark_model exited with 139',
        ],
      ],
    );
    assert.equal(report.synthetic, true);
    assert.deepEqual(report.devices.map((d) => [d.id, d.synthetic]).sort(), [
      ['emulator-5554', true],
      ['host', false],
    ]);
    for (const b of report.benchmarks) assert.equal(b.synthetic, b.device === 'emulator-5554');
    for (const s of report.speedups) assert.equal(s.synthetic, s.device === 'emulator-5554');
  });

  it('pools host runs from raw latencies and phone runs from stats, and says so', () => {
    const host = report.benchmarks.find((b) => b.device === 'host' && b.role === 'dense')!;
    const phone = report.benchmarks.find((b) => b.device === 'emulator-5554' && b.role === 'dense')!;
    assert.equal(host.latency.source, 'runs');
    assert.equal(phone.latency.source, 'repetition-stats');
    assert.equal(host.latency.count, 120);
    assert.equal(host.repetitions.length, 3);
  });

  it('gives a speed-up per device that is the ratio of the medians it shows, inside its bootstrap interval', () => {
    assert.equal(report.speedups.length, 2);
    for (const s of report.speedups) {
      assert.ok(s.speedup! > 1.3 && s.speedup! < 1.6, `speed-up ${s.speedup}`);
      assert.equal(s.ci?.method, 'bootstrap-repetitions');
      assert.equal(s.basis, 'median');
      assert.ok(s.ci!.low <= s.speedup! && s.speedup! <= s.ci!.high);
      const median = (role: string) => report.benchmarks.find((b) => b.device === s.device && b.role === role)!.latency.median!;
      assert.ok(Math.abs(s.speedup! - median('dense') / median('pruned')) < 1e-12, `${s.device}: not the ratio of medians`);
    }
  });

  it('states the speed-up definition it computes in HTML, CSV header and JSON schema, and no other', async () => {
    const html = await renderReportHtml(report);
    assert.ok(html.includes(SPEEDUP_DEFINITION.replace(/&/g, '&amp;').replace(/</g, '&lt;')), 'HTML states the definition');
    assert.doesNotMatch(html, /mean dense latency|mean latency \//i);
    assert.ok(SUMMARY_COLUMNS.includes('speedup_dense_over_pruned') && SUMMARY_COLUMNS.includes('speedup_of'));
    const schema = JSON.stringify(reportJsonSchema());
    assert.ok(schema.includes(SPEEDUP_DEFINITION));
    assert.doesNotMatch(schema, /mean latency \/ pruned mean/i);
    const docs = await readFile(new URL('../../docs/report-format.md', import.meta.url), 'utf8');
    assert.match(docs, /\*\*Speed-up\*\* = dense median latency \/ pruned median latency/);
  });

  it('records a per-op profile only for the repetitions that took one, and how many calls it covers', () => {
    const host = report.benchmarks.find((b) => b.device === 'host' && b.role === 'pruned')!;
    assert.equal(host.opProfileFiles, 1);
    assert.equal(host.opProfileCalls, 3);
    assert.equal(host.opProfileSource, 'separate-run');
  });

  it('reads accuracies, sizes, per-layer sparsity, thermal and the per-op share of 1x1 convolutions', () => {
    const pruned = report.models.find((m) => m.role === 'pruned')!;
    assert.equal(pruned.accuracyTfjs, 0.44);
    assert.equal(pruned.accuracyTflite, 0.44);
    assert.equal(pruned.bytes, 8765);
    assert.equal(pruned.layers.find((l) => l.weight === 'conv2d_2/kernel')!.prunedSparsity, 0.75);
    assert.equal(pruned.layers.find((l) => l.weight === 'conv2d/kernel')!.prunedSparsity, 0);
    const phone = report.devices.find((d) => d.id === 'emulator-5554')!;
    assert.equal(phone.thermal.length, 6);
    assert.deepEqual(phone.thermal[0]!.after, {
      status: 1,
      temperatureC: 36,
      batteryC: 30.5,
      at: '2026-01-02T03:04:05.000Z',
      text: null,
    });
    assert.equal(phone.details['identity.model'], 'FixturePhone');
    assert.equal(phone.details['thermal.statusName'], 'none');
    assert.equal(report.devices.find((d) => d.id === 'host')!.thermal.length, 0);
    const ops = report.opComparisons.find((c) => c.device === 'host')!;
    assert.ok(Math.abs(ops.densePointwiseShare! - 0.02 / 0.044) < 1e-9);
    const pointwise = ops.rows.find((r) => r.nodeType === '1x1 convolution')!;
    assert.ok(pointwise.pointwise && pointwise.denseMs! > pointwise.prunedMs!);
    assert.ok(!ops.rows.some((r) => r.nodeType === 'TfLiteXNNPackDelegate'));
    const host = report.benchmarks.find((b) => b.device === 'host' && b.role === 'pruned')!;
    assert.ok(host.opProfile.some((r) => r.nodeType === 'Convolution (NCHW, F32) SPMM' && r.pointwise));
    assert.equal(report.sparsity[0]!.schedule.length, 5);
    assert.equal(report.training.length, 2);
  });

  it('writes JSON that validates against the committed schema file', async () => {
    const committed = JSON.parse(
      await readFile(new URL('../../resources/schemas/report.v1.schema.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    assert.deepEqual(
      committed,
      reportJsonSchema(),
      'resources/schemas/report.v1.schema.json is stale: regenerate it (docs/report-format.md)',
    );
    const out = join(root, 'report.json');
    await writeReport(report, 'json', out);
    const written = JSON.parse(await readFile(out, 'utf8')) as unknown;
    assert.deepEqual(checkJsonSchema(committed, written), []);
    assert.equal(parseReport(written).schemaVersion, 1);
    const broken = { ...(written as Record<string, unknown>), schemaVersion: 2 };
    assert.notDeepEqual(checkJsonSchema(committed, broken), []);
    assert.throws(() => parseReport(broken, 'x.json'), /x\.json does not match the report schema v1 at schemaVersion/);
  });

  it('writes CSVs that parse back: one row per device x model x repetition, and a summary', async () => {
    const out = join(root, 'report.csv');
    const files = await writeReport(report, 'csv', out);
    assert.deepEqual(files, [out, join(root, 'report.summary.csv')]);
    const [header, ...rows]: string[][] = parseCsv(await readFile(out, 'utf8'));
    assert.equal(header!.join(','), REPETITION_COLUMNS.join(','));
    assert.equal(rows.length, 2 * 2 * 3);
    const col = (name: string): number => header!.indexOf(name);
    for (const r of rows) assert.equal(r[col('synthetic')], r[col('device_id')] === 'emulator-5554' ? 'true' : 'false');
    assert.ok(rows.every((r) => Number(r[col('avg_us')]) > 0));
    const [summaryHeader, ...summaryRows]: string[][] = parseCsv(await readFile(files[1]!, 'utf8'));
    assert.equal(summaryHeader!.join(','), SUMMARY_COLUMNS.join(','));
    assert.equal(summaryRows.length, 4);
    const prunedHost = summaryRows.find((r) => r[1] === 'host' && r[6] === 'pruned')!;
    assert.ok(Number(prunedHost[summaryHeader!.indexOf('speedup_dense_over_pruned')]) > 1.3);
  });

  it('writes one self-contained HTML file with every chart and the synthetic marks', async () => {
    const out = join(root, 'report.html');
    await writeReport(report, 'html', out);
    const html = await readFile(out, 'utf8');
    for (const chart of CHARTS) assert.match(html, new RegExp(`<svg [^>]*data-chart="${chart}"`), chart);
    assert.doesNotMatch(html, /<script|<link |src="http|href="http|url\(http/i);
    assert.match(html, /SYNTHETIC/);
    assert.match(html, /This computer \(fixture\)/);
  });
});

describe('report from incomplete and multiple runs', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'sparse-report-'));
  });
  after(async () => rm(root, { recursive: true, force: true }));

  it('says what is missing instead of failing', async () => {
    const dir = await writeFixtureRun(root, { id: 'partial', repetitions: 1, partial: true, status: 'interrupted' });
    const report = await buildReport([dir]);
    const items = report.missing.map((m) => m.item);
    assert.ok(items.includes('tflite/conversion.json'));
    assert.ok(items.includes('benchmarks/'));
    assert.equal(report.benchmarks.length, 0);
    assert.equal(report.runs[0]!.status, 'interrupted');
    assert.equal(report.synthetic, false);
    assert.ok(report.models.find((m) => m.role === 'pruned')!.layers.length > 0);
  });

  it('refuses a run folder that does not exist, naming it', async () => {
    await assert.rejects(buildReport([join(root, 'nope')]), /No run folder at .*nope/);
  });

  it('compares two runs side by side with distinct model keys', async () => {
    const a = await writeFixtureRun(root, { id: 'run-a', repetitions: 2 });
    const b = await writeFixtureRun(root, { id: 'run-b', repetitions: 1 });
    const report = await buildReport([a, b]);
    assert.deepEqual(
      report.runs.map((r) => r.id),
      ['run-a', 'run-b'],
    );
    assert.equal(new Set(report.models.map((m) => m.key)).size, 4);
    const single = report.speedups.find((s) => s.run === 'run-b' && s.device === 'host')!;
    assert.equal(single.ci?.method, 'bootstrap-runs');
    const phoneOnce = report.speedups.find((s) => s.run === 'run-b' && s.device === 'emulator-5554')!;
    assert.equal(phoneOnce.ci, null);
  });
});
