import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../electron/cli/main';
import { Adb } from '../../electron/core/devices/adbkit';
import { pairEndpoint } from '../../electron/core/devices/pair-endpoint';
import { UserError } from '../../electron/core/util/errors';
import { findAdb, startPrivateAdbServer, type PrivateAdbServer } from '../rig/adb-server';

const adb = findAdb();

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

describe('pairing through a real adb server', { skip: adb ? false : 'adb is not installed', timeout: 40_000 }, () => {
  let server: PrivateAdbServer;
  let pairingKnown = false;
  before(async () => {
    server = await startPrivateAdbServer(adb as string);
    pairingKnown = !/unknown command/i.test(await server.run('pair'));
  });
  after(async () => server?.stop());

  it('rejects a code that is not 6 digits before asking the server', async () => {
    const client = Adb.createClient({ host: '127.0.0.1', port: server.port });
    await assert.rejects(pairEndpoint(client, '127.0.0.1:1', '12345'), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.code, 'INVALID_PAIRING_CODE');
      assert.match(error.message, /127\.0\.0\.1:1/);
      return true;
    });
  });

  it('names the adb server as too old when it has no pairing, or the refused endpoint when it has', async () => {
    const client = Adb.createClient({ host: '127.0.0.1', port: server.port });
    // Nothing listens on port 1, so a pairing-capable server fails to reach it; an older one does not know pairing.
    await assert.rejects(pairEndpoint(client, '127.0.0.1:1', '123456', 20_000), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.code, pairingKnown ? 'PAIR_FAILED' : 'PAIR_UNSUPPORTED');
      assert.match(error.message, /127\.0\.0\.1:1/);
      if (!pairingKnown) assert.match(error.hint ?? '', /platform-tools/);
      return true;
    });
  });

  it('the CLI pair command reports the same, with usage help for a missing code', async () => {
    const missing = await cli(['pair', '127.0.0.1:1', '--adb-server', `127.0.0.1:${server.port}`]);
    assert.notEqual(missing.code, 0);
    assert.match(missing.err, /6-digit CODE/);
    const refused = await cli(['pair', '127.0.0.1:1', '123456', '--adb-server', `127.0.0.1:${server.port}`]);
    assert.notEqual(refused.code, 0);
    assert.match(refused.err, pairingKnown ? /Pairing with 127\.0\.0\.1:1 failed/ : /older than platform-tools 30/);
  });
});
