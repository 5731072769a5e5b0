import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pushFile } from '../../electron/core/benchmark/push-file';
import { describeLocalFile } from '../../electron/core/benchmark/file-hash';
import { AdbDevice } from '../../electron/core/devices/adb-device';
import { DeviceWatcher } from '../../electron/core/devices/device-watcher';
import type { DeviceDetails } from '../../electron/core/devices/details/device-details';
import { listDevices } from '../../electron/core/devices/list-devices';
import { connectEndpoint } from '../../electron/core/devices/remote-endpoint';
import { openAdbConnection } from '../../electron/core/devices/adb-connection';
import { findAdb } from '../rig/adb-server';
import { ADB_MISSING, startRig, type Rig } from '../rig/test-rig';

const rig = await startRig();
const skip = rig ? false : ADB_MISSING;

/** Resolves with the first event for `serial` matching `predicate`. */
function nextEvent(
  watcher: DeviceWatcher,
  serial: string,
  predicate: (event: string, state: string) => boolean,
): Promise<string> {
  return new Promise((resolve) => {
    const check = (event: string) => (entry: { serial: string; state: string }) => {
      if (entry.serial === serial && predicate(event, entry.state)) resolve(`${event}:${entry.state}`);
    };
    watcher.on('added', check('added'));
    watcher.on('changed', check('changed'));
    watcher.on('removed', check('removed'));
  });
}

describe('adb devices against a real adb server and emulated phones', { skip, timeout: 40_000 }, () => {
  const r = rig as Rig;
  let watcher: DeviceWatcher;

  before(async () => {
    watcher = new DeviceWatcher(r.client);
    await watcher.start();
  });
  after(async () => {
    watcher?.stop();
    await r.stop();
  });

  it('sees a phone connect and disconnect as hot-plug events', { timeout: 15_000 }, async () => {
    const phone = await r.addPhone({ model: 'Hotplug' }, false);
    const added = nextEvent(watcher, phone.serial, (e) => e === 'added');
    const ready = nextEvent(watcher, phone.serial, (e, s) => e !== 'removed' && s === 'device');
    const connection = await connectEndpoint(r.client, phone.serial);
    assert.deepEqual(connection, { serial: phone.serial, state: 'device' });
    assert.match(await added, /^added:/);
    assert.match(await ready, /:device$/);
    assert.ok(watcher.list().some((d) => d.serial === phone.serial && d.state === 'device'));
    const removed = nextEvent(watcher, phone.serial, (e) => e === 'removed');
    await r.server.run('disconnect', phone.serial);
    assert.equal(await removed, 'removed:device');
    assert.ok(!watcher.list().some((d) => d.serial === phone.serial));
  });

  it('reports unauthorized, then device once the phone accepts the key', { timeout: 15_000 }, async () => {
    const phone = await r.addPhone({ auth: 'unauthorized' }, false);
    const unauthorized = nextEvent(watcher, phone.serial, (_e, s) => s === 'unauthorized');
    assert.deepEqual(await connectEndpoint(r.client, phone.serial), { serial: phone.serial, state: 'unauthorized' });
    await unauthorized;
    const listed = await listDevices(r.client, true);
    const entry = listed.find((d) => d.serial === phone.serial);
    assert.equal(entry?.state, 'unauthorized');
    assert.match(entry?.advice ?? '', /tap "Allow"/);
    const authorized = nextEvent(watcher, phone.serial, (e, s) => e === 'changed' && s === 'device');
    phone.authorize();
    assert.equal(await authorized, 'changed:device');
  });

  it('reports offline when a connected phone stops answering', { timeout: 15_000 }, async () => {
    const phone = await r.addPhone({ model: 'Flaky' });
    const offline = nextEvent(watcher, phone.serial, (_e, s) => s === 'offline');
    phone.auth = 'offline';
    phone.dropConnection();
    assert.match(await offline, /offline$/);
  });

  it('gathers details from getprop, sysfs, meminfo, battery and thermal service', { timeout: 10_000 }, async () => {
    const phone = await r.addPhone({
      model: 'Pixel Emu',
      props: { 'ro.soc.manufacturer': 'Google', 'ro.soc.model': 'Tensor G3' },
    });
    const details = (await new AdbDevice(r.client, phone.serial).details()) as DeviceDetails;
    assert.deepEqual(details.unavailable, {});
    assert.equal(details.identity?.model, 'Pixel Emu');
    assert.equal(details.identity?.soc, 'Google Tensor G3');
    assert.equal(details.identity?.sdk, 34);
    assert.deepEqual(details.identity?.abis.slice(0, 1), ['arm64-v8a']);
    assert.equal(details.cpu?.bigCoreMask, '80');
    assert.deepEqual(
      details.cpu?.clusters.map((c) => c.cpus.length),
      [4, 3, 1],
    );
    assert.equal(details.memory?.totalKb, 7812340);
    assert.equal(details.battery?.level, 87);
    assert.equal(details.battery?.temperatureC, 31.2);
    assert.equal(details.thermal?.status, 0);
    assert.equal(details.thermal?.maxCpuC, 36.5);
  });

  it('pushes with byte progress, and skips the push when the same file is already there', { timeout: 15_000 }, async () => {
    const phone = await r.addPhone({ model: 'Pusher' });
    const local = join(r.dir, 'big.bin');
    writeFileSync(local, Buffer.alloc(600_000, 3));
    const info = await describeLocalFile(local);
    const device = r.client.getDevice(phone.serial);
    const progress: number[] = [];
    const first = await pushFile(device, local, '/data/local/tmp/sparse-studio/big.bin', {
      mode: 0o755,
      bytes: info.bytes,
      sha256: info.sha256,
      timeoutMs: 10_000,
      onProgress: (b) => progress.push(b),
    });
    assert.equal(first.skipped, false);
    assert.ok(progress.length >= 2, `several progress events, got ${progress.length}`);
    assert.equal(progress[progress.length - 1], 600_000);
    const stored = phone.fs.files.get('/data/local/tmp/sparse-studio/big.bin');
    assert.equal(stored?.data.length, 600_000);
    assert.equal(stored?.mode, 0o755);
    const second = await pushFile(device, local, '/data/local/tmp/sparse-studio/big.bin', {
      mode: 0o755,
      bytes: info.bytes,
      sha256: info.sha256,
      timeoutMs: 10_000,
    });
    assert.equal(second.skipped, true);
  });
});

describe('adb server start', { skip, timeout: 20_000 }, () => {
  it('starts a local adb server on the requested port when none runs', async () => {
    const probe = await import('node:net');
    const port = await new Promise<number>((resolve) => {
      const server = probe.createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const home = mkdtempSync(join(tmpdir(), 'sparse-adb-home-'));
    const connection = await openAdbConnection({
      server: `127.0.0.1:${port}`,
      adbPath: findAdb()!,
      env: { ...process.env, HOME: home },
    });
    try {
      assert.equal(connection.startedServerWith, findAdb());
      assert.ok((await connection.client.version()) > 0);
      // Killing the server under a live watcher ends it cleanly (no unhandled 'error' crash).
      const watcher = new DeviceWatcher(connection.client);
      await watcher.start();
      const ended = new Promise<void>((resolve) => watcher.once('end', resolve));
      await connection.client.kill();
      await ended;
      watcher.stop();
    } finally {
      await connection.client.kill().catch(() => undefined);
      rmSync(home, { recursive: true, force: true });
    }
  });
});
