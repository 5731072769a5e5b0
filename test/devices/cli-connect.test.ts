import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, it } from 'node:test';
import { runCli } from '../../electron/cli/main';
import { startPrivateAdbServer, type PrivateAdbServer } from '../rig/adb-server';
import { EmulatedPhone } from '../rig/emulated-phone';
import { ADB_MISSING, startRig, type Rig } from '../rig/test-rig';

const rig = await startRig();
const skip = rig ? false : ADB_MISSING;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(args, { stdout, stderr, interactive: false });
  return { code, out, err };
}

describe('connect and devices CLI with remembered endpoints and a remote adb server', { skip, timeout: 40_000 }, () => {
  const r = rig as Rig;
  let remote: PrivateAdbServer | undefined;
  const remotePhone = new EmulatedPhone({ model: 'Farm Phone' });
  const savedHome = process.env.SPARSE_STUDIO_HOME;
  after(async () => {
    if (savedHome === undefined) delete process.env.SPARSE_STUDIO_HOME;
    else process.env.SPARSE_STUDIO_HOME = savedHome;
    await remotePhone.stop();
    await remote?.stop();
    await r.stop();
  });

  it(
    'connect remembers the endpoint; devices reconnects it after a disconnect and lists the remote server too',
    { timeout: 30_000 },
    async () => {
      process.env.SPARSE_STUDIO_HOME = join(r.dir, 'home');
      const server = `127.0.0.1:${r.server.port}`;
      const phone = await r.addPhone({ model: 'Wifi Phone' }, false);

      const connected = await cli(['connect', phone.serial, '--adb-server', server]);
      assert.equal(connected.code, 0, connected.err);
      assert.equal(connected.out, `Connected to ${phone.serial}.\n`);
      const settingsFile = join(r.dir, 'home', 'devices.json');
      assert.deepEqual(JSON.parse(readFileSync(settingsFile, 'utf8')).endpoints, [phone.serial]);

      remote = await startPrivateAdbServer(r.server.adb);
      await remotePhone.start();
      await remote.run('connect', remotePhone.serial);
      const remembered = await cli(['connect', '--remote-server', `127.0.0.1:${remote.port}`]);
      assert.equal(remembered.code, 0, remembered.err);
      assert.deepEqual(JSON.parse(readFileSync(settingsFile, 'utf8')).adbServers, [`127.0.0.1:${remote.port}`]);

      await r.server.run('disconnect', phone.serial);
      await r.waitForState(phone.serial, undefined);
      const listed = await cli(['devices', '--json', '--adb-server', server]);
      assert.equal(listed.code, 0, listed.err);
      const devices = listed.out
        .trim()
        .split('\n')
        .map(
          (l) =>
            JSON.parse(l) as { serial: string; state: string; adbServer: string; details?: { identity?: { model?: string } } },
        );
      const wifi = devices.find((d) => d.serial === phone.serial);
      assert.equal(wifi?.state, 'device', 'the remembered endpoint was reconnected');
      assert.equal(wifi?.details?.identity?.model, 'Wifi Phone');
      const farm = devices.find((d) => d.serial === remotePhone.serial);
      assert.equal(farm?.adbServer, `127.0.0.1:${remote.port}`);
      assert.equal(farm?.details?.identity?.model, 'Farm Phone');

      const forgotten = await cli(['connect', phone.serial, '--forget', '--adb-server', server]);
      assert.equal(forgotten.code, 0);
      assert.deepEqual(JSON.parse(readFileSync(settingsFile, 'utf8')).endpoints, []);
    },
  );

  it('connect names an endpoint nobody answers', { timeout: 20_000 }, async () => {
    const result = await cli(['connect', '127.0.0.1:1', '--adb-server', `127.0.0.1:${r.server.port}`]);
    assert.equal(result.code, 1);
    assert.match(result.err, /Could not connect to 127\.0\.0\.1:1/);
  });
});
