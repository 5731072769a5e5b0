// A stand-in for TFLite's benchmark_model that the emulated phone "executes": it prints the real output format
// (formatBenchmarkOutput: TF 2.13+ `INFO:` lines) with synthetic numbers, labelled as such, derived from the model
// file's size. Failure modes print what the real tool and Android's shell print.
import { createHash } from 'node:crypto';
import { formatBenchmarkOutput, type StatValues } from '../../electron/core/benchmark/parse/format';
import type { OpProfileTableRow } from '../../electron/core/benchmark/parse/op-profile-table';
import type { PhoneFilesystem } from './phone-filesystem';

export const STANDIN_MARKER = 'SPARSE-STUDIO-STANDIN-BENCHMARK-MODEL';

/** Bytes of a fake executable: an ELF header (64- or 32-bit ARM) followed by the stand-in marker. */
export function standinBinary(bits: 32 | 64 = 64): Buffer {
  const header = Buffer.alloc(64);
  header.write('\x7fELF', 0, 'latin1');
  header[4] = bits === 64 ? 2 : 1;
  header[5] = 1; // little-endian
  header[6] = 1;
  header.writeUInt16LE(2, 16); // ET_EXEC
  header.writeUInt16LE(bits === 64 ? 183 : 40, 18); // EM_AARCH64 / EM_ARM
  return Buffer.concat([header, Buffer.from(`\n${STANDIN_MARKER}\n`)]);
}

export type BenchmarkFault = 'crash' | 'hang' | 'drop-connection';

export interface StandinEnv {
  fs: PhoneFilesystem;
  cwd: string;
  out(text: string): void;
  sleep(ms: number): Promise<void>;
  fault: BenchmarkFault | undefined;
  dropConnection(): void;
  /** Resolves never; rejects when the process is killed. */
  forever(): Promise<never>;
}

function flagValues(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([^=]+)=(.*)$/s.exec(arg);
    if (match) flags.set(match[1]!, match[2]!);
  }
  return flags;
}

/** Deterministic pseudo-random numbers in [0, 1) from a text seed. */
function seeded(seed: string): () => number {
  let counter = 0;
  return () => createHash('sha256').update(`${seed}#${counter++}`).digest().readUInt32LE(0) / 2 ** 32;
}

export async function runStandinBenchmark(argv: string[], env: StandinEnv): Promise<number> {
  const say = (line: string) => env.out(line + '\n');
  const flags = flagValues(argv);
  const graph = flags.get('graph') ?? '';
  const threads = Number(flags.get('num_threads') ?? '-1');
  const runs = Number(flags.get('num_runs') ?? '50');
  const warmups = Number(flags.get('warmup_runs') ?? '1');
  const xnnpack = flags.get('use_xnnpack');
  const profiling = flags.get('enable_op_profiling') === 'true' || flags.get('enable_op_profiling') === '1';

  const header = () => {
    say('INFO: STARTING!');
    say('INFO: Log parameter values verbosely: [0]');
    say(`INFO: Min num runs: [${runs}]`);
    say(`INFO: Num threads: [${threads}]`);
    say(`INFO: Graph: [${graph}]`);
  };
  if (graph === '') {
    header();
    say('ERROR: Please specify the name of your TF Lite input file with --graph');
    say('ERROR: Benchmarking failed.');
    return 1;
  }
  const model = env.fs.files.get(resolvePath(env.cwd, graph));
  if (!model) {
    header();
    say(`ERROR: Could not open '${graph}'.`);
    say(`ERROR: Failed to load model ${graph}`);
    say('ERROR: Benchmarking failed.');
    return 1;
  }
  if (env.fault) {
    // The failure modes stop early, before any number is printed.
    header();
    say(`INFO: Loaded model ${graph}`);
    say('INFO: Initialized TensorFlow Lite runtime.');
    say('INFO: Initialized session in 3.1ms.');
    if (env.fault === 'crash') {
      env.out('Segmentation fault \n');
      return 139;
    }
    if (env.fault === 'drop-connection') {
      await env.sleep(20);
      env.dropConnection();
    }
    return env.forever();
  }

  // Seeded per run so that repetitions differ a little, as real runs do.
  const random = seeded(`${graph}#${model.data.length}#${Date.now()}#${Math.random()}`);
  const sparse = /sparse/i.test(graph.split('/').pop() ?? '') && xnnpack !== 'false';
  const base = ((800 + model.data.length / 20) * (sparse ? 0.55 : 1)) / Math.max(1, threads);
  const sample = () => Math.round(base * (0.95 + 0.1 * random()));
  const initUs = Math.round(2000 + 1000 * random());
  await env.sleep(15);
  const flagsOut = {
    numRuns: runs,
    warmupRuns: warmups,
    numThreads: threads,
    useXnnpack: (xnnpack === 'true' || xnnpack === 'false' ? xnnpack : 'default') as 'true' | 'false' | 'default',
    enableOpProfiling: profiling,
  };
  const inference = stats(Array.from({ length: Math.max(1, runs) }, sample));
  const text = formatBenchmarkOutput({
    synthetic: true,
    graph,
    flags: flagsOut,
    modelSizeMb: model.data.length / 1e6,
    initUs,
    warmup: stats(Array.from({ length: Math.max(1, warmups) }, sample)),
    inference,
    memory: { initMb: 1 + random(), overallMb: 2 + random() },
    ...(profiling ? { opProfile: opProfile(sparse, inference.avg / 1000) } : {}),
  });
  env.out(text);
  return 0;
}

function resolvePath(cwd: string, path: string): string {
  return path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`;
}

function stats(values: number[]): StatValues {
  const avg = values.reduce((a, b) => a + b, 0) / values.length;
  const std = Math.sqrt(values.reduce((a, v) => a + (v - avg) ** 2, 0) / values.length);
  return {
    count: values.length,
    first: values[0]!,
    curr: values[values.length - 1]!,
    min: Math.min(...values),
    max: Math.max(...values),
    avg,
    std: Math.round(std),
  };
}

function opProfile(sparse: boolean, avgMs: number): OpProfileTableRow[] {
  const rows: [string, number][] = sparse
    ? [
        ['Convolution (NHWC, F32) IGEMM', 0.3],
        ['Convolution (NCHW, F32) SpMM', 0.5],
        ['Global Average Pooling (NCW, F32)', 0.2],
      ]
    : [
        ['Convolution (NHWC, F32) IGEMM', 0.8],
        ['Global Average Pooling (NWC, F32)', 0.2],
      ];
  return rows.map(([nodeType, share], index) => ({
    nodeType,
    name: `Delegate/${nodeType}:${index}`,
    avgMs: avgMs * share,
    percent: share * 100,
    timesCalled: 1,
  }));
}
