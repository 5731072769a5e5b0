import type { TensorDescription } from './runtime';
import type { HostProfilePlan } from './steady-profile';

// What the thread that owns a model asks the runtime worker to do, and what each request returns.

export interface RuntimeModelRef {
  bytes: Uint8Array;
  /** The model's name in messages (path or file name). */
  file: string;
  threads?: number;
}

export interface MeasuredRun {
  initUs: number;
  firstInferenceUs: number;
  warmupAvgUs: number | undefined;
  runsUs: number[];
}

export interface RuntimeRequests {
  /** Loads the model and reports its inputs and outputs. */
  load: { request: RuntimeModelRef; result: { inputs: TensorDescription[]; outputs: TensorDescription[] } };
  /** Logits of `count` NHWC float images, one inference per image. */
  logits: { request: RuntimeModelRef & { images: Float32Array; count: number }; result: Float32Array };
  /**
   * Unprofiled warm-up calls, then `interpreters` fresh profiled interpreters run `1 + runs` times each: one TFLite
   * profiling summary per interpreter, and how many warm-up calls ran (see steady-profile.ts).
   */
  profile: { request: RuntimeModelRef & HostProfilePlan; result: { summaries: string[]; warmupCalls: number } };
  /** One benchmark measurement in a fresh runtime instance. */
  measure: { request: RuntimeModelRef & { runs: number; warmup: number }; result: MeasuredRun };
}

export type RuntimeRequestKind = keyof RuntimeRequests;

export type RuntimeMessage = {
  [K in RuntimeRequestKind]: { id: number; kind: K; request: RuntimeRequests[K]['request'] };
}[RuntimeRequestKind];

export type RuntimeReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { name: string; message: string; code?: string; hint?: string } };
