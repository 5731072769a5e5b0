// The app's device service against Debian's real adb server and an emulated phone (the device rig): connect reports
// the device's real state, a connect to an address that never answers leaves no ghost device, disconnect/forget
// remove a network device. Skips without adb.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeviceService } from '../../electron/app/device-service';
import { EventBus } from '../../electron/app/event-bus';
import { UserError } from '../../electron/core/util/errors';
import { startRig } from '../rig/test-rig';

test('connect, a failed connect without a ghost, disconnect and forget', { timeout: 120_000 }, async (t) => {
  const rig = await startRig();
  if (!rig) {
    t.skip('adb is not installed');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'device-connect-'));
  const settingsPath = join(dir, 'devices.json');
  const service = new DeviceService(new EventBus(), { adbServer: `127.0.0.1:${rig.server.port}`, settingsPath });
  const silent = createServer((socket) => socket.on('data', () => undefined));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const phone = await rig.addPhone({ model: 'Pixel Emulated' }, false);
    const [host, port] = phone.serial.split(':');
    const connected = await service.connect(host!, Number(port));
    assert.deepEqual(connected, { serial: phone.serial, state: 'device' });
    assert.deepEqual((JSON.parse(await readFile(settingsPath, 'utf8')) as { endpoints: string[] }).endpoints, [phone.serial]);

    const ghost = `127.0.0.1:${(silent.address() as { port: number }).port}`;
    await assert.rejects(service.connect('127.0.0.1', Number(ghost.split(':')[1])), (error: unknown) => {
      assert.ok(error instanceof UserError);
      return true;
    });
    const ids = (await service.list()).map((d) => d.id);
    assert.ok(!ids.includes(ghost), `no ghost device is left: ${JSON.stringify(ids)}`);
    assert.ok(!(JSON.parse(await readFile(settingsPath, 'utf8')) as { endpoints: string[] }).endpoints.includes(ghost));

    assert.deepEqual(await service.disconnect(phone.serial, true), { serial: phone.serial, forgotten: true });
    await rig.waitForState(phone.serial, undefined);
    assert.deepEqual((JSON.parse(await readFile(settingsPath, 'utf8')) as { endpoints: string[] }).endpoints, []);
  } finally {
    silent.close();
    service.dispose();
    await rig.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
