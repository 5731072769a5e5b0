// "Open run folder…" through the real handlers: a run folder outside the workspace is checked, remembered in the
// settings, listed in History, reported on, and removed again; folders that are not runs are refused by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppContext } from '../../electron/app/context';
import { dispatch, type Envelope } from '../../electron/app/dispatch';
import { EventBus } from '../../electron/app/event-bus';
import { createHandlers } from '../../electron/app/handlers';
import type { CommandResponses } from '../../shared/contract';
import { writeFixtureRun } from '../report/fixture-run';

const value = <T>(reply: Envelope): T => {
  assert.ok(reply.ok, JSON.stringify(reply));
  return reply.value as T;
};
const failure = (reply: Envelope) => {
  assert.equal(reply.ok, false, 'the command was refused');
  return (reply as Extract<Envelope, { ok: false }>).error;
};

test('a run folder outside the workspace is opened, listed, reported on and removed from History', async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'open-run-'));
  const userDataDir = join(tmp, 'user-data');
  const workspace = join(tmp, 'workspace');
  const elsewhere = join(tmp, 'elsewhere');
  const opts = { bus: new EventBus(), transport: 'websocket' as const, userDataDir };
  const context = await createAppContext(opts);
  try {
    const handlers = createHandlers(context);
    value(await dispatch(handlers, 'settings.update', { workspace }));
    await writeFixtureRun(workspace, { id: 'own-run', repetitions: 2 });
    const outside = await writeFixtureRun(elsewhere, { id: 'outside-run', repetitions: 2 });

    const opened = value<CommandResponses['runs.open']>(await dispatch(handlers, 'runs.open', { runDir: outside }));
    assert.deepEqual(opened, { runDir: outside, alreadyListed: false });
    assert.deepEqual(
      value<CommandResponses['runs.open']>(await dispatch(handlers, 'runs.open', { runDir: `${outside}/` })),
      { runDir: outside, alreadyListed: true },
      'opening it again (with a trailing slash) does not list it twice',
    );
    const ownRun = join(workspace, 'own-run');
    assert.deepEqual(value(await dispatch(handlers, 'runs.open', { runDir: ownRun })), { runDir: ownRun, alreadyListed: true });

    const listed = value<CommandResponses['runs.list']>(await dispatch(handlers, 'runs.list', {}));
    assert.deepEqual(
      listed.map((e) => [e.ok ? e.overview.dir : e.dir, 'opened' in e]),
      [
        [ownRun, false],
        [outside, true],
      ],
    );
    const report = value<CommandResponses['report.build']>(
      await dispatch(handlers, 'report.build', { runDirs: [ownRun, outside] }),
    );
    assert.equal(report.runs.length, 2, 'an opened run compares with a workspace run');

    // Remembered in the settings file: a new window (or app start) lists it too.
    const again = await createAppContext({ ...opts, bus: new EventBus() });
    try {
      const relisted = value<CommandResponses['runs.list']>(await dispatch(createHandlers(again), 'runs.list', {}));
      assert.ok(relisted.some((e) => e.ok && e.overview.dir === outside));
    } finally {
      again.dispose();
    }

    // A remembered folder that was moved away stays listed with the reason, so it can be removed.
    await rm(outside, { recursive: true });
    const gone = value<CommandResponses['runs.list']>(await dispatch(handlers, 'runs.list', {})).find((e) => !e.ok);
    assert.ok(gone && !gone.ok);
    assert.match(gone.error, /run\.json is missing/);
    assert.deepEqual(value(await dispatch(handlers, 'runs.forget', { runDir: outside })), { runFolders: [] });
    assert.equal(value<CommandResponses['runs.list']>(await dispatch(handlers, 'runs.list', {})).length, 1);
    assert.equal(failure(await dispatch(handlers, 'runs.forget', { runDir: outside })).code, 'NOT_OPENED');
  } finally {
    context.dispose();
    await rm(tmp, { recursive: true, force: true });
  }
});

test('folders that are not run folders are refused with their path and what to choose', async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'open-run-bad-'));
  const context = await createAppContext({ bus: new EventBus(), transport: 'websocket', userDataDir: join(tmp, 'user-data') });
  try {
    const handlers = createHandlers(context);
    const empty = join(tmp, 'just-photos');
    await mkdir(empty);
    const notRun = failure(await dispatch(handlers, 'runs.open', { runDir: empty }));
    assert.equal(notRun.code, 'NOT_A_RUN_FOLDER');
    assert.match(notRun.message, new RegExp(`${empty} is not a run folder: it has no run\\.json`));
    assert.match(notRun.hint ?? '', /Choose the folder a Sparse Studio run wrote/);

    const missing = failure(await dispatch(handlers, 'runs.open', { runDir: join(tmp, 'nowhere') }));
    assert.equal(missing.code, 'RUN_FOLDER_MISSING');
    assert.match(missing.message, /nowhere does not exist/);

    const broken = join(tmp, 'broken-run');
    await mkdir(broken);
    await writeFile(join(broken, 'run.json'), '{ not json');
    assert.match(
      failure(await dispatch(handlers, 'runs.open', { runDir: broken })).message,
      /broken-run\/run\.json is not valid JSON/,
    );

    const relative = failure(await dispatch(handlers, 'runs.open', { runDir: 'runs/train-1' }));
    assert.equal(relative.code, 'INVALID_REQUEST');
    assert.match(relative.message, /runDir: must be a full path/);

    // Browser mode has no folder dialog: a request without a path says to type one.
    assert.equal(failure(await dispatch(handlers, 'runs.open', {})).code, 'NO_FOLDER_DIALOG');
    assert.equal(context.settings.get().runFolders, undefined, 'nothing was remembered');
  } finally {
    context.dispose();
    await rm(tmp, { recursive: true, force: true });
  }
});

test('the desktop folder dialog picks the folder; cancelling it changes nothing', async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'open-run-dialog-'));
  const answers: (string | undefined)[] = [undefined];
  const context = await createAppContext({
    bus: new EventBus(),
    transport: 'ipc',
    userDataDir: join(tmp, 'user-data'),
    chooseFolder: async () => answers.shift(),
  });
  try {
    const handlers = createHandlers(context);
    const run = await writeFixtureRun(join(tmp, 'usb-drive'), { id: 'phone-run', repetitions: 2 });
    assert.deepEqual(value(await dispatch(handlers, 'runs.open', {})), { cancelled: true });
    answers.push(run);
    assert.deepEqual(value(await dispatch(handlers, 'runs.open', {})), { runDir: run, alreadyListed: false });
    assert.deepEqual(context.settings.get().runFolders, [run]);
  } finally {
    context.dispose();
    await rm(tmp, { recursive: true, force: true });
  }
});
