import type { DeviceRef } from '../../../shared/benchmark-result';
import type { BenchmarkEvent, BenchmarkRequest, Device, DeviceBenchmarkOutcome } from '../devices/device';
import { benchHost, HOST_DEVICE } from '../host/benchmark';
import { environmentInfo, type EnvironmentInfo } from '../runs/environment';
import { UserError, errorMessage } from '../util/errors';
import { runFileStem, writeRunJson } from './result-files';

/** What "This computer" tells about itself: its device ref and the machine facts every run records. */
export type HostDetails = DeviceRef & EnvironmentInfo;

/** "This computer": the TFLite WebAssembly runtime as a Device, results shaped like a phone's, nothing to push. */
export class HostDevice implements Device {
  readonly ref: DeviceRef = { ...HOST_DEVICE };

  /** The machine facts recorded with the run (CPU, memory, versions), with the device's id, kind and label. */
  details(): Promise<HostDetails> {
    return Promise.resolve({ ...this.ref, ...environmentInfo() });
  }

  async benchmark(request: BenchmarkRequest): Promise<DeviceBenchmarkOutcome> {
    const onEvent = request.onEvent ?? ((_: BenchmarkEvent) => undefined);
    const id = this.ref.id;
    const outcome: DeviceBenchmarkOutcome = { device: { ...this.ref }, results: [], failures: [] };
    try {
      const results = await benchHost(request.models, {
        runs: request.flags.numRuns,
        warmup: request.flags.warmupRuns,
        threads: request.flags.numThreads,
        repeat: request.repeat,
        timeoutMs: request.timeoutMs,
        ...(request.signal ? { signal: request.signal } : {}),
        onResult: (result) => onEvent({ type: 'run-done', device: id, result }),
      });
      for (const result of results)
        await writeRunJson(runFileStem(request.outDir, id, result.model.file, result.repetition), result);
      outcome.results = results;
    } catch (error) {
      const failure = {
        code: error instanceof UserError ? error.code : 'UNEXPECTED',
        message: `This computer: ${errorMessage(error).split('\n')[0]}`,
        ...(error instanceof UserError && error.hint ? { hint: error.hint } : {}),
      };
      outcome.failures.push(failure);
      onEvent({ type: 'run-failed', device: id, failure });
    }
    return outcome;
  }
}
