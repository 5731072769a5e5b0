// The app's import: a browser upload in chunks through the validated contract, then the same run folder as the CLI's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createAppContext } from '../../electron/app/context';
import { dispatch } from '../../electron/app/dispatch';
import { EventBus } from '../../electron/app/event-bus';
import { createHandlers } from '../../electron/app/handlers';
import type { ImportSummary } from '../../electron/core/import/import-run';
import { writeResidualFixtures } from './fixture-files';
import { residualReference } from './reference-model';

test('model.upload + model.import: chunks of model.json and its shards become a run folder; bad requests are refused', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'import-app-'));
  const context = await createAppContext({ bus: new EventBus(), transport: 'websocket', userDataDir: dir });
  t.after(async () => {
    context.dispose();
    await rm(dir, { recursive: true, force: true });
  });
  const handlers = createHandlers(context);
  const files = await writeResidualFixtures(residualReference(), join(dir, 'fixtures'));
  const folder = join(files.converter, '..');

  const started = await dispatch(handlers, 'model.upload', {});
  assert.ok(started.ok);
  const { uploadId } = started.value as { uploadId: string };
  for (const name of ['model.json', 'group1-shard1of2.bin', 'group1-shard2of2.bin']) {
    const bytes = await readFile(join(folder, name));
    for (let at = 0; at < bytes.length; at += 1000) {
      const chunk = await dispatch(handlers, 'model.upload', { uploadId, name, base64: bytes.subarray(at, at + 1000).toString('base64') });
      assert.ok(chunk.ok, JSON.stringify(chunk));
    }
  }
  const out = join(dir, 'imported');
  const imported = await dispatch(handlers, 'model.import', { uploadId, main: 'model.json', out });
  assert.ok(imported.ok, JSON.stringify(imported));
  const summary = imported.value as ImportSummary;
  assert.equal(summary.out, out);
  assert.equal(summary.source.format, 'tfjs-layers');
  assert.equal(summary.model.classes, 5);

  // The wizard then shows it with model.describe.
  const described = await dispatch(handlers, 'model.describe', { runDir: out });
  assert.ok(described.ok);
  assert.ok((described.value as { layers: { name: string }[] }).layers.some((l) => l.name === 'block_1_add'));

  // From a path, into the workspace by default.
  await dispatch(handlers, 'settings.update', { workspace: join(dir, 'ws') });
  const byPath = await dispatch(handlers, 'model.import', { path: files.keras });
  assert.ok(byPath.ok, JSON.stringify(byPath));
  assert.match(basename((byPath.value as ImportSummary).out), /^import-\d{8}-\d{6}$/);

  // The upload is gone once imported; names with folders are refused by the contract.
  const again = await dispatch(handlers, 'model.import', { uploadId, main: 'model.json', out: join(dir, 'again') });
  assert.equal(again.ok, false);
  assert.equal(!again.ok && again.error.code, 'UPLOAD_NOT_FOUND');
  const escape = await dispatch(handlers, 'model.upload', { uploadId, name: '../model.json', base64: 'e30=' });
  assert.equal(!escape.ok && escape.error.code, 'INVALID_REQUEST');
});
