// Device list helpers: "This computer" is always offered; adb states get plain-language advice.
import type { DeviceSummary } from '../api/responses';
import { appI18n } from '../i18n/app-i18n';

export const HOST_DEVICE: DeviceSummary = { id: 'host', kind: 'host', label: 'This computer', state: 'device' };

export function withHost(devices: DeviceSummary[]): DeviceSummary[] {
  return devices.some((d) => d.kind === 'host') ? devices : [HOST_DEVICE, ...devices];
}

export function isReady(device: DeviceSummary): boolean {
  return device.kind === 'host' || device.state === 'device';
}

/** A device adb reaches over the network (`adb connect HOST:PORT`) rather than a USB cable. */
export function isNetworkDevice(device: Pick<DeviceSummary, 'id' | 'kind'>): boolean {
  return device.kind === 'adb' && /:\d{1,5}$/.test(device.id);
}

/** The name to show once: the label when it says more than the serial, else the serial. */
export function deviceName(device: Pick<DeviceSummary, 'id' | 'label'>): string {
  return device.label && device.label !== device.id ? device.label : device.id;
}

/** What the user should do for an adb state other than 'device', or undefined when the device is usable. */
export function stateAdvice(state: string, network = false): { title: string; steps: string[] } | undefined {
  const t = appI18n.t;
  const k = 'wizard.devices.advice';
  switch (state) {
    case 'device':
      return undefined;
    case 'unauthorized':
      return { title: t(`${k}.unauthorized.title`), steps: [t(`${k}.unauthorized.s1`), t(`${k}.unauthorized.s2`), t(`${k}.unauthorized.s3`)] };
    case 'offline':
      return network
        ? { title: t(`${k}.offlineNetwork.title`), steps: [t(`${k}.offlineNetwork.s1`), t(`${k}.offlineNetwork.s2`)] }
        : { title: t(`${k}.offline.title`), steps: [t(`${k}.offline.s1`)] };
    case 'no permissions':
    case 'no-permissions':
      return { title: t(`${k}.noPermissions.title`), steps: [t(`${k}.noPermissions.s1`)] };
    default:
      return { title: t(`${k}.other.title`, { state }), steps: [t(network ? `${k}.other.network` : `${k}.other.usb`)] };
  }
}
