import { UserError } from '../util/errors';
import type { AdbDeviceClient } from '../devices/adbkit';
import { runDeviceShell } from '../devices/device-shell';
import { shellCommand } from '../devices/shell-quote';
import { extractShellMarkers } from './parse/exit-status';

export interface ProcessOutcome {
  /** Everything the shell printed, markers included, `\r\n` normalised. */
  raw: string;
  /** The tool's output without the marker lines. */
  output: string;
  exitStatus: number;
  pid?: number;
}

/** A run that did not end normally; `raw` keeps what was printed up to then. */
export class RunInterruptedError extends UserError {
  constructor(
    code: 'BENCHMARK_TIMEOUT' | 'CANCELLED' | 'DEVICE_CONNECTION_LOST',
    message: string,
    readonly raw: string,
    hint?: string,
  ) {
    super(code, message, hint);
  }
}

async function killOnDevice(device: AdbDeviceClient, pid: number | undefined): Promise<void> {
  if (pid === undefined) return;
  await runDeviceShell(device, shellCommand(['kill', String(pid)]), { timeoutMs: 5000 }).catch(() => undefined);
}

/**
 * Runs a command built by benchmarkShellCommand: streams its output, reads `__PID=` (to kill the tool on timeout or
 * cancel) and `__RC=` (its exit status; missing means the connection broke before the end).
 */
export async function runBenchmarkProcess(
  device: AdbDeviceClient,
  command: string,
  options: { timeoutMs: number; signal?: AbortSignal; label: string },
): Promise<ProcessOutcome> {
  const serial = device.serial;
  if (options.signal?.aborted) throw new RunInterruptedError('CANCELLED', `${serial}: ${options.label} cancelled`, '');
  const stream = await device.shell(command);
  let raw = '';
  let pid: number | undefined;
  return new Promise<ProcessOutcome>((resolve, reject) => {
    let settled = false;
    const stop = (error: RunInterruptedError) => {
      if (settled) return;
      settled = true;
      cleanup();
      void killOnDevice(device, pid).finally(() => {
        stream.destroy();
        reject(error);
      });
    };
    const timer = setTimeout(
      () =>
        stop(
          new RunInterruptedError(
            'BENCHMARK_TIMEOUT',
            `${serial}: ${options.label} did not finish within ${Math.round(options.timeoutMs / 1000)} s; the process on the phone was killed`,
            raw,
            'Lower --runs, or raise --timeout if the model is slow on this phone.',
          ),
        ),
      options.timeoutMs,
    );
    const onAbort = () =>
      stop(
        new RunInterruptedError('CANCELLED', `${serial}: ${options.label} cancelled; the process on the phone was killed`, raw),
      );
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    const finish = () => {
      if (settled) return;
      settled = true;
      cleanup();
      raw = raw.replace(/\r\n/g, '\n');
      const markers = extractShellMarkers(raw);
      if (markers.exitStatus === undefined) {
        reject(
          new RunInterruptedError(
            'DEVICE_CONNECTION_LOST',
            `${serial}: the connection broke during ${options.label} (the output stops before the end)`,
            raw,
            'Check the cable or network (and that the phone did not reboot), then run `devices` and try again.',
          ),
        );
        return;
      }
      resolve({
        raw,
        output: markers.output,
        exitStatus: markers.exitStatus,
        ...(markers.pid !== undefined ? { pid: markers.pid } : {}),
      });
    };
    stream.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
      if (pid === undefined) {
        const match = /__PID=(\d+)/.exec(raw);
        if (match) pid = Number(match[1]);
      }
    });
    stream.on('end', finish);
    stream.on('close', finish);
    stream.on('error', finish);
  });
}
