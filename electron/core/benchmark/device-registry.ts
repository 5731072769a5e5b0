import type { Device } from '../devices/device';
import { openAdbConnection } from '../devices/adb-connection';
import { AdbDevice } from '../devices/adb-device';
import { isReady, stateAdvice } from '../devices/device-state';
import { defaultDeviceSettingsPath, loadDeviceSettings } from '../devices/settings';
import { HOST_DEVICE } from '../host/benchmark';
import { UserError } from '../util/errors';
import { HostDevice } from './host-device';

/** The target that means every ready phone. */
export const ALL_PHONES = 'all';

export interface DeviceRegistryOptions {
  /** HOST:PORT of the adb server, when not the default. */
  adbServer?: string;
  settingsPath?: string;
  /** Devices reached without adb; default: "This computer". */
  local?: readonly LocalDevice[];
}

/** A device that needs no adb server. */
export type LocalDevice = HostDevice;

/** The devices that need no adb server: "This computer" (the TFLite WebAssembly runtime). */
export function localDevices(): LocalDevice[] {
  return [new HostDevice()];
}

/** The id under which "This computer" is chosen (`--device host`). */
export const HOST_DEVICE_ID = HOST_DEVICE.id;

/** The ready phones named by `targets` (serials or 'all'); an unknown or not-ready serial is a clear error. */
async function selectPhones(targets: string[], options: DeviceRegistryOptions): Promise<Device[]> {
  if (targets.length === 0) return [];
  const settings = await loadDeviceSettings(options.settingsPath ?? defaultDeviceSettingsPath());
  const { client } = await openAdbConnection({
    ...(options.adbServer ? { server: options.adbServer } : {}),
    ...(settings.adbPath ? { adbPath: settings.adbPath } : {}),
  });
  const attached = (await client.listDevices()) as { id: string; type: string }[];
  const serials = targets.includes(ALL_PHONES) ? attached.filter((d) => isReady(d.type)).map((d) => d.id) : targets;
  if (serials.length === 0)
    throw new UserError('NO_DEVICE', 'No ready Android device is attached', 'Run `devices` to see what adb sees.');
  for (const serial of serials) {
    const state = attached.find((d) => d.id === serial)?.type;
    if (state === undefined) {
      throw new UserError(
        'DEVICE_NOT_FOUND',
        `No device '${serial}' is attached`,
        'Run `devices` for the serials, or `connect HOST:PORT` for a network device.',
      );
    }
    if (!isReady(state)) throw new UserError('DEVICE_NOT_READY', stateAdvice(serial, state));
  }
  return serials.map((serial) => new AdbDevice(client, serial));
}

/**
 * The devices named by `targets`: the id of a local device ("This computer"), phone serials, or 'all' (every ready
 * phone). adb is only reached when a phone is named. Phones come first, then local devices, each once.
 */
export async function resolveDevices(targets: readonly string[], options: DeviceRegistryOptions = {}): Promise<Device[]> {
  const local = options.local ?? localDevices();
  const chosenLocal = local.filter((device) => targets.includes(device.ref.id));
  const phoneTargets = [...new Set(targets.filter((t) => !local.some((device) => device.ref.id === t)))];
  return [...(await selectPhones(phoneTargets, options)), ...chosenLocal];
}
