import { join } from 'node:path';
import type { BenchmarkFlags } from '../../../shared/benchmark-result';
import { benchmarkDevices } from '../benchmark/benchmark-devices';
import { benchmarkDevicesFor, type BenchmarkTargetsOptions } from '../benchmark/benchmark-targets';
import type { BenchmarkEvent, BenchmarkRequest } from '../devices/device';
import { writeJsonAtomic } from '../util/atomic-write';
import { errorMessage } from '../util/errors';
import { readConversion } from './convert-step';

export const BENCHMARKS_DIR = 'benchmarks';
export const DEVICES_FILE = `${BENCHMARKS_DIR}/devices.json`;

export interface BenchmarkStepConfig {
  devices: string[];
  runs: number;
  warmup: number;
  threads: number;
  repeat: number;
  xnnpack: BenchmarkFlags['useXnnpack'];
  opProfiling: boolean;
  bigCores: boolean;
  cooldownSeconds: number;
  timeoutSeconds: number;
  binary?: string;
  adbServer?: string;
}

/** Which devices a benchmark step targets, from its config. */
export function benchmarkTargetOptions(config: BenchmarkStepConfig): BenchmarkTargetsOptions {
  return { targets: config.devices, ...(config.adbServer ? { adbServer: config.adbServer } : {}) };
}

/** The benchmark request of a step: `models` on every device with the config's flags, results under `outDir`. */
export function benchmarkRequest(
  config: BenchmarkStepConfig,
  models: string[],
  outDir: string,
  onEvent: (event: BenchmarkEvent) => void,
  signal?: AbortSignal,
): BenchmarkRequest {
  return {
    models,
    flags: {
      numRuns: config.runs,
      warmupRuns: config.warmup,
      numThreads: config.threads,
      useXnnpack: config.xnnpack,
      enableOpProfiling: config.opProfiling,
    },
    bigCores: config.bigCores,
    repeat: config.repeat,
    cooldownMs: config.cooldownSeconds * 1000,
    timeoutMs: config.timeoutSeconds * 1000,
    keepFiles: false,
    outDir,
    ...(config.binary ? { binaryPath: config.binary } : {}),
    ...(signal ? { signal } : {}),
    onEvent,
  };
}

/** Benchmarks the run's dense and pruned .tflite files on every chosen device; failures are recorded, not fatal. */
export async function benchmarkInRun(
  runDir: string,
  config: BenchmarkStepConfig,
  onEvent: (event: BenchmarkEvent) => void,
  signal?: AbortSignal,
): Promise<{ files: string[]; runs: number; failures: { device: string; code: string; message: string }[] }> {
  const conversion = await readConversion(runDir);
  const models = conversion.files.map((f) => join(runDir, f.file));
  const outDir = join(runDir, BENCHMARKS_DIR);
  const request = benchmarkRequest(config, models, outDir, onEvent, signal);
  const chosen = await benchmarkDevicesFor(benchmarkTargetOptions(config), request);
  const outcomes = await benchmarkDevices(chosen, request);
  const devices: Record<string, unknown> = {};
  for (const device of chosen)
    devices[device.ref.id] = await device.details().catch((error: unknown) => ({ ...device.ref, error: errorMessage(error) }));
  await writeJsonAtomic(join(runDir, DEVICES_FILE), devices);
  const failures = outcomes.flatMap((o) => o.failures.map((f) => ({ device: o.device.id, code: f.code, message: f.message })));
  return {
    files: [BENCHMARKS_DIR],
    runs: outcomes.reduce((n, o) => n + o.results.length, 0),
    failures,
  };
}
