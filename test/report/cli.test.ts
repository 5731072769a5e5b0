import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cli } from '../cli/cli-io';
import { writeFixtureRun } from './fixture-run';
import { errorsTh } from '../../shared/i18n/errors-th';


describe('report and runs commands', () => {
  let workspace: string;
  let done: string;
  before(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'sparse-ws-'));
    done = await writeFixtureRun(workspace, { id: 'run-done', repetitions: 2 });
    await writeFixtureRun(workspace, { id: 'run-cut', repetitions: 1, partial: true, status: 'interrupted' });
    // A run left 'running' by a process that has exited was interrupted (crash, kill).
    const dead = await writeFixtureRun(workspace, { id: 'run-killed', repetitions: 1, partial: true });
    const killed = JSON.parse(await readFile(join(dead, 'run.json'), 'utf8')) as Record<string, unknown>;
    const exited = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(
      join(dead, 'run.json'),
      JSON.stringify({ ...killed, status: 'running', owner: { pid: exited, host: hostname() } }),
    );
    const future = await writeFixtureRun(workspace, { id: 'run-future', repetitions: 1, partial: true });
    const manifest = JSON.parse(await readFile(join(future, 'run.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(future, 'run.json'), JSON.stringify({ ...manifest, schemaVersion: 99 }));
  });
  after(async () => rm(workspace, { recursive: true, force: true }));

  it('report --format json writes a report and lists what it wrote', async () => {
    const out = join(workspace, 'r.json');
    const result = await cli(['report', done, '--format', 'json', '--out', out, '--json']);
    assert.equal(result.code, 0, result.stderr);
    const line = JSON.parse(result.stdout.trim()) as { files: string[]; synthetic: boolean };
    assert.deepEqual(line.files, [out]);
    assert.equal(line.synthetic, true);
    assert.equal((JSON.parse(await readFile(out, 'utf8')) as { format: string }).format, 'sparse-studio-report');
  });

  it('report tells what is missing and rejects bad input', async () => {
    const cut = await cli(['report', join(workspace, 'run-cut'), '--format', 'html', '--out', join(workspace, 'cut.html')]);
    assert.equal(cut.code, 0);
    assert.match(cut.stderr, /Missing: run-cut\/tflite\/conversion.json/);
    assert.match(
      (await cli(['report', done, '--format', 'docx', '--out', 'x'])).stderr,
      /--format must be one of json, csv, html, pdf/,
    );
    assert.match((await cli(['report', '--out', 'x'])).stderr, /at least one run folder/);
    // A run left 'running' by a process that has exited was interrupted (crash, kill).
    const dead = await writeFixtureRun(workspace, { id: 'run-killed', repetitions: 1, partial: true });
    const killed = JSON.parse(await readFile(join(dead, 'run.json'), 'utf8')) as Record<string, unknown>;
    const exited = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(
      join(dead, 'run.json'),
      JSON.stringify({ ...killed, status: 'running', owner: { pid: exited, host: hostname() } }),
    );
    const future = await cli(['report', join(workspace, 'run-future'), '--out', join(workspace, 'f.html')]);
    assert.equal(future.code, 1);
    assert.match(future.stderr, /run schema version 99/);
    // In Thai: the code's title and advice first, then the core's message naming the file.
    const thai = await cli(['report', join(workspace, 'run-future'), '--lang', 'th', '--out', join(workspace, 'f.html')]);
    assert.equal(thai.code, 1);
    assert.ok(thai.stderr.startsWith(`ข้อผิดพลาด: ${errorsTh.RUN_SCHEMA.title}\n${errorsTh.RUN_SCHEMA.todo}\n`), thai.stderr);
    assert.match(thai.stderr, /run-future\/run\.json has run schema version 99/);
  });

  it('runs list shows each run with its status, interrupted and unreadable ones included', async () => {
    const text = await cli(['runs', 'list'], { SPARSE_STUDIO_WORKSPACE: workspace });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /run-done\s+completed\s+pipeline/);
    assert.match(text.stdout, /run-cut\s+interrupted/);
    assert.match(text.stdout, /run-killed\s+interrupted/);
    assert.match(text.stdout, /run-future\s+UNREADABLE: .*schema version 99/);
    assert.match(text.stdout, /speed-up .*This computer \(fixture\) 1\.\d\d[x×] \[/);
    const json = await cli(['runs', 'list', '--workspace', workspace, '--json']);
    const lines = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; id?: string; status?: string });
    assert.equal(lines.length, 4);
    assert.equal(lines.find((l) => l.id === 'run-cut')?.status, 'interrupted');
    assert.equal(lines.filter((l) => l.type === 'unreadable').length, 1);
  });

  it('runs list on an empty workspace says so', async () => {
    const result = await cli(['runs', 'list', '--workspace', join(workspace, 'empty')]);
    assert.match(result.stdout, /No runs in/);
  });

  it('runs show prints the key numbers of one run', async () => {
    const result = await cli(['runs', 'show', done]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Status:\s+completed/);
    assert.match(result.stdout, /Accuracy:\s+dense 45\.00 %, pruned 44\.00 %/);
    assert.match(result.stdout, /1x1 sparsity 75\.0 %/);
    assert.match(result.stdout, /Emulated phone \(fixture\) 1\.\d\d[x×] .*SYNTHETIC/);
  });
});

describe('report --format pdf --lang th (a real CLI process)', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'sparse-th-'));
  });
  after(async () => rm(root, { recursive: true, force: true }));

  it('writes a PDF whose text layer has the Thai headline', async (t) => {
    const { findChromium } = await import('../../electron/core/report/chromium');
    if (!(await findChromium())) return t.skip('no Chromium found: PDF not tested');
    if (spawnSync('pdftotext', ['-v']).error) return t.skip('pdftotext not installed');
    const dir = await writeFixtureRun(root, { id: 'run-th', repetitions: 2 });
    const out = join(root, 'r.pdf');
    const cliRun = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'report', dir, '--format', 'pdf', '--lang', 'th', '--out', out], {
      cwd: new URL('../..', import.meta.url).pathname,
      encoding: 'utf8',
    });
    assert.equal(cliRun.status, 0, cliRun.stderr);
    const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' }).stdout;
    assert.match(text, /คำตอบ/);
    assert.match(text, /โมเดลที่ตัดแต่งเร็วขึ้น 1\.\d\d× \(มัธยฐาน/);
    const bad = await cli(['report', dir, '--format', 'html', '--lang', 'fr', '--out', join(root, 'x.html')]);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /--lang must be one of en, th, got 'fr'/);
  });
});
