import type { MeasuredRun, RuntimeRequests } from './runtime-requests';
import { HostRuntime, type HostModel } from './runtime';

// The runtime work itself, run inside the runtime worker (runtime-worker-entry.ts), never on a thread that serves
// the UI or the CLI: a model the runtime chokes on can then be stopped by ending the worker.

type Request<K extends keyof RuntimeRequests> = RuntimeRequests[K]['request'];

async function withModel<T>(request: Request<'load'>, profiling: boolean, use: (model: HostModel) => T): Promise<T> {
  const threads = request.threads ?? 1;
  const runtime = await HostRuntime.forThreads(threads);
  const model = runtime.loadModel(request.bytes, request.file, { threads, profiling });
  try {
    return use(model);
  } finally {
    model.dispose();
  }
}

/** benchmark_model's `warmup_min_secs` default. */
const WARMUP_MIN_SECONDS = 0.5;

function microsecondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1000;
}

/** Runs the model until it has made at least `minCalls` calls and `minMicros` have passed. */
function warmUp(model: HostModel, minCalls: number, minMicros: number): { calls: number; totalUs: number } {
  let calls = 0;
  let totalUs = 0;
  const start = process.hrtime.bigint();
  while (calls < minCalls || microsecondsSince(start) < minMicros) {
    const callStart = process.hrtime.bigint();
    model.infer();
    totalUs += microsecondsSince(callStart);
    calls++;
  }
  return { calls, totalUs };
}

async function measure(request: Request<'measure'>): Promise<MeasuredRun> {
  const threads = request.threads ?? 1;
  // A fresh runtime instance per measurement: a model's speed depends on what was created before it in the same one.
  const runtime = await HostRuntime.forThreads(threads);
  let start = process.hrtime.bigint();
  const model = runtime.loadModel(request.bytes, request.file, { threads, profiling: false });
  const initUs = microsecondsSince(start);
  try {
    model.fillInputs();
    start = process.hrtime.bigint();
    model.infer();
    const firstInferenceUs = microsecondsSince(start);
    // As benchmark_model: warm up for --warmup_runs AND at least warmup_min_secs, which on this runtime also covers
    // V8 optimising the freshly instantiated WebAssembly (without it the first repetitions ran up to 4x slower).
    const { calls: warmupCalls, totalUs: warmupTotal } = warmUp(model, request.warmup, WARMUP_MIN_SECONDS * 1e6);
    const runsUs: number[] = [];
    for (let i = 0; i < request.runs; i++) {
      start = process.hrtime.bigint();
      model.infer();
      runsUs.push(microsecondsSince(start));
    }
    return { initUs, firstInferenceUs, warmupAvgUs: warmupCalls ? warmupTotal / warmupCalls : undefined, runsUs };
  } finally {
    model.dispose();
  }
}

// Room in the profiler's buffer for every op of every call (with the delegate's own events) of one interpreter.
const PROFILING_ENTRIES_PER_CALL = 2048;

async function profile(request: Request<'profile'>): Promise<RuntimeRequests['profile']['result']> {
  const threads = request.threads ?? 1;
  // One runtime instance for the warm-up and the profiled interpreters: the compiled code they share is what warms up.
  const runtime = await HostRuntime.forThreads(threads);
  const warm = runtime.loadModel(request.bytes, request.file, { threads, profiling: false });
  let warmupCalls = 0;
  try {
    warm.fillInputs();
    warmupCalls = warmUp(warm, request.warmup, request.warmupMs * 1000).calls;
  } finally {
    warm.dispose();
  }
  const summaries: string[] = [];
  for (let i = 0; i < request.interpreters; i++) {
    const profilingEntries = PROFILING_ENTRIES_PER_CALL * (request.runs + 1);
    const model = runtime.loadModel(request.bytes, request.file, { threads, profiling: true, profilingEntries });
    try {
      model.fillInputs();
      for (let call = 0; call <= request.runs; call++) model.infer();
      summaries.push(model.profilingSummary());
    } finally {
      model.dispose();
    }
  }
  return { summaries, warmupCalls };
}

export const RUNTIME_OPERATIONS: {
  [K in keyof RuntimeRequests]: (request: Request<K>) => Promise<RuntimeRequests[K]['result']>;
} = {
  load: (request) => withModel(request, false, (model) => ({ inputs: model.inputs, outputs: model.outputs })),
  logits: (request) =>
    withModel(request, false, (model) => {
      const { images, count } = request;
      const perImage = images.length / count;
      const classes = model.outputs[0]!.shape.reduce((a, b) => a * b, 1);
      const out = new Float32Array(count * classes);
      for (let i = 0; i < count; i++) {
        model.setInput(images.subarray(i * perImage, (i + 1) * perImage));
        model.infer();
        out.set(model.output(), i * classes);
      }
      return out;
    }),
  profile,
  measure,
};
