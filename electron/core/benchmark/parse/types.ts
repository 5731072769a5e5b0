import type { LatencyStats } from '../../../../shared/benchmark-result';
import type { DelegateEvent } from './delegate-line';
import type { LiteRtResults } from './litert-results';
import type { MemoryReport } from './memory-lines';
import type { OpProfileSection } from './op-profile-sections';
import type { KnownParameters } from './parameter-line';
import type { SparseInferenceReading } from './sparse-inference';
import type { StatLine } from './stat-line';
import type { TimingSummary } from './summary-line';

/** Everything read from one benchmark_model output, success or not. Times in µs unless the name says otherwise. */
export interface ParsedBenchmarkOutput {
  /** 'classic' = `Inference timings in us` (2020+), 'classic-2018' = `Average inference timings in us`,
   * 'litert' = LiteRT CompiledModel `BENCHMARK RESULTS` block, 'unknown' = no summary found. */
  generation: 'classic' | 'classic-2018' | 'litert' | 'unknown';
  /** The emulated phone's stand-in tool marks its made-up numbers; never show them as measurements. */
  synthetic: boolean;
  /** Every `Label: [value]` line, label as printed. */
  parameters: Record<string, string>;
  known: KnownParameters;
  modelPath?: string;
  modelSizeMb?: number;
  /** `Initialized session in Xms`. */
  initSessionMs?: number;
  /** First `count=` line (warm-up runs) and second (regular runs), as printed. */
  warmup?: StatLine;
  inference?: StatLine;
  /** Regular-run latency (from the `count=` line, else the LiteRT block). */
  stats?: LatencyStats;
  initUs?: number;
  firstInferenceUs?: number;
  warmupAvgUs?: number;
  inferenceAvgUs?: number;
  summary?: TimingSummary;
  memory?: MemoryReport;
  litert?: LiteRtResults;
  delegates: DelegateEvent[];
  opProfiles: OpProfileSection[];
  /** Non-fatal lines worth showing: `Duplicate flags`, `Unconsumed cmdline flags`, delegate fallbacks, WARN lines. */
  warnings: string[];
  /** ERROR/FATAL lines (prefix removed). */
  errors: string[];
  /** From the op profile's XNNPACK operator names (see sparse-inference.ts). */
  sparseInference: SparseInferenceReading;
  /** From a trailing `__RC=<n>` marker or the caller. */
  exitStatus?: number;
}

export type BenchmarkFailureKind =
  | 'empty-output'
  | 'binary-wrong-abi-64bit'
  | 'binary-wrong-abi-32bit'
  | 'binary-permission-denied'
  | 'binary-not-found'
  | 'model-not-found'
  | 'missing-graph-flag'
  | 'invalid-flags'
  | 'unsupported-op-version'
  | 'unsupported-custom-op'
  | 'unsupported-op'
  | 'cpu-fallback-disallowed'
  | 'delegate-failed'
  | 'prepare-failed'
  | 'invoke-failed'
  | 'allocate-failed'
  | 'registration-failed'
  | 'crashed-sigsegv'
  | 'aborted'
  | 'killed'
  | 'benchmark-failed'
  | 'nonzero-exit'
  | 'incomplete-output';

export interface BenchmarkFailure {
  kind: BenchmarkFailureKind;
  /** What happened, naming the model, op or delegate involved. */
  message: string;
  /** What the user should do. */
  hint: string;
  /** The output line the verdict rests on, when there is one. */
  evidence?: string;
}

export type BenchmarkParseResult =
  ({ ok: true } & ParsedBenchmarkOutput) | ({ ok: false; error: BenchmarkFailure } & ParsedBenchmarkOutput);
