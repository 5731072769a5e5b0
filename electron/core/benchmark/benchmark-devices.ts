import { errorMessage } from '../util/errors';
import type { BenchmarkRequest, Device, DeviceBenchmarkOutcome } from '../devices/device';

/** Runs the same request on several devices at once; one device failing (even throwing) never stops the others. */
export async function benchmarkDevices(devices: readonly Device[], request: BenchmarkRequest): Promise<DeviceBenchmarkOutcome[]> {
  const settled = await Promise.allSettled(devices.map((device) => device.benchmark(request)));
  return settled.map((result, index) =>
    result.status === 'fulfilled'
      ? result.value
      : {
          device: devices[index]!.ref,
          results: [],
          failures: [{ code: 'UNEXPECTED', message: `${devices[index]!.ref.label}: ${errorMessage(result.reason)}` }],
        },
  );
}
