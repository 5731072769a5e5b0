import { UserError, errorMessage } from '../util/errors';

/** Turns adbkit's FailError texts (the adb server's FAIL replies) into errors that tell the user what to do. */
export function translateAdbError(serial: string, error: unknown): UserError | undefined {
  if (error instanceof UserError) return error;
  const text = errorMessage(error);
  if (/unauthorized/i.test(text)) {
    return new UserError(
      'DEVICE_UNAUTHORIZED',
      `${serial} has not allowed USB debugging from this computer`,
      'Unlock the phone and tap "Allow" on the USB debugging prompt, then try again.',
    );
  }
  if (/offline|still (authorizing|connecting)/i.test(text)) {
    return new UserError(
      'DEVICE_OFFLINE',
      `${serial} is offline`,
      'Reconnect the cable (or check the network endpoint), wait until `devices` shows it as ready, then try again.',
    );
  }
  if (/not found|no devices/i.test(text)) {
    return new UserError(
      'DEVICE_NOT_FOUND',
      `${serial} is not attached to the adb server`,
      'Run `devices` to see the attached phones, or `connect HOST:PORT` for a network device.',
    );
  }
  if (/ECONNRESET|EPIPE|closed|PrematureEOF/i.test(text)) {
    return new UserError(
      'DEVICE_CONNECTION_LOST',
      `${serial}: the connection to the adb server or phone broke (${text})`,
      'Check the cable or network, then run `devices` and try again.',
    );
  }
  return undefined;
}
