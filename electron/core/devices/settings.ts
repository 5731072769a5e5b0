import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeJsonAtomic } from '../util/atomic-write';
import { UserError } from '../util/errors';
import { parseAdbServerAddress } from './adb-server-address';

/** What the app remembers about devices: network endpoints to `adb connect`, remote adb servers, an adb path. */
export interface DeviceSettings {
  /** `host:port` endpoints (Wi-Fi debugging, device farms, emulators) connected with `adb connect`. */
  endpoints: string[];
  /** `host:port` of adb servers on other machines whose phones are listed too. */
  adbServers: string[];
  /** adb program used to start a local server. */
  adbPath?: string;
}

export function defaultDeviceSettingsPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.SPARSE_STUDIO_HOME ?? join(homedir(), '.sparse-studio'), 'devices.json');
}

const EMPTY: DeviceSettings = { endpoints: [], adbServers: [] };

function stringArray(value: unknown, field: string, path: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new UserError(
      'BAD_DEVICE_SETTINGS',
      `${path}: '${field}' must be a list of "host:port" strings`,
      'Fix or delete the file; it is rewritten by `connect`.',
    );
  }
  return value as string[];
}

export async function loadDeviceSettings(path: string): Promise<DeviceSettings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...EMPTY, endpoints: [], adbServers: [] };
    throw error;
  }
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new UserError('BAD_DEVICE_SETTINGS', `${path} is not valid JSON`, 'Fix or delete the file.');
  }
  const settings: DeviceSettings = {
    endpoints: stringArray(raw.endpoints, 'endpoints', path),
    adbServers: stringArray(raw.adbServers, 'adbServers', path),
  };
  if (typeof raw.adbPath === 'string') settings.adbPath = raw.adbPath;
  return settings;
}

export async function saveDeviceSettings(path: string, settings: DeviceSettings): Promise<void> {
  await writeJsonAtomic(path, settings);
}

/** Checks `host:port` and returns it normalised. */
export function normaliseEndpoint(text: string): string {
  const { host, port } = parseAdbServerAddress(text, 'endpoint');
  return `${host}:${port}`;
}

export async function rememberEndpoint(path: string, endpoint: string): Promise<DeviceSettings> {
  const settings = await loadDeviceSettings(path);
  const normalised = normaliseEndpoint(endpoint);
  if (!settings.endpoints.includes(normalised)) settings.endpoints.push(normalised);
  await saveDeviceSettings(path, settings);
  return settings;
}

export async function forgetEndpoint(path: string, endpoint: string): Promise<DeviceSettings> {
  const settings = await loadDeviceSettings(path);
  settings.endpoints = settings.endpoints.filter((e) => e !== normaliseEndpoint(endpoint));
  await saveDeviceSettings(path, settings);
  return settings;
}

/** Sets (or, with undefined, removes) the adb program used to start a local adb server. */
export async function setAdbPath(path: string, adbPath: string | undefined): Promise<DeviceSettings> {
  const settings = await loadDeviceSettings(path);
  delete settings.adbPath;
  if (adbPath) settings.adbPath = adbPath;
  await saveDeviceSettings(path, settings);
  return settings;
}

/** Remembers the adb server of another machine (`adb -a -P PORT server nodaemon` there) whose phones are listed too. */
export async function rememberAdbServer(path: string, server: string): Promise<DeviceSettings> {
  const settings = await loadDeviceSettings(path);
  const normalised = normaliseEndpoint(server);
  if (!settings.adbServers.includes(normalised)) settings.adbServers.push(normalised);
  await saveDeviceSettings(path, settings);
  return settings;
}
