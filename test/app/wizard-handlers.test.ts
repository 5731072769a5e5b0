// The contract commands the wizard's screens added: report downloads and the desktop save dialog (with a fake
// dialog, as the PDF test fakes printToPDF), run names/notes in run.json, deleting runs, and the workspace check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppContext, type AppContext } from '../../electron/app/context';
import { dispatch } from '../../electron/app/dispatch';
import { EventBus } from '../../electron/app/event-bus';
import { createHandlers } from '../../electron/app/handlers';
import { SUMMARY_COLUMNS } from '../../electron/core/report/export-csv';
import { RunFolder } from '../../electron/core/runs/run-folder';
import { writeFixtureRun } from '../report/fixture-run';

async function withContext(
  options: Partial<Pick<AppContext, 'chooseSavePath' | 'trashItem' | 'printToPdf'>>,
  body: (context: AppContext, dir: string) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'wizard-handlers-'));
  const context = await createAppContext({ bus: new EventBus(), transport: 'ipc', userDataDir: dir, ...options });
  try {
    await body(context, dir);
  } finally {
    context.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}

test('report.download: one file per run and format with a name of its own, and no report/report.* written', async () => {
  await withContext({ printToPdf: async () => new TextEncoder().encode('%PDF-1.7 printed') }, async (context, dir) => {
    const handlers = createHandlers(context);
    const a = await writeFixtureRun(dir, { id: 'run-a', repetitions: 2 });
    const b = await writeFixtureRun(dir, { id: 'run-b', repetitions: 2 });
    const names = new Set<string>();
    for (const [runDirs, format] of [
      [[a], 'json'],
      [[a], 'csv'],
      [[a], 'summary-csv'],
      [[a], 'html'],
      [[a], 'pdf'],
      [[b], 'json'],
      [[a, b], 'html'],
    ] as const) {
      const reply = await dispatch(handlers, 'report.download', { runDirs: [...runDirs], format });
      assert.ok(reply.ok, JSON.stringify(reply));
      const file = reply.value as { fileName: string; mimeType: string; base64: string };
      names.add(file.fileName);
      const text = Buffer.from(file.base64, 'base64').toString('utf8');
      if (format === 'json')
        assert.equal((JSON.parse(text) as { runs: { id: string }[] }).runs[0]?.id, runDirs[0].split('/').pop());
      if (format === 'html') assert.match(text, /data-chart="latency"/);
      if (format === 'pdf') assert.equal(text, '%PDF-1.7 printed');
      if (format === 'csv' || format === 'summary-csv') assert.match(text.split('\n')[0] ?? '', /,/);
    }
    assert.deepEqual([...names].sort(), [
      'run-a-report-summary.csv',
      'run-a-report.csv',
      'run-a-report.html',
      'run-a-report.json',
      'run-a-report.pdf',
      'run-a-vs-run-b-report.html',
      'run-b-report.json',
    ]);
    assert.equal(existsSync(join(a, 'report', 'report.html')), false, 'a download writes nothing into the run');
  });
});

test('report.export in the desktop app asks where to save (a fake dialog), suggesting the run-named file', async () => {
  const asked: string[] = [];
  let answer: string | undefined;
  await withContext(
    {
      chooseSavePath: async (suggested) => {
        asked.push(suggested);
        return answer;
      },
    },
    async (context, dir) => {
      const handlers = createHandlers(context);
      const run = await writeFixtureRun(dir, { id: 'run-a', repetitions: 2 });
      const cancelled = await dispatch(handlers, 'report.export', { runDirs: [run], format: 'json' });
      assert.deepEqual(cancelled, { ok: true, value: { cancelled: true } });
      assert.equal(asked[0], join(run, 'report', 'run-a-report.json'));
      answer = join(dir, 'chosen.json');
      const saved = await dispatch(handlers, 'report.export', { runDirs: [run], format: 'json' });
      assert.deepEqual(saved, { ok: true, value: { file: answer } });
      assert.equal((JSON.parse(await readFile(answer, 'utf8')) as { runs: unknown[] }).runs.length, 1);
      // The summary CSV goes through the same dialog, as one file: the summary table, nothing written beside it.
      const chosen = join(dir, 'picked');
      await mkdir(chosen);
      answer = join(chosen, 'summary.csv');
      const summary = await dispatch(handlers, 'report.export', { runDirs: [run], format: 'summary-csv' });
      assert.deepEqual(summary, { ok: true, value: { file: answer } });
      assert.equal(asked[2], join(run, 'report', 'run-a-report-summary.csv'));
      assert.equal((await readFile(answer, 'utf8')).split('\r\n')[0], SUMMARY_COLUMNS.join(','));
      assert.deepEqual(await readdir(chosen), ['summary.csv']);
    },
  );
});

