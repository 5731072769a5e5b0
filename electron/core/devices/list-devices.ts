import type { AdbClient } from './adbkit';
import { AdbDevice } from './adb-device';
import type { DeviceDetails } from './details/device-details';
import { isReady, stateAdvice, type AdbDeviceEntry } from './device-state';

export interface ListedDevice extends AdbDeviceEntry {
  /** Present for ready devices when details were asked for. */
  details?: DeviceDetails;
  /** For devices that are not ready: what the user should do. */
  advice?: string;
}

/** The adb server's devices, with details gathered in parallel for the ready ones. */
export async function listDevices(client: AdbClient, withDetails: boolean): Promise<ListedDevice[]> {
  const listed = (await client.listDevices()) as { id: string; type: string }[];
  const entries: AdbDeviceEntry[] = listed.map((d) => ({ serial: d.id, state: d.type }));
  return Promise.all(
    entries.map(async (entry): Promise<ListedDevice> => {
      if (!isReady(entry.state)) return { ...entry, advice: stateAdvice(entry.serial, entry.state) };
      if (!withDetails) return entry;
      return { ...entry, details: await new AdbDevice(client, entry.serial).details() };
    }),
  );
}

export function deviceLabel(device: ListedDevice): string {
  const identity = device.details?.identity;
  const name = [identity?.manufacturer, identity?.model].filter(Boolean).join(' ');
  return name ? `${name} (${device.serial})` : device.serial;
}
