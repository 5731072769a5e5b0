import { z } from 'zod';

// What the report reads from a run folder. Lenient on purpose: extra fields pass, optional fields may be absent,
// so a report can still be made from a partial or older run; what does not match is reported as missing.

const num = z.number().nullable().optional();

export const epochInputSchema = z.looseObject({
  epoch: z.number(),
  loss: num,
  accuracy: num,
  valLoss: num,
  valAccuracy: num,
  seconds: num,
});

export const trainMetricsInputSchema = z.looseObject({
  backend: z.string().optional(),
  dataset: z
    .looseObject({
      source: z.string(),
      fingerprint: z.string().optional(),
      train: num,
      validation: num,
      test: num,
    })
    .optional(),
  epochs: z.array(epochInputSchema),
  batches: z.array(z.looseObject({ step: z.number(), loss: num, accuracy: num })).optional(),
  test: z.looseObject({ loss: num, accuracy: num }).optional(),
});

/** electron/core/prune/pruning-summary.ts PruningSummary (only what the report draws). */
const pruningSummaryInputSchema = z.looseObject({
  schedule: z.looseObject({ class_name: z.string(), config: z.record(z.string(), z.unknown()) }).optional(),
  policy: z.string().nullable().optional(),
  tensors: z.array(z.string()).optional(),
  epochs: z.array(
    z.looseObject({
      epoch: z.number(),
      step: z.number().optional(),
      tensors: z.array(z.looseObject({ name: z.string(), sparsity: num, threshold: num })),
    }),
  ),
  targetPerStep: z.array(z.number().nullable()).optional(),
  maskUpdateSteps: z.array(z.number()).optional(),
});

export const pruneMetricsInputSchema = z.looseObject({
  backend: z.string().optional(),
  epochs: z.array(epochInputSchema),
  batches: z.array(z.looseObject({ step: z.number(), loss: num, accuracy: num })).optional(),
  /** The PruningSummary (electron/core/prune/prune-run.ts writes it as `pruning`). */
  pruning: pruningSummaryInputSchema.optional(),
  summary: pruningSummaryInputSchema.optional(),
  test: z.looseObject({ loss: num, accuracy: num }).optional(),
});

export const conversionInputSchema = z.looseObject({
  files: z.array(
    z.looseObject({
      role: z.enum(['dense', 'pruned']),
      file: z.string(),
      bytes: num,
      weightBytes: num,
      sha256: z.string().optional(),
      sparseTensors: z.array(z.looseObject({ name: z.string(), zeros: z.number(), bytesSaved: z.number() })).optional(),
      xnnpackVerdict: z
        .looseObject({
          eligible: z.boolean(),
          reasons: z.array(z.string()),
          rules: z
            .array(
              z.looseObject({
                id: z.string(),
                title: z.string(),
                pass: z.boolean(),
                reason: z.string(),
                reasonKey: z.string().optional(),
                reasonValues: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
              }),
            )
            .optional(),
        })
        .optional(),
      validation: z.looseObject({ maxAbsDiff: num, agreement: num, accuracyTflite: num }).optional(),
    }),
  ),
});

const latencyInputSchema = z.looseObject({
  count: z.number(),
  avg: z.number(),
  median: z.number().optional(),
  min: z.number(),
  max: z.number(),
  std: z.number(),
  p90: z.number().optional(),
});

/** shared/benchmark-result.ts ModelBenchmark. */
export const benchmarkInputSchema = z.looseObject({
  device: z.looseObject({ id: z.string(), kind: z.enum(['host', 'adb']), label: z.string() }),
  model: z.looseObject({ file: z.string(), sha256: z.string(), bytes: z.number() }),
  repetition: z.number(),
  flags: z.record(z.string(), z.unknown()),
  runsUs: z.array(z.number()).optional(),
  stats: latencyInputSchema,
  initUs: z.number().optional(),
  firstInferenceUs: z.number().optional(),
  warmupAvgUs: z.number().optional(),
  memory: z
    .looseObject({ initMb: z.number().optional(), overallMb: z.number().optional(), peakMb: z.number().optional() })
    .optional(),
  opProfile: z
    .array(
      z.looseObject({ nodeType: z.string(), name: z.string(), avgMs: z.number(), percent: z.number(), timesCalled: z.number() }),
    )
    .optional(),
  opProfileCalls: z.number().optional(),
  opProfileWarmupExcluded: z.number().optional(),
  opProfileSource: z.enum(['these-runs', 'separate-run']).optional(),
  sparseInference: z.looseObject({ engaged: z.enum(['yes', 'no', 'unknown']), reason: z.string() }),
  tool: z.looseObject({ name: z.string(), version: z.string().optional(), sha256: z.string().optional() }),
  synthetic: z.boolean(),
  startedAt: z.string(),
  rawOutputFile: z.string().optional(),
  /** Phone runs (PhoneRunRecord): device conditions around the run, and the tool's exit status. */
  conditions: z.looseObject({ before: z.unknown().optional(), after: z.unknown().optional() }).optional(),
  exitStatus: z.number().optional(),
});

/** What a benchmark writes in place of a result when the run failed. */
export const benchmarkFailureSchema = z.looseObject({
  repetition: z.number().optional(),
  failure: z.looseObject({ code: z.string().optional(), message: z.string() }),
});

export type TrainMetricsInput = z.infer<typeof trainMetricsInputSchema>;
export type PruneMetricsInput = z.infer<typeof pruneMetricsInputSchema>;
export type ConversionInput = z.infer<typeof conversionInputSchema>;
export type BenchmarkInput = z.infer<typeof benchmarkInputSchema>;
export type DevicesInput = Record<string, Record<string, unknown>>;
