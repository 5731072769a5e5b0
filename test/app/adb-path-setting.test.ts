import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppContext } from '../../electron/app/context';
import { dispatch } from '../../electron/app/dispatch';
import { EventBus } from '../../electron/app/event-bus';
import { createHandlers } from '../../electron/app/handlers';
import { defaultDeviceSettingsPath } from '../../electron/core/devices/settings';
import { cli } from '../cli/cli-io';

async function appWith(userDataDir: string, home: string) {
  const context = await createAppContext({
    bus: new EventBus(),
    transport: 'websocket',
    userDataDir,
    deviceSettingsPath: defaultDeviceSettingsPath({ SPARSE_STUDIO_HOME: home }),
  });
  return { context, handlers: createHandlers(context) };
}

test('the adb path set on the Settings page is the one the app and the CLI use, and a wrong one is reported', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'adb-path-'));
  const home = join(dir, 'home');
  const { context, handlers } = await appWith(join(dir, 'user-data'), home);
  try {
    const saved = await dispatch(handlers, 'settings.update', { adbPath: '/nonexistent/adb' });
    assert.ok(saved.ok, JSON.stringify(saved));
    assert.equal((saved.value as { adbPath?: string }).adbPath, '/nonexistent/adb');
    const stored = JSON.parse(await readFile(join(home, 'devices.json'), 'utf8')) as { adbPath?: string };
    assert.equal(stored.adbPath, '/nonexistent/adb');

    const listed = await dispatch(handlers, 'devices.list', {});
    assert.equal(listed.ok, false);
    if (!listed.ok) {
      assert.equal(listed.error.code, 'ADB_NOT_FOUND');
      assert.match(listed.error.message, /configured adb '\/nonexistent\/adb' does not exist/);
    }

    const fromCli = await cli(['devices'], { SPARSE_STUDIO_HOME: home });
    assert.notEqual(fromCli.code, 0);
    assert.match(fromCli.stderr, /configured adb '\/nonexistent\/adb' does not exist/);

    const cleared = await dispatch(handlers, 'settings.update', { adbPath: '' });
    assert.ok(cleared.ok);
    assert.equal((cleared.value as { adbPath?: string }).adbPath, undefined);
    assert.equal((JSON.parse(await readFile(join(home, 'devices.json'), 'utf8')) as { adbPath?: string }).adbPath, undefined);
  } finally {
    context.dispose();
    await rm(dir, { recursive: true, force: true });
  }
});

test('an adb path left in an old app settings file moves to the device settings', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'adb-path-legacy-'));
  const home = join(dir, 'home');
  const userData = join(dir, 'user-data');
  await mkdir(userData, { recursive: true });
  await writeFile(join(userData, 'settings.json'), JSON.stringify({ workspace: join(dir, 'ws'), adbPath: '/opt/old/adb' }));
  const { context, handlers } = await appWith(userData, home);
  try {
    const settings = await dispatch(handlers, 'settings.get', {});
    assert.ok(settings.ok);
    assert.deepEqual(settings.value, { workspace: join(dir, 'ws'), adbPath: '/opt/old/adb' });
    assert.equal((JSON.parse(await readFile(join(home, 'devices.json'), 'utf8')) as { adbPath?: string }).adbPath, '/opt/old/adb');
  } finally {
    context.dispose();
    await rm(dir, { recursive: true, force: true });
  }
});
