import type { DeviceRef } from '../../../shared/benchmark-result';
import { benchmarkOnPhone } from '../benchmark/phone-benchmark';
import type { AdbClient } from './adbkit';
import { gatherDeviceDetails, type DeviceDetails } from './details/device-details';
import type { BenchmarkRequest, Device, DeviceBenchmarkOutcome } from './device';
import { shellRunner } from './device-shell';

/** A phone reached through an adb server. */
export class AdbDevice implements Device {
  readonly ref: DeviceRef;

  constructor(
    private readonly client: AdbClient,
    serial: string,
    label?: string,
  ) {
    this.ref = { id: serial, kind: 'adb', label: label ?? serial };
  }

  private get deviceClient() {
    return this.client.getDevice(this.ref.id);
  }

  details(): Promise<DeviceDetails> {
    return gatherDeviceDetails(shellRunner(this.deviceClient));
  }

  benchmark(request: BenchmarkRequest): Promise<DeviceBenchmarkOutcome> {
    return benchmarkOnPhone(this.deviceClient, this.ref, request);
  }
}
