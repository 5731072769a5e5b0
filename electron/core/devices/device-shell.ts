import { UserError } from '../util/errors';
import type { AdbDeviceClient } from './adbkit';

/** Runs one command in the device shell and returns its output (stdout and stderr merged, `\r\n` normalised). */
export type ShellRunner = (command: string) => Promise<string>;

export interface ShellStreamOptions {
  /** Ends the stream and rejects when no end arrived by then. */
  timeoutMs?: number;
  signal?: AbortSignal;
  onData?: (text: string) => void;
}

export class ShellTimeoutError extends UserError {
  constructor(serial: string, command: string, timeoutMs: number) {
    super(
      'DEVICE_SHELL_TIMEOUT',
      `${serial}: '${command.slice(0, 80)}' did not finish within ${Math.round(timeoutMs / 1000)} s`,
      'Check the phone (screen on, not overheating) and try again, or raise --timeout.',
    );
  }
}

export class ShellCancelledError extends UserError {
  constructor(serial: string) {
    super('CANCELLED', `${serial}: cancelled`);
  }
}

/**
 * Runs `command` through adbkit's legacy shell service and collects all output until the device closes the
 * stream. A timeout or an abort destroys the stream (adb then closes the shell on the device).
 */
export async function runDeviceShell(
  device: AdbDeviceClient,
  command: string,
  options: ShellStreamOptions = {},
): Promise<string> {
  const serial = device.serial;
  if (options.signal?.aborted) throw new ShellCancelledError(serial);
  const stream = await device.shell(command);
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) {
        stream.destroy();
        reject(error);
      } else resolve(Buffer.concat(chunks).toString('utf8').replace(/\r\n/g, '\n'));
    };
    const timer = options.timeoutMs
      ? setTimeout(() => finish(new ShellTimeoutError(serial, command, options.timeoutMs!)), options.timeoutMs)
      : undefined;
    const onAbort = () => finish(new ShellCancelledError(serial));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      options.onData?.(chunk.toString('utf8'));
    });
    stream.on('end', () => finish());
    stream.on('close', () => finish());
    stream.on('error', (error: Error) =>
      finish(
        new UserError(
          'DEVICE_CONNECTION_LOST',
          `${serial}: the connection broke while running a command (${error.message})`,
          'Check the cable or network, then run `devices` to see the phone again.',
        ),
      ),
    );
  });
}

export function shellRunner(device: AdbDeviceClient, timeoutMs = 15_000): ShellRunner {
  return (command) => runDeviceShell(device, command, { timeoutMs });
}
