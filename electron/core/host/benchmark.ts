import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { basename } from 'node:path';
import type { ModelBenchmark } from '../../../shared/benchmark-result';
import { UserError } from '../util/errors';
import { latencyStats } from './latency-stats';
import { profileOnHost } from './profile-run';
import { RuntimeWorker } from './runtime-worker';
import { TFLITE_WASM_BUILD, TFLITE_WASM_PACKAGE, TFLITE_WASM_THREADED_BUILD, packageVersion } from './tflite-wasm-module';

export interface HostBenchOptions {
  runs: number;
  warmup: number;
  threads: number;
  /** Measurements per model; the file order alternates between repetitions (A B, B A, ...). */
  repeat: number;
  /** Watchdog for one measurement (and for the profiling run): the runtime worker is ended and the run fails with TIMEOUT. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called after each measurement (for progress output). */
  onResult?: (result: ModelBenchmark) => void;
}

/** The threaded WebAssembly build starts a pool of 8 worker threads. */
export const MAX_HOST_THREADS = 8;

export const HOST_DEVICE = {
  id: 'host',
  kind: 'host',
  label: `This computer (${cpus()[0]?.model.trim() ?? 'CPU'}, WebAssembly)`,
} as const;

function checkOptions(options: HostBenchOptions): void {
  const whole = (n: number) => Number.isInteger(n);
  if (!whole(options.threads) || options.threads < 1 || options.threads > MAX_HOST_THREADS) {
    throw new UserError(
      'BAD_OPTION',
      `--threads must be between 1 and ${MAX_HOST_THREADS} on "This computer" (the WebAssembly runtime's pool), got ${options.threads}`,
    );
  }
  if (
    !whole(options.runs) ||
    !whole(options.repeat) ||
    !whole(options.warmup) ||
    options.runs < 1 ||
    options.repeat < 1 ||
    options.warmup < 0
  ) {
    throw new UserError('BAD_OPTION', 'runs and repeat must be whole numbers of at least 1, warmup at least 0');
  }
}

/**
 * Benchmarks .tflite files on this computer with the TFLite WebAssembly runtime (XNNPACK), with benchmark_model's
 * statistics, and reports each model's sparse-inference status. One result per file and repetition.
 */
export async function benchHost(files: string[], options: HostBenchOptions): Promise<ModelBenchmark[]> {
  checkOptions(options);
  const models = await Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(file).catch(() => {
        throw new UserError('FILE_NOT_FOUND', `Cannot read ${file}`, 'Check the path of the .tflite file.');
      });
      return { file, bytes: new Uint8Array(bytes), sha256: createHash('sha256').update(bytes).digest('hex') };
    }),
  );
  const sparse = new Map<string, Awaited<ReturnType<typeof profileOnHost>>>();
  const call = {
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  for (const m of models) sparse.set(m.file, await profileOnHost(m.bytes, basename(m.file), options.threads, call));
  const build = options.threads > 1 ? TFLITE_WASM_THREADED_BUILD : TFLITE_WASM_BUILD;
  const tool = { name: `${TFLITE_WASM_PACKAGE} ${build}.wasm (TFLite + XNNPACK)`, version: packageVersion() };
  const results: ModelBenchmark[] = [];
  const worker = new RuntimeWorker();
  try {
    for (let repetition = 0; repetition < options.repeat; repetition++) {
      const order = repetition % 2 === 0 ? models : [...models].reverse();
      for (const m of order) {
        const startedAt = new Date().toISOString();
        const request = { bytes: m.bytes, file: m.file, threads: options.threads, runs: options.runs, warmup: options.warmup };
        const measured = await worker.request('measure', request, call);
        const observed = sparse.get(m.file)!;
        const result: ModelBenchmark = {
          device: { ...HOST_DEVICE },
          model: { file: m.file, sha256: m.sha256, bytes: m.bytes.length },
          repetition,
          flags: {
            numRuns: options.runs,
            warmupRuns: options.warmup,
            numThreads: options.threads,
            useXnnpack: 'true',
            enableOpProfiling: false,
          },
          runsUs: measured.runsUs,
          stats: latencyStats(measured.runsUs),
          initUs: measured.initUs,
          firstInferenceUs: measured.firstInferenceUs,
          ...(measured.warmupAvgUs !== undefined ? { warmupAvgUs: measured.warmupAvgUs } : {}),
          // One profiling run per model, before the timed ones: its profile goes with the first repetition only.
          ...(repetition === 0 && observed.opProfile.length > 0
            ? {
                opProfile: observed.opProfile,
                opProfileCalls: observed.profileCalls,
                opProfileWarmupExcluded: observed.warmupCallsExcluded,
                opProfileSource: 'separate-run' as const,
              }
            : {}),
          sparseInference: { engaged: observed.engaged, reason: observed.reason },
          tool,
          synthetic: false,
          startedAt,
        };
        results.push(result);
        options.onResult?.(result);
      }
    }
  } finally {
    await worker.close();
  }
  return results;
}
