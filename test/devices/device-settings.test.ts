import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseAdbServerAddress, resolveAdbServerAddress } from '../../electron/core/devices/adb-server-address';
import { findAdbBinary } from '../../electron/core/devices/adb-binary';
import { forgetEndpoint, loadDeviceSettings, rememberEndpoint } from '../../electron/core/devices/settings';
import { UserError } from '../../electron/core/util/errors';

describe('device settings and adb server address', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sparse-settings-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('remembers and forgets endpoints in a JSON file', async () => {
    const path = join(dir, 'devices.json');
    assert.deepEqual(await loadDeviceSettings(path), { endpoints: [], adbServers: [] });
    await rememberEndpoint(path, '192.168.1.20:5555');
    await rememberEndpoint(path, '192.168.1.20:5555');
    await rememberEndpoint(path, 'farm.example:7401');
    assert.deepEqual((await loadDeviceSettings(path)).endpoints, ['192.168.1.20:5555', 'farm.example:7401']);
    await forgetEndpoint(path, '192.168.1.20:5555');
    assert.deepEqual((await loadDeviceSettings(path)).endpoints, ['farm.example:7401']);
    await assert.rejects(
      rememberEndpoint(path, 'no-port'),
      (e: unknown) => e instanceof UserError && e.code === 'BAD_ADB_SERVER',
    );
  });

  it('rejects a broken settings file with its path', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, '{"endpoints": [1]}');
    await assert.rejects(loadDeviceSettings(path), (e: unknown) => e instanceof UserError && e.message.includes(path));
  });

  it('parses --adb-server and honours ANDROID_ADB_SERVER_PORT', () => {
    assert.deepEqual(parseAdbServerAddress('10.0.0.2:5037'), { host: '10.0.0.2', port: 5037 });
    assert.deepEqual(parseAdbServerAddress('[::1]:6000'), { host: '::1', port: 6000 });
    assert.throws(() => parseAdbServerAddress('host:99999'), UserError);
    assert.deepEqual(resolveAdbServerAddress(undefined, {}), { host: '127.0.0.1', port: 5037 });
    assert.deepEqual(resolveAdbServerAddress(undefined, { ANDROID_ADB_SERVER_PORT: '5099' }), { host: '127.0.0.1', port: 5099 });
    assert.deepEqual(resolveAdbServerAddress('h:1', { ANDROID_ADB_SERVER_PORT: '5099' }), { host: 'h', port: 1 });
  });

  it('explains a missing adb', () => {
    assert.throws(
      () => findAdbBinary(undefined, { PATH: dir }),
      (e: unknown) => e instanceof UserError && e.code === 'ADB_NOT_FOUND' && /platform-tools/.test(e.message + (e.hint ?? '')),
    );
    assert.throws(
      () => findAdbBinary(join(dir, 'adb-nope'), {}),
      (e: unknown) => e instanceof UserError && e.message.includes('adb-nope'),
    );
  });
});
