// `sparsify` and `whatif` as a user runs them (the CLI in process): what they write and print, and each refusal named
// (int8 with its reason, an unknown operator with its name, a bad sparsity) with nothing written behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertToTflite } from '../../electron/core/tflite/convert';
import { readTflite } from '../../electron/core/tflite/read-model';
import { WHATIF_METADATA_KEY, WHATIF_NOTICE } from '../../electron/core/whatif/sparsify-model';
import type { WhatifReport } from '../../electron/core/whatif/whatif-report';
import { cli } from '../cli/cli-io';
import { testModel } from '../tflite/test-model';
import { T, int8PointwiseModel, pointwiseSubgraph, writeTinyModel } from './tiny-models';
import { whatifTh } from '../../shared/i18n/whatif-th';

const tmp = mkdtempSync(join(tmpdir(), 'sparse-whatif-cli-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

const guide = testModel(31, 0);
const guideFile = join(tmp, 'guide.tflite');
writeFileSync(guideFile, convertToTflite(guide.spec, guide.weights, { sparse: false }).bytes);
const int8File = join(tmp, 'int8.tflite');
writeFileSync(int8File, int8PointwiseModel());
// A custom operator that reads the 1x1 convolution's weights: the rewrite would hand it DENSIFY's output instead.
const shared = pointwiseSubgraph('main', 2, 4, 8, 3);
shared.tensors.push({ name: 'custom-out', shape: [8, 1, 1, 4], type: T.FLOAT32 });
shared.ops.push({ code: 'WeightPeekOp', inputs: [1], outputs: [4] });
shared.outputs = [3, 4];
const customFile = join(tmp, 'custom-reader.tflite');
writeFileSync(customFile, writeTinyModel([shared]));

test('sparsify writes one file per sparsity with the what-if metadata, and says what it did', async () => {
  const out = join(tmp, 'sparsified');
  const run = await cli(['sparsify', guideFile, '--sparsity', '0.5,0.75', '--out', out]);
  assert.equal(run.code, 0, run.stderr);
  assert.ok(run.stdout.startsWith(`${WHATIF_NOTICE}\n`));
  assert.match(run.stdout, /guide-sparse-75\.tflite \(\d+ bytes\): 2 weight\(s\) pruned to 75 %/);
  assert.match(run.stdout, /XNNPACK sparse inference: eligible/);
  assert.deepEqual(readdirSync(out).sort(), ['guide-sparse-50.tflite', 'guide-sparse-75.tflite', 'sparsify.json']);
  const model = readTflite(new Uint8Array(readFileSync(join(out, 'guide-sparse-75.tflite'))), 'guide-sparse-75.tflite');
  const metadata = model.metadata.find((m) => m.name === WHATIF_METADATA_KEY);
  assert.ok(metadata, 'the file says it is a what-if');
  const json = await cli(['sparsify', guideFile, '--sparsity', '0.9', '--out', out, '--json']);
  assert.equal(json.code, 0, json.stderr);
  const line = JSON.parse(json.stdout.trim()) as { type: string; notice: string; files: { sparsity: number }[] };
  assert.deepEqual([line.type, line.notice, line.files.map((f) => f.sparsity)], ['sparsified', WHATIF_NOTICE, [0.9]]);
});

test('sparsify refuses an int8 model with the reason and writes nothing', async () => {
  const out = join(tmp, 'int8-out');
  const run = await cli(['sparsify', int8File, '--sparsity', '0.75', '--out', out]);
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /int8\.tflite is a quantized model/);
  assert.match(run.stderr, /is int8 with a scale/);
  assert.match(run.stderr, /sparse inference runs float32 and float16 models only/);
  assert.match(run.stderr, /Use the float version of the model/);
  assert.equal(existsSync(out), false, 'no output folder');
});

test('sparsify refuses a file whose unknown operator reads the 1x1 weights, naming the operator', async () => {
  const out = join(tmp, 'custom-out');
  const run = await cli(['sparsify', customFile, '--sparsity', '0.75', '--out', out]);
  assert.notEqual(run.code, 0);
  assert.match(
    run.stderr,
    /custom-reader\.tflite: custom operator 'WeightPeekOp' \(subgraph 0, operator 1\) reads the weight 'main\/conv\/filter'/,
  );
  assert.equal(existsSync(out), false, 'no output folder');
});

test('sparsify and whatif refuse a bad or missing sparsity before reading anything', async () => {
  for (const [value, shown] of [
    ['1.5', '1.5'],
    ['0', '0'],
    ['abc', 'abc'],
    ['0.5,-0.2', '-0.2'],
  ]) {
    for (const command of ['sparsify', 'whatif']) {
      const out = join(tmp, `bad-${command}`);
      const run = await cli([command, guideFile, `--sparsity=${value}`, '--out', out]);
      assert.notEqual(run.code, 0, `${command} --sparsity ${value}`);
      assert.match(
        run.stderr,
        new RegExp(`--sparsity takes fractions between 0 and 1 \\(e\\.g\\. 0\\.75 or 75%\\), got '${shown}'`),
        `${command} --sparsity ${value}: ${run.stderr}`,
      );
      assert.equal(existsSync(out), false);
    }
  }
  const missing = await cli(['sparsify', guideFile, '--out', join(tmp, 'none')]);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /--sparsity is required/);
});

