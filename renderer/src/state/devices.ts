// Device list helpers: "This computer" is always offered; adb states get plain-language advice.
import type { DeviceSummary } from '../api/responses';

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
  switch (state) {
    case 'device':
      return undefined;
    case 'unauthorized':
      return {
        title: 'Waiting for you to allow USB debugging on the phone',
        steps: [
          'Unlock the phone: the prompt “Allow USB debugging?” shows the computer’s RSA key fingerprint.',
          'Tick “Always allow from this computer”, then tap Allow. The phone appears here as ready within a second.',
          'No prompt? Unplug and replug the cable, or in Developer options tap “Revoke USB debugging authorizations” and reconnect.',
        ],
      };
    case 'offline':
      return network
        ? {
            title: 'adb knows this network address but the device does not answer',
            steps: [
              'Check that the phone is on the same network and Wireless debugging is still on (it turns off when the phone changes network).',
              'Connect it again below, or remove the entry if the phone is gone.',
            ],
          }
        : {
            title: 'adb sees the device but it does not answer',
            steps: ['Unplug and replug the cable (use a data cable, not a charge-only one).'],
          };
    case 'no permissions':
    case 'no-permissions':
      return {
        title: 'This computer may not open the USB device',
        steps: [
          'On Linux, install udev rules for Android devices (e.g. the android-sdk-platform-tools-common package) and replug the phone.',
        ],
      };
    default:
      return network
        ? { title: `adb reports the device as “${state}”`, steps: ['Wait a moment; if it stays so, connect it again.'] }
        : { title: `adb reports the device as “${state}”`, steps: ['Wait a moment; if it stays so, replug the cable.'] };
  }
}