test('runs.update keeps a name and note in run.json, and later steps keep them; runs.list shows them', async () => {
  await withContext({}, async (context, dir) => {
    const handlers = createHandlers(context);
    const workspace = join(dir, 'ws');
    await mkdir(workspace);
    await dispatch(handlers, 'settings.update', { workspace });
    const run = await writeFixtureRun(workspace, { id: 'run-a', repetitions: 2 });
    const reply = await dispatch(handlers, 'runs.update', { runDir: run, name: ' Baseline, 10 epochs ', note: 'first try' });
    assert.deepEqual(reply, { ok: true, value: { name: 'Baseline, 10 epochs', note: 'first try' } });
    const stored = JSON.parse(await readFile(join(run, 'run.json'), 'utf8')) as { name?: string; note?: string };
    assert.equal(stored.name, 'Baseline, 10 epochs');
    await (await RunFolder.open(run, 'convert', {})).finish('completed');
    const after = JSON.parse(await readFile(join(run, 'run.json'), 'utf8')) as { name?: string; note?: string };
    assert.deepEqual([after.name, after.note], ['Baseline, 10 epochs', 'first try'], 'a later step keeps the labels');
    const list = await dispatch(handlers, 'runs.list', {});
    assert.ok(list.ok);
    assert.deepEqual((list.value as { labels?: unknown }[])[0]?.labels, { name: 'Baseline, 10 epochs', note: 'first try' });
    const cleared = await dispatch(handlers, 'runs.update', { runDir: run, note: '' });
    assert.deepEqual(cleared, { ok: true, value: { name: 'Baseline, 10 epochs' } });
  });
});

test('runs.delete moves a workspace run to the trash (system trash when the app has one), never anything else', async () => {
  const trashed: string[] = [];
  await withContext({}, async (context, dir) => {
    const handlers = createHandlers(context);
    const workspace = join(dir, 'ws');
    await mkdir(workspace);
    await dispatch(handlers, 'settings.update', { workspace });
    const run = await writeFixtureRun(workspace, { id: 'run-a', repetitions: 2 });
    const outside = await writeFixtureRun(dir, { id: 'elsewhere', repetitions: 2 });
    const refused = await dispatch(handlers, 'runs.delete', { runDir: outside });
    assert.equal(refused.ok, false);
    if (!refused.ok) assert.equal(refused.error.code, 'NOT_IN_WORKSPACE');
    assert.ok(existsSync(outside));
    const moved = await dispatch(handlers, 'runs.delete', { runDir: run });
    assert.ok(moved.ok, JSON.stringify(moved));
    const movedTo = (moved.value as { movedTo: string }).movedTo;
    assert.equal(existsSync(run), false);
    assert.ok(existsSync(join(movedTo, 'run.json')), 'the folder is in the workspace trash, restorable');
    assert.ok(movedTo.startsWith(join(workspace, '.trash')));
    const list = await dispatch(handlers, 'runs.list', {});
    assert.deepEqual(list, { ok: true, value: [] }, 'a trashed run is no longer listed');
  });
  await withContext({ trashItem: async (path) => void trashed.push(path) }, async (context, dir) => {
    const handlers = createHandlers(context);
    await dispatch(handlers, 'settings.update', { workspace: dir });
    const run = await writeFixtureRun(dir, { id: 'run-b', repetitions: 2 });
    const moved = await dispatch(handlers, 'runs.delete', { runDir: run });
    assert.deepEqual(moved, { ok: true, value: { runDir: run, movedTo: 'system trash' } });
    assert.deepEqual(trashed, [run]);
  });
});

test('settings.update refuses a relative workspace folder and says what to enter', async () => {
  await withContext({}, async (context) => {
    const reply = await dispatch(createHandlers(context), 'settings.update', { workspace: 'relative/dir' });
    assert.equal(reply.ok, false);
    if (!reply.ok) {
      assert.equal(reply.error.code, 'RELATIVE_WORKSPACE');
      assert.match(reply.error.message, /relative\/dir/);
      assert.match(reply.error.hint ?? '', /full path/);
    }
  });
});

test('language in Settings: the app and its exports follow it; "system" forgets the choice', async () => {
  await withContext({}, async (context, dir) => {
    const handlers = createHandlers(context);
    const run = await writeFixtureRun(dir, { id: 'run-th', repetitions: 2 });
    const chosen = await dispatch(handlers, 'settings.update', { language: 'th' });
    assert.deepEqual(chosen.ok && (chosen.value as { language?: string }).language, 'th');
    const thai = await dispatch(handlers, 'report.download', { runDirs: [run], format: 'html' });
    assert.ok(thai.ok);
    const html = Buffer.from((thai.value as { base64: string }).base64, 'base64').toString('utf8');
    assert.match(html, /<html lang="th">/);
    assert.match(html, /โมเดลที่ตัดแต่งเร็วขึ้น/);
    // A request that names a language wins over the setting.
    const english = await dispatch(handlers, 'report.download', { runDirs: [run], format: 'html', lang: 'en' });
    assert.ok(english.ok);
    assert.match(Buffer.from((english.value as { base64: string }).base64, 'base64').toString('utf8'), /Pruned is [\d.]+× faster/);
    const forgotten = await dispatch(handlers, 'settings.update', { language: 'system' });
    assert.ok(forgotten.ok);
    assert.equal('language' in (forgotten.value as object), false);
    const stored = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as { language?: string };
    assert.equal(stored.language, undefined);
  });
});
