import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { basename } from 'node:path';
import type { ModelBenchmark } from '../../../shared/benchmark-result';
import { UserError } from '../util/errors';
import { latencyStats } from './latency-stats';
import { profileOnHost } from './profile-run';
import { HostRuntime } from './runtime';
import { TFLITE_WASM_BUILD, TFLITE_WASM_PACKAGE, TFLITE_WASM_THREADED_BUILD, packageVersion } from './tflite-wasm-module';

export interface HostBenchOptions {
  runs: number;
  warmup: number;
  threads: number;
  /** Measurements per model; the file order alternates between repetitions (A B, B A, ...). */
  repeat: number;
  /** Called after each measurement (for progress output). */
  onResult?: (result: ModelBenchmark) => void;
}

/** Inferences of the (separate, untimed) profiling run that shows whether the sparse path ran. */
export const PROFILE_CALLS = 3;

/** The threaded WebAssembly build starts a pool of 8 worker threads. */
export const MAX_HOST_THREADS = 8;

export const HOST_DEVICE = {
  id: 'host',
  kind: 'host',
  label: `This computer (${cpus()[0]?.model.trim() ?? 'CPU'}, WebAssembly)`,
} as const;

function microsecondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1000;
}

async function measureOnce(bytes: Uint8Array, file: string, options: HostBenchOptions) {
  // A fresh runtime instance per measurement: a model's speed depends on what was created before it in the same one.
  const runtime = await HostRuntime.forThreads(options.threads);
  let start = process.hrtime.bigint();
  const model = runtime.loadModel(bytes, file, { threads: options.threads, profiling: false });
  const initUs = microsecondsSince(start);
  try {
    model.fillInputs();
    start = process.hrtime.bigint();
    model.infer();
    const firstInferenceUs = microsecondsSince(start);
    let warmupTotal = 0;
    for (let i = 0; i < options.warmup; i++) {
      start = process.hrtime.bigint();
      model.infer();
      warmupTotal += microsecondsSince(start);
    }
    const runsUs: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      start = process.hrtime.bigint();
      model.infer();
      runsUs.push(microsecondsSince(start));
    }
    return { initUs, firstInferenceUs, warmupAvgUs: options.warmup ? warmupTotal / options.warmup : undefined, runsUs };
  } finally {
    model.dispose();
  }
}

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
  for (const m of models) sparse.set(m.file, await profileOnHost(m.bytes, basename(m.file), options.threads, PROFILE_CALLS));
  const build = options.threads > 1 ? TFLITE_WASM_THREADED_BUILD : TFLITE_WASM_BUILD;
  const tool = { name: `${TFLITE_WASM_PACKAGE} ${build}.wasm (TFLite + XNNPACK)`, version: packageVersion() };
  const results: ModelBenchmark[] = [];
  for (let repetition = 0; repetition < options.repeat; repetition++) {
    const order = repetition % 2 === 0 ? models : [...models].reverse();
    for (const m of order) {
      const startedAt = new Date().toISOString();
      const measured = await measureOnce(m.bytes, m.file, options);
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
          ? { opProfile: observed.opProfile, opProfileCalls: PROFILE_CALLS, opProfileSource: 'separate-run' as const }
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
  return results;
}
