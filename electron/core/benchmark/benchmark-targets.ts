import type { BenchmarkEvent, BenchmarkRequest, DeviceBenchmarkOutcome, Device } from '../devices/device';
import { openAdbConnection } from '../devices/adb-connection';
import { AdbDevice } from '../devices/adb-device';
import { isReady, stateAdvice } from '../devices/device-state';
import { defaultDeviceSettingsPath, loadDeviceSettings } from '../devices/settings';
import { benchHost, HOST_DEVICE } from '../host/benchmark';
import { UserError, errorMessage } from '../util/errors';
import { benchmarkDevices } from './benchmark-devices';
import { runFileStem, writeRunJson } from './result-files';

export const HOST_TARGET = 'host';

/** "This computer" as a benchmark target: the TFLite WebAssembly runtime, results shaped like a phone's. */
export async function benchmarkHost(request: BenchmarkRequest): Promise<DeviceBenchmarkOutcome> {
  const onEvent = request.onEvent ?? ((_: BenchmarkEvent) => undefined);
  const outcome: DeviceBenchmarkOutcome = { device: { ...HOST_DEVICE }, results: [], failures: [] };
  try {
    const results = await benchHost(request.models, {
      runs: request.flags.numRuns,
      warmup: request.flags.warmupRuns,
      threads: request.flags.numThreads,
      repeat: request.repeat,
      timeoutMs: request.timeoutMs,
      ...(request.signal ? { signal: request.signal } : {}),
      onResult: (result) => onEvent({ type: 'run-done', device: HOST_TARGET, result }),
    });
    for (const result of results)
      await writeRunJson(runFileStem(request.outDir, HOST_TARGET, result.model.file, result.repetition), result);
    outcome.results = results;
  } catch (error) {
    const failure = {
      code: error instanceof UserError ? error.code : 'UNEXPECTED',
      message: `This computer: ${errorMessage(error).split('\n')[0]}`,
      ...(error instanceof UserError && error.hint ? { hint: error.hint } : {}),
    };
    outcome.failures.push(failure);
    onEvent({ type: 'run-failed', device: HOST_TARGET, failure });
  }
  return outcome;
}

export interface TargetOptions {
  /** HOST:PORT of the adb server, when not the default. */
  adbServer?: string;
  settingsPath?: string;
}

/** The ready phones named by `targets` (serials or 'all'); an unknown or not-ready serial is a clear error. */
export async function selectPhones(targets: string[], options: TargetOptions): Promise<Device[]> {
  const phoneTargets = targets.filter((t) => t !== HOST_TARGET);
  if (phoneTargets.length === 0) return [];
  const settings = await loadDeviceSettings(options.settingsPath ?? defaultDeviceSettingsPath());
  const { client } = await openAdbConnection({
    ...(options.adbServer ? { server: options.adbServer } : {}),
    ...(settings.adbPath ? { adbPath: settings.adbPath } : {}),
  });
  const attached = (await client.listDevices()) as { id: string; type: string }[];
  const serials = phoneTargets.includes('all') ? attached.filter((d) => isReady(d.type)).map((d) => d.id) : phoneTargets;
  if (serials.length === 0)
    throw new UserError('NO_DEVICE', 'No ready Android device is attached', 'Run `devices` to see what adb sees.');
  for (const serial of serials) {
    const state = attached.find((d) => d.id === serial)?.type;
    if (state === undefined) {
      throw new UserError(
        'DEVICE_NOT_FOUND',
        `No device '${serial}' is attached`,
        'Run `devices` for the serials, or `connect HOST:PORT` for a network device.',
      );
    }
    if (!isReady(state)) throw new UserError('DEVICE_NOT_READY', stateAdvice(serial, state));
  }
  return serials.map((serial) => new AdbDevice(client, serial));
}

export interface BenchmarkTargetsOptions extends TargetOptions {
  /** Phone serials, 'all' (every ready phone) and/or 'host' (this computer). */
  targets: string[];
}

/** Benchmarks on every target in parallel (phones and/or this computer); one failing device never stops the others. */
export async function benchmarkTargets(
  options: BenchmarkTargetsOptions,
  request: BenchmarkRequest,
): Promise<DeviceBenchmarkOutcome[]> {
  const { targets } = options;
  if (targets.length === 0) throw new UserError('MISSING_OPTION', 'No device chosen: give a serial from `devices`, all, or host');
  if (request.models.length === 0) throw new UserError('MISSING_OPTION', 'No model chosen: give at least one .tflite file');
  const phones = await selectPhones(targets, options);
  const pending: Promise<DeviceBenchmarkOutcome[]>[] = [];
  if (phones.length > 0) pending.push(benchmarkDevices(phones, request));
  if (targets.includes(HOST_TARGET)) pending.push(benchmarkHost(request).then((outcome) => [outcome]));
  return (await Promise.all(pending)).flat();
}
