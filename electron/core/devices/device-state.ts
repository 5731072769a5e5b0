/** adb's device states as reported by `host:devices` (adbkit passes the raw text through). */
export type AdbDeviceState =
  'device' | 'unauthorized' | 'offline' | 'authorizing' | 'connecting' | 'recovery' | 'sideload' | 'bootloader' | string;

export interface AdbDeviceEntry {
  serial: string;
  state: AdbDeviceState;
}

/** Only `device` accepts shell and sync; every other state needs the user to do something first. */
export function isReady(state: AdbDeviceState): boolean {
  return state === 'device';
}

/** What the user should do for a device in this state. */
export function stateAdvice(serial: string, state: AdbDeviceState): string {
  if (state === 'device') return `${serial} is ready.`;
  if (state === 'unauthorized')
    return `${serial} has not allowed USB debugging from this computer: unlock the phone and tap "Allow" on the prompt.`;
  if (state === 'authorizing' || state === 'connecting') return `${serial} is still connecting; wait a moment.`;
  if (state === 'offline')
    return `${serial} is offline: reconnect the cable or run \`adb reconnect\`; for network devices check the endpoint.`;
  if (state.startsWith('no permissions'))
    return `${serial}: no permission to open the USB device (on Linux add a udev rule for the phone's vendor).`;
  return `${serial} is in '${state}' mode, not a booted phone.`;
}
