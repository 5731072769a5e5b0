// Starts Debian's real adb server on a private port for the device tests, and stops it afterwards.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findAdbBinary } from '../../electron/core/devices/adb-binary';
import { UserError } from '../../electron/core/util/errors';

/** Debian's adb from ANDROID_HOME or PATH; undefined when it is not installed (the device tests then skip). */
export function findAdb(): string | undefined {
  try {
    return findAdbBinary(undefined);
  } catch (error) {
    if (error instanceof UserError) return undefined;
    throw error;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface PrivateAdbServer {
  adb: string;
  port: number;
  /** Runs `adb -P port <args>` and returns its stdout+stderr. */
  run(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

export async function startPrivateAdbServer(adb: string): Promise<PrivateAdbServer> {
  const port = await freePort();
  // A private HOME keeps the server's RSA key out of the user's ~/.android.
  const home = mkdtempSync(join(tmpdir(), 'sparse-adb-home-'));
  const env = { ...process.env, HOME: home, ANDROID_ADB_SERVER_PORT: String(port), ADB_MDNS: '0' };
  const run = (...args: string[]) =>
    new Promise<string>((resolve) => {
      execFile(adb, ['-P', String(port), ...args], { env, timeout: 20_000 }, (_error, stdout, stderr) =>
        resolve(`${stdout}${stderr}`),
      );
    });
  const started = await run('start-server');
  if (!/daemon started|^$/m.test(started) && /error|failed/i.test(started))
    throw new Error(`adb start-server failed: ${started}`);
  return {
    adb,
    port,
    run,
    async stop() {
      await run('kill-server');
      rmSync(home, { recursive: true, force: true });
    },
  };
}
