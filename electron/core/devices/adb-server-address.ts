import { UserError } from '../util/errors';

export interface AdbServerAddress {
  host: string;
  port: number;
}

export const DEFAULT_ADB_SERVER_PORT = 5037;

/** Parses `HOST:PORT` (or `PORT`, or `[v6]:PORT`) as given to `--adb-server`. */
export function parseAdbServerAddress(text: string, source = '--adb-server'): AdbServerAddress {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(text.trim()) ?? /^()()(\d+)$/.exec(text.trim());
  const port = Number(match?.[3]);
  if (!match || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserError('BAD_ADB_SERVER', `${source} '${text}' is not HOST:PORT`, 'Example: --adb-server 127.0.0.1:5037');
  }
  return { host: match[1] || match[2] || '127.0.0.1', port };
}

/**
 * The adb server to talk to: the explicit option, else adb's own ANDROID_ADB_SERVER_PORT (and ADB_SERVER_SOCKET
 * `tcp:HOST:PORT`), else 127.0.0.1:5037.
 */
export function resolveAdbServerAddress(option: string | undefined, env: NodeJS.ProcessEnv = process.env): AdbServerAddress {
  if (option) return parseAdbServerAddress(option);
  const socket = env.ADB_SERVER_SOCKET;
  if (socket?.startsWith('tcp:')) return parseAdbServerAddress(socket.slice(4), 'ADB_SERVER_SOCKET');
  const port = env.ANDROID_ADB_SERVER_PORT;
  if (port) return { host: '127.0.0.1', port: parseAdbServerAddress(port, 'ANDROID_ADB_SERVER_PORT').port };
  return { host: '127.0.0.1', port: DEFAULT_ADB_SERVER_PORT };
}

export function formatAdbServerAddress(address: AdbServerAddress): string {
  return `${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
}

export function isLocalAddress(address: AdbServerAddress): boolean {
  return ['127.0.0.1', 'localhost', '::1'].includes(address.host);
}
