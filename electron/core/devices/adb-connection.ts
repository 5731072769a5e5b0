import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { UserError, errorMessage } from '../util/errors';
import { findAdbBinary } from './adb-binary';
import { formatAdbServerAddress, isLocalAddress, resolveAdbServerAddress, type AdbServerAddress } from './adb-server-address';
import { Adb, type AdbClient } from './adbkit';

export interface AdbConnectionOptions {
  /** `HOST:PORT` of the adb server (the `--adb-server` option); default from the environment. */
  server?: string;
  /** adb program to start a local server with (settings); default ANDROID_HOME/platform-tools or PATH. */
  adbPath?: string;
  env?: NodeJS.ProcessEnv;
  /** Socket errors that no pending call is waiting for (adb server killed, cable pulled). Without a listener
   * adbkit's client would crash the process with them; the affected calls fail on their own. */
  onStrayError?: (error: Error) => void;
}

export interface AdbConnection {
  client: AdbClient;
  address: AdbServerAddress;
  /** Set when this call had to start the local adb server. */
  startedServerWith?: string;
}

function serverAnswers(address: AdbServerAddress, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address.host, port: address.port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function startServer(adb: string, port: number, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(adb, ['-P', String(port), 'start-server'], { env, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error)
        reject(
          new UserError(
            'ADB_START_FAILED',
            `'${adb} -P ${port} start-server' failed: ${(stderr || stdout || errorMessage(error)).trim()}`,
            'Run that command yourself to see why, or kill a stuck adb with `adb kill-server`.',
          ),
        );
      else resolve();
    });
  });
}

/** Connects to the adb server, starting a local one when none runs. The client never times out idle sockets
 * (adbkit's `timeout` would end a quiet benchmark run). */
export async function openAdbConnection(options: AdbConnectionOptions = {}): Promise<AdbConnection> {
  const env = options.env ?? process.env;
  const address = resolveAdbServerAddress(options.server, env);
  let startedServerWith: string | undefined;
  // A configured adb that is not there is reported as such even while some other adb server answers on the port:
  // otherwise the setting would be silently ignored.
  if (options.adbPath && isLocalAddress(address)) findAdbBinary(options.adbPath, env);
  if (!(await serverAnswers(address))) {
    if (!isLocalAddress(address)) {
      throw new UserError(
        'ADB_SERVER_UNREACHABLE',
        `No adb server answers at ${formatAdbServerAddress(address)}`,
        'Check that the remote adb server runs (`adb -a -P PORT server nodaemon`) and that the port is reachable.',
      );
    }
    startedServerWith = findAdbBinary(options.adbPath, env);
    await startServer(startedServerWith, address.port, env);
  }
  const client = Adb.createClient({
    host: address.host,
    port: address.port,
    bin: startedServerWith ?? options.adbPath ?? 'adb',
    timeout: 0,
  });
  client.on('error', (error: Error) => options.onStrayError?.(error));
  return startedServerWith ? { client, address, startedServerWith } : { client, address };
}
