// One benchmark of one model on one device (a phone through benchmark_model, or "This computer" through the
// TFLite WebAssembly runtime). Phone and host runs share this shape so reports treat them alike.

export interface LatencyStats {
  count: number;
  /** Microseconds. */
  avg: number;
  /** Absent when the tool does not print it (classic benchmark_model prints no percentiles). */
  median?: number;
  min: number;
  max: number;
  std: number;
  /** Absent when the tool does not print it (benchmark_model never does). */
  p90?: number;
  /** Printed by LiteRT-era benchmark_model (` p5= median= p95=` tail). */
  p5?: number;
  p95?: number;
}

export interface OpProfileRow {
  nodeType: string;
  name: string;
  /** Milliseconds, average per run. */
  avgMs: number;
  percent: number;
  timesCalled: number;
}

export type SparseInferenceVerdict = 'yes' | 'no' | 'unknown';

export interface DeviceRef {
  /** 'host' for this computer, else the adb serial. */
  id: string;
  kind: 'host' | 'adb';
  label: string;
}

export interface BenchmarkFlags {
  numRuns: number;
  warmupRuns: number;
  numThreads: number;
  useXnnpack: 'true' | 'false' | 'default';
  enableOpProfiling: boolean;
  bigCoresMask?: string;
  runDelaySeconds?: number;
}

export interface ModelBenchmark {
  device: DeviceRef;
  model: { file: string; sha256: string; bytes: number };
  /** 0-based repetition index when a model is measured several times (A B A B ...). */
  repetition: number;
  flags: BenchmarkFlags;
  /** Per-run latencies in µs when the tool exposes them (host runs); phones give stats only. */
  runsUs?: number[];
  stats: LatencyStats;
  initUs?: number;
  firstInferenceUs?: number;
  warmupAvgUs?: number;
  memory?: { initMb?: number; overallMb?: number; peakMb?: number };
  /** Per-op profile; present only on a result that took one. */
  opProfile?: OpProfileRow[];
  /** Inferences the profile covers. */
  opProfileCalls?: number;
  /** Calls run before the profiled ones and left out of the profile (warm-up, each interpreter's first call). */
  opProfileWarmupExcluded?: number;
  /**
   * 'these-runs': the timed runs themselves were profiled (benchmark_model --enable_op_profiling);
   * 'separate-run': a short profiling run of its own, before the timed runs (this computer), so the timings are unprofiled.
   */
  opProfileSource?: 'these-runs' | 'separate-run';
  sparseInference: { engaged: SparseInferenceVerdict; reason: string };
  /** Tool identity: benchmark_model version line + sha256, or the WASM runtime's name and version. */
  tool: { name: string; version?: string; sha256?: string };
  /** True when the numbers come from an emulated phone (tests): never present them as measurements. */
  synthetic: boolean;
  startedAt: string;
  /** The raw tool output (phones) or a summary (host), kept for the run folder. */
  rawOutputFile?: string;
}
