import type { ShellRunner } from '../device-shell';
import { deviceIdentityFromProps, type DeviceIdentity } from '../parse/device-identity';
import { parseGetprop } from '../parse/getprop';

/** Model, manufacturer, Android version, ABIs and SoC from `getprop`. */
export async function readIdentity(shell: ShellRunner): Promise<DeviceIdentity> {
  return deviceIdentityFromProps(parseGetprop(await shell('getprop')));
}
