import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppContext } from '../../electron/app/context';
import { dispatch } from '../../electron/app/dispatch';
import { EventBus } from '../../electron/app/event-bus';
import { createHandlers } from '../../electron/app/handlers';
import { COMMAND_NAMES } from '../../shared/contract';

test('the app implements every contract command with the core', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'handlers-'));
  const bus = new EventBus();
  const progress: unknown[] = [];
  bus.subscribe((event, payload) => {
    if (event === 'data.progress') progress.push(payload);
  });
  const context = await createAppContext({ bus, transport: 'websocket', userDataDir: dir });
  const previousCache = process.env.SPARSE_STUDIO_CACHE;
  process.env.SPARSE_STUDIO_CACHE = join(dir, 'cache'); // a cold cache, so the sample is really read and decoded
  try {
    const handlers = createHandlers(context);
    assert.deepEqual(Object.keys(handlers).sort(), [...COMMAND_NAMES].sort());

    const info = await dispatch(handlers, 'app.info', {});
    assert.ok(info.ok);
    assert.equal((info.value as { transport: string }).transport, 'websocket');

    const model = await dispatch(handlers, 'model.describe', { model: 'baseline' });
    assert.ok(model.ok);
    const described = model.value as {
      parameters: { total: number };
      xnnpack: { ok: boolean; message: string };
      fix: { passesAfterFix: boolean };
    };
    assert.equal(described.parameters.total, 1802);
    assert.equal(described.xnnpack.ok, false);
    assert.match(described.xnnpack.message, /keepdims = True/);
    assert.equal(described.fix.passesAfterFix, true);

    const data = await dispatch(handlers, 'data.inspect', { source: 'sample', samplesPerClass: 2 });
    assert.ok(data.ok, JSON.stringify(data));
    const inspected = data.value as { classNames: string[]; samples: { images: string[] }[] };
    assert.equal(inspected.classNames.length, 10);
    assert.ok(inspected.samples.every((s) => s.images.length === 2 && s.images[0]!.startsWith('data:image/png;base64,')));
    assert.ok(progress.length > 0, 'loading the data set reports progress as data.progress events');
    assert.ok(progress.every((p) => (p as { source: string }).source === 'sample'));

    const missing = await dispatch(handlers, 'tflite.inspect', { file: join(dir, 'nope.tflite') });
    assert.equal(missing.ok, false);
    if (!missing.ok) assert.match(missing.error.message, /nope\.tflite/);

    const settings = await dispatch(handlers, 'settings.update', { workspace: join(dir, 'ws') });
    assert.ok(settings.ok);
    assert.equal((settings.value as { workspace: string }).workspace, join(dir, 'ws'));
  } finally {
    if (previousCache === undefined) delete process.env.SPARSE_STUDIO_CACHE;
    else process.env.SPARSE_STUDIO_CACHE = previousCache;
    context.dispose();
    await rm(dir, { recursive: true, force: true });
  }
});

test('PDF export uses the host browser engine when the app provides one (Electron printToPDF)', async () => {
  const { writeFixtureRun } = await import('../report/fixture-run');
  const dir = await mkdtemp(join(tmpdir(), 'handlers-pdf-'));
  const printed: string[] = [];
  const context = await createAppContext({
    bus: new EventBus(),
    transport: 'ipc',
    userDataDir: dir,
    printToPdf: async (html) => {
      printed.push(html);
      return new TextEncoder().encode('%PDF-1.7 fake');
    },
  });
  try {
    const run = await writeFixtureRun(dir, { id: 'pdf-fixture', repetitions: 2 });
    const out = join(dir, 'out.pdf');
    const reply = await dispatch(createHandlers(context), 'report.export', { runDirs: [run], format: 'pdf', out });
    assert.ok(reply.ok, JSON.stringify(reply));
    assert.equal(printed.length, 1);
    assert.match(printed[0]!, /data-chart="latency"/);
    assert.equal(await readFile(out, 'utf8'), '%PDF-1.7 fake');
  } finally {
    context.dispose();
    await rm(dir, { recursive: true, force: true });
  }
});
