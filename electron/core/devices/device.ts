import type { BenchmarkFlags, DeviceRef, ModelBenchmark } from '../../../shared/benchmark-result';

/** The most benchmark threads any device is asked for (benchmark_model's --num_threads); the CLI and the contract check it. */
export const MAX_BENCHMARK_THREADS = 64;

/** What to measure on one device. Phones and "This computer" take the same request. */
export interface BenchmarkRequest {
  /** Local .tflite files. */
  models: string[];
  /** `bigCoresMask` is filled per phone when `bigCores` is set. */
  flags: Omit<BenchmarkFlags, 'bigCoresMask'>;
  /** Pin the run to the fastest CPU cluster (taskset with the phone's big-core mask). */
  bigCores: boolean;
  /** Repetitions per model, run alternately: A B A B ... */
  repeat: number;
  /** Pause between two runs, letting the phone cool down. */
  cooldownMs: number;
  /** Limit for one run of benchmark_model. */
  timeoutMs: number;
  /** Leave the pushed binary and models on the phone. */
  keepFiles: boolean;
  /** Folder receiving one JSON per run and the raw tool outputs. */
  outDir: string;
  /** User-provided benchmark_model (else downloaded into `binaryCacheDir`). */
  binaryPath?: string;
  binaryCacheDir?: string;
  signal?: AbortSignal;
  onEvent?: (event: BenchmarkEvent) => void;
}

export type BenchmarkEvent =
  | { type: 'download'; device: string; bytes: number; total?: number }
  | { type: 'push'; device: string; file: string; bytes: number; total: number; skipped?: boolean }
  | { type: 'run-start'; device: string; model: string; repetition: number }
  | { type: 'run-done'; device: string; result: ModelBenchmark }
  | { type: 'run-failed'; device: string; failure: BenchmarkRunFailure };

export interface BenchmarkRunFailure {
  /** The model file, or undefined when the whole device failed (setup, push, connection). */
  model?: string;
  repetition?: number;
  code: string;
  message: string;
  hint?: string;
  rawOutputFile?: string;
}

export interface DeviceBenchmarkOutcome {
  device: DeviceRef;
  results: ModelBenchmark[];
  failures: BenchmarkRunFailure[];
}

/** A place to benchmark: an adb phone, or this computer (the host runtime). */
export interface Device {
  readonly ref: DeviceRef;
  /** Descriptive facts (model, CPU, memory...), shape depending on the kind. */
  details(): Promise<unknown>;
  benchmark(request: BenchmarkRequest): Promise<DeviceBenchmarkOutcome>;
}
