import type { BenchmarkRequest, Device, DeviceBenchmarkOutcome } from '../devices/device';
import { UserError } from '../util/errors';
import { benchmarkDevices } from './benchmark-devices';
import { resolveDevices, type DeviceRegistryOptions } from './device-registry';

export interface BenchmarkTargetsOptions extends DeviceRegistryOptions {
  /** Device ids as the registry resolves them: phone serials, 'all' (every ready phone), 'host' (this computer). */
  targets: string[];
}

/** The devices a benchmark of `request` runs on; no device or no model is a clear error. */
export async function benchmarkDevicesFor(options: BenchmarkTargetsOptions, request: BenchmarkRequest): Promise<Device[]> {
  if (options.targets.length === 0)
    throw new UserError('MISSING_OPTION', 'No device chosen: give a serial from `devices`, all, or host');
  if (request.models.length === 0) throw new UserError('MISSING_OPTION', 'No model chosen: give at least one .tflite file');
  return resolveDevices(options.targets, options);
}

/** Benchmarks on every target in parallel (phones and/or this computer); one failing device never stops the others. */
export async function benchmarkTargets(
  options: BenchmarkTargetsOptions,
  request: BenchmarkRequest,
): Promise<DeviceBenchmarkOutcome[]> {
  return benchmarkDevices(await benchmarkDevicesFor(options, request), request);
}
