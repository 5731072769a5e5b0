import { UserError, errorMessage } from '../util/errors';
import type { AdbClient } from './adbkit';
import { normaliseEndpoint } from './settings';

export interface EndpointConnection {
  serial: string;
  /** 'unauthorized' when the phone still has to accept this computer's key. */
  state: 'device' | 'unauthorized';
}

/** `adb connect host:port` through the adb server. */
export async function connectEndpoint(client: AdbClient, endpoint: string): Promise<EndpointConnection> {
  const serial = normaliseEndpoint(endpoint);
  const colon = serial.lastIndexOf(':');
  try {
    await client.connect(serial.slice(0, colon), Number(serial.slice(colon + 1)));
    return { serial, state: 'device' };
  } catch (error) {
    const text = errorMessage(error);
    if (/failed to authenticate/i.test(text)) return { serial, state: 'unauthorized' };
    throw new UserError(
      'CONNECT_FAILED',
      `Could not connect to ${serial}: ${text.trim()}`,
      'Check that the phone has network debugging on (Developer options > Wireless debugging, or `adb tcpip 5555` over USB first) and that the address and port are right.',
    );
  }
}

export async function disconnectEndpoint(client: AdbClient, endpoint: string): Promise<void> {
  const serial = normaliseEndpoint(endpoint);
  const colon = serial.lastIndexOf(':');
  await client.disconnect(serial.slice(0, colon), Number(serial.slice(colon + 1)));
}