test('whatif refuses an int8 model with the reason, and the run folder records the failure', async () => {
  const out = join(tmp, 'whatif-int8');
  const run = await cli(['whatif', int8File, '--device', 'host', '--sparsity', '0.75', '--out', out]);
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /int8\.tflite is a quantized model.*float32 and float16 models only/);
  const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { status: string };
  assert.equal(manifest.status, 'failed');
  assert.equal(existsSync(join(out, 'report', 'whatif.json')), false, 'no report of a run that did not happen');
});

test('whatif on this computer: latency per sparsity from the real runtime, the break-even, the warning', async () => {
  const out = join(tmp, 'whatif-host');
  const run = await cli([
    'whatif',
    guideFile,
    '--device',
    'host',
    '--sparsity',
    '0.75',
    '--runs',
    '3',
    '--repeat',
    '1',
    '--out',
    out,
  ]);
  assert.equal(run.code, 0, run.stderr);
  assert.ok(run.stdout.startsWith(`${WHATIF_NOTICE}\n`), run.stdout);
  assert.match(run.stdout, /^ {4}0 % {2}median \d+(\.\d+)? (µs|ms) {2}ratio 1\.00/m);
  assert.match(run.stdout, /^ {3}75 % {2}median \d+(\.\d+)? (µs|ms) {2}ratio \d\.\d\d {2}sparse inference yes/m);
  assert.match(run.stdout, /break-even: (at or below 75 %|not reached)/);
  assert.match(run.stdout, new RegExp(`Report: ${out}/report/whatif\\.html`));
  const report = JSON.parse(readFileSync(join(out, 'report', 'whatif.json'), 'utf8')) as WhatifReport;
  const host = report.devices[0]!;
  assert.equal(host.device.id, 'host');
  const [dense, pruned] = host.points;
  assert.equal(pruned!.ratio, pruned!.medianUs! / dense!.medianUs!);
  assert.equal(host.breakEven.kind, pruned!.ratio! < 1 ? 'at-or-below' : 'not-reached');
  assert.match(
    readFileSync(join(out, 'report', 'whatif.html'), 'utf8'),
    /weights pruned without training: accuracy not preserved/,
  );
});

test('whatif --lang th: the summary and whatif.html in Thai; an unknown language is refused before anything runs', async () => {
  const out = join(tmp, 'whatif-th');
  const run = await cli([
    'whatif',
    guideFile,
    '--device',
    'host',
    '--sparsity',
    '0.75',
    '--runs',
    '2',
    '--repeat',
    '1',
    '--lang',
    'th',
    '--out',
    out,
  ]);
  assert.equal(run.code, 0, run.stderr);
  assert.ok(run.stdout.startsWith(`${whatifTh.notice}\n`), run.stdout);
  assert.match(run.stdout, /^ {3}75 % {2}มัธยฐาน \d+(\.\d+)? (µs|ms) {2}อัตราส่วน \d\.\d\d/m);
  assert.match(run.stdout, /^ {2}จุดคุ้มทุน: (ไม่เกิน 75 %|ยังไม่ถึงจุดคุ้มทุน)/m);
  const html = readFileSync(join(out, 'report', 'whatif.html'), 'utf8');
  assert.match(html, /<html lang="th">/);
  assert.ok(html.includes(whatifTh.notice));
  assert.ok(html.includes(whatifTh.report.breakEvenLabel));

  const bad = await cli(['whatif', guideFile, '--device', 'host', '--lang', 'de', '--out', join(tmp, 'whatif-de')]);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /--lang must be one of en, th, got 'de'/);
  assert.equal(existsSync(join(tmp, 'whatif-de')), false);
});
