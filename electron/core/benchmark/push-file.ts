import { UserError, errorMessage } from '../util/errors';
import type { AdbDeviceClient } from '../devices/adbkit';
import { runDeviceShell } from '../devices/device-shell';
import { shellCommand } from '../devices/shell-quote';

export interface PushOptions {
  mode: number;
  bytes: number;
  sha256: string;
  timeoutMs: number;
  onProgress?: (bytes: number, total: number, skipped: boolean) => void;
}

/** True when the device already holds a file of the same size and sha256 at `remote`. */
async function sameFileThere(device: AdbDeviceClient, remote: string, bytes: number, sha256: string): Promise<boolean> {
  const stats = await device.stat(remote).catch(() => undefined);
  if (!stats || stats.size !== bytes) return false;
  const output = await runDeviceShell(device, shellCommand(['sha256sum', remote]), { timeoutMs: 60_000 });
  return output.trim().split(/\s+/)[0] === sha256;
}

/** Pushes a local file (skipping it when identical), with byte progress; errors name the device and file. */
export async function pushFile(
  device: AdbDeviceClient,
  local: string,
  remote: string,
  options: PushOptions,
): Promise<{ skipped: boolean }> {
  const serial = device.serial;
  if (await sameFileThere(device, remote, options.bytes, options.sha256)) {
    options.onProgress?.(options.bytes, options.bytes, true);
    return { skipped: true };
  }
  const transfer = await device.push(local, remote, options.mode);
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => {
      transfer.cancel();
      settle(
        new UserError(
          'PUSH_TIMEOUT',
          `${serial}: pushing ${local} did not finish within ${Math.round(options.timeoutMs / 1000)} s`,
          'Check the connection to the phone and try again.',
        ),
      );
    }, options.timeoutMs);
    transfer.on('progress', (stats: { bytesTransferred: number }) =>
      options.onProgress?.(stats.bytesTransferred, options.bytes, false),
    );
    // adbkit emits 'end' after 'error' too (#415): the first event decides.
    transfer.on('error', (error: Error) => {
      const text = errorMessage(error);
      if (/Permission denied|Read-only/i.test(text)) {
        settle(
          new UserError(
            'PUSH_PERMISSION_DENIED',
            `${serial}: cannot write ${remote}: ${text}`,
            'The phone refuses files in that folder; benchmark_model needs /data/local/tmp (shell-writable and executable).',
          ),
        );
      } else {
        settle(
          new UserError(
            'DEVICE_CONNECTION_LOST',
            `${serial}: the connection broke while pushing ${local} (${text})`,
            'Check the cable or network, then run `devices` and try again.',
          ),
        );
      }
    });
    transfer.on('end', () => settle());
  });
  // A dropped connection can also end the transfer quietly: check what arrived.
  const stats = await device.stat(remote).catch(() => undefined);
  if (!stats || stats.size !== options.bytes) {
    throw new UserError(
      'DEVICE_CONNECTION_LOST',
      `${serial}: ${remote} is incomplete after the push (${stats?.size ?? 0} of ${options.bytes} bytes)`,
      'Check the cable or network, then run `devices` and try again.',
    );
  }
  return { skipped: false };
}
