import { z } from 'zod';
import { SPEEDUP_CI_DEFINITION, SPEEDUP_DEFINITION } from './speedup-definition';

// The report model, as zod schemas: the single source for the TypeScript types (types.ts), for validation
// of a report read back, and for resources/schemas/report.v1.schema.json (z.toJSONSchema).
// Units: latencies and times in microseconds (µs), sizes in bytes, memory in MB, accuracies as fractions 0..1.
// A number that was not measured is null, never 0 or NaN.

export const REPORT_FORMAT = 'sparse-studio-report';
export const REPORT_SCHEMA_VERSION = 1;

const maybe = z.number().nullable();

export const modelRoleSchema = z.enum(['dense', 'pruned']);

export const missingItemSchema = z.object({
  run: z.string().describe('Run id the item belongs to'),
  item: z.string().describe('File or section that is missing or unreadable, relative to the run folder'),
  detail: z.string(),
});

export const runInfoSchema = z.object({
  id: z.string(),
  dir: z.string(),
  kind: z.string(),
  status: z.string().describe("Manifest status; a 'running' run whose process died shows as 'interrupted'"),
  error: z.string().nullable().describe('The error a failed or cancelled run ended with (run.json)'),
  createdAt: z.string(),
  updatedAt: z.string(),
  config: z.record(z.string(), z.unknown()),
  environment: z.record(z.string(), z.unknown()),
  steps: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      startedAt: z.string(),
      endedAt: z.string().nullable(),
      error: z.string().nullable(),
    }),
  ),
  dataset: z
    .object({ source: z.string(), fingerprint: z.string().nullable(), train: maybe, validation: maybe, test: maybe })
    .nullable(),
});

export const epochMetricsSchema = z.object({
  epoch: z.number(),
  loss: maybe,
  accuracy: maybe,
  valLoss: maybe,
  valAccuracy: maybe,
  seconds: maybe,
});

export const trainingSchema = z.object({
  run: z.string(),
  phase: z.enum(['dense', 'pruning']),
  backend: z.string().nullable(),
  epochs: z.array(epochMetricsSchema),
  batches: z.array(z.object({ step: z.number(), loss: maybe, accuracy: maybe })),
  test: z.object({ loss: maybe, accuracy: maybe }).nullable(),
});

export const sparsityHistorySchema = z.object({
  run: z.string(),
  schedule: z
    .array(z.object({ step: z.number(), target: z.number() }))
    .describe('Scheduled target sparsity per training step (1-based)'),
  scheduleText: z
    .string()
    .nullable()
    .describe("Schedule class and config, e.g. 'PolynomialDecay 0 → 0.75 (power 3), steps 0-1000 every 100'"),
  policy: z.string().nullable(),
  maskUpdateSteps: z.array(z.number()),
  tensors: z.array(
    z.object({
      name: z.string(),
      epochs: z
        .array(z.object({ epoch: z.number(), step: maybe, sparsity: maybe, threshold: maybe }))
        .describe('Actual sparsity (1 - mean(mask)) and magnitude threshold at the end of each epoch'),
    }),
  ),
});

export const layerSparsitySchema = z.object({
  weight: z.string().describe('`<layer>/<weight>`, e.g. conv2d_1/kernel'),
  layerType: z.string(),
  kernel: z.string().describe("Kernel size, e.g. '1x1'"),
  params: z.number(),
  denseZeros: maybe,
  prunedZeros: maybe,
  denseSparsity: maybe,
  prunedSparsity: maybe,
});

export const verdictRuleSchema = z.object({
  id: z.string().nullable().describe("Rule id, e.g. 'zeros-1x1' (null when read from an older run folder)"),
  title: z.string(),
  pass: z.boolean(),
  reason: z.string().describe('One line: why the rule passes or fails'),
  reasonKey: z
    .string()
    .nullable()
    .describe("The reason's key (report.verdict.reason.<key> in shared/i18n); null when read from an older run folder"),
  reasonValues: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .nullable()
    .describe("The values the reason's text is filled with"),
});

export const modelInfoSchema = z.object({
  key: z.string().describe('`<run id>/<role>`: unique across the runs of one report'),
  run: z.string(),
  role: modelRoleSchema,
  file: z.string().nullable().describe('.tflite file, relative to the run folder'),
  bytes: maybe,
  weightBytes: maybe,
  sha256: z.string().nullable(),
  accuracyTfjs: maybe.describe('Test accuracy of the TF.js model'),
  accuracyTflite: maybe.describe('Test accuracy of the .tflite model in the TFLite runtime'),
  validation: z.object({ maxAbsDiff: maybe, agreement: maybe }).nullable(),
  sparseTensors: z.array(z.object({ name: z.string(), zeros: z.number(), bytesSaved: z.number() })),
  xnnpackVerdict: z
    .object({
      eligible: z.boolean(),
      reasons: z.array(z.string()),
      rules: z.array(verdictRuleSchema).describe('The same verdict rule by rule: the checklist the report shows'),
    })
    .nullable(),
  layers: z.array(layerSparsitySchema),
});

export const thermalReadingSchema = z.object({
  status: maybe.describe('Android thermal status 0 (none) .. 6 (shutdown)'),
  temperatureC: maybe.describe('Hottest CPU sensor (or the only temperature recorded), °C'),
  batteryC: maybe.describe('Battery temperature, °C'),
  at: z.string().nullable(),
  text: z.string().nullable(),
});

export const deviceInfoSchema = z.object({
  id: z.string(),
  kind: z.enum(['host', 'adb']),
  label: z.string(),
  synthetic: z.boolean().describe('True when any number measured on this device comes from an emulated phone'),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  thermal: z.array(
    z.object({
      run: z.string(),
      benchmark: z.string().nullable(),
      model: z.string().nullable(),
      repetition: maybe,
      before: thermalReadingSchema.nullable(),
      after: thermalReadingSchema.nullable(),
    }),
  ),
});

export const latencySummarySchema = z.object({
  count: z.number().describe('Timed runs over all repetitions'),
  avg: maybe,
  median: maybe,
  min: maybe,
  max: maybe,
  std: maybe,
  p90: maybe,
  source: z
    .enum(['runs', 'repetition-stats'])
    .describe(
      "'runs': all statistics from the per-run latencies; 'repetition-stats': avg/min/max/std pooled exactly from each repetition's stats, median and p90 over the repetition averages",
    ),
});

export const repetitionSchema = z.object({
  repetition: z.number(),
  file: z.string().describe('Benchmark JSON, relative to the run folder'),
  rawOutputFile: z.string().nullable(),
  startedAt: z.string(),
  synthetic: z.boolean(),
  count: z.number(),
  avg: maybe,
  median: maybe,
  min: maybe,
  max: maybe,
  std: maybe,
  p90: maybe,
  initUs: maybe,
  firstInferenceUs: maybe,
  warmupAvgUs: maybe,
  peakMb: maybe,
  sparseInference: z.string(),
});

export const latencyBoxSchema = z
  .object({
    over: z
      .enum(['runs', 'repetitions'])
      .describe("'runs': every timed run; 'repetitions': one average per repetition (the tool printed statistics only)"),
    n: z.number(),
    q1: z.number(),
    median: z.number(),
    q3: z.number(),
    whiskerLow: z.number().describe('Lowest value within 1.5 IQR below Q1'),
    whiskerHigh: z.number().describe('Highest value within 1.5 IQR above Q3'),
    outliers: z.array(z.number()).describe('Values beyond the whiskers (at most 200: the lowest and highest 100)'),
    outlierCount: z.number(),
  })
  .describe('Box-plot statistics of the latencies in µs (Tukey)');

export const opRowSchema = z.object({ nodeType: z.string(), avgMs: z.number(), share: z.number(), pointwise: z.boolean() });

export const benchmarkSummarySchema = z.object({
  device: z.string(),
  model: z.string().describe('modelInfo.key'),
  run: z.string(),
  role: modelRoleSchema,
  synthetic: z.boolean(),
  repetitions: z.array(repetitionSchema),
  latency: latencySummarySchema,
  latencyBox: latencyBoxSchema.nullable(),
  initUs: z.object({ avg: maybe, min: maybe, max: maybe }),
  firstInferenceUs: z.object({ avg: maybe, min: maybe, max: maybe }),
  memory: z.object({ initMb: maybe, overallMb: maybe, peakMb: maybe }),
  tool: z.object({ name: z.string(), version: z.string().nullable(), sha256: z.string().nullable() }),
  flags: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  sparseInference: z.object({ engaged: z.enum(['yes', 'no', 'unknown']), reason: z.string() }),
  opProfile: z.array(opRowSchema).describe('Mean per-run time by node type over the benchmark files that took a profile'),
  opProfileFiles: z.number().describe('How many of the repetitions carry a profile (0: none was taken)'),
  opProfileCalls: maybe.describe('Inferences the profiles cover in all (null when unknown or none)'),
  opProfileSource: z
    .enum(['these-runs', 'separate-run', 'mixed'])
    .nullable()
    .describe("'these-runs': the timed runs were profiled; 'separate-run': a short profiling run before the timed ones"),
  pointwiseShare: maybe.describe('Share of profiled time spent in 1x1 convolutions'),
});

export const speedupSchema = z.object({
  device: z.string(),
  run: z.string(),
  dense: z.string(),
  pruned: z.string(),
  synthetic: z.boolean(),
  speedup: maybe.describe(`${SPEEDUP_DEFINITION}; > 1: the pruned model is faster`),
  basis: z
    .enum(['median', 'mean'])
    .nullable()
    .describe("'median' always, except 'mean' for a single repetition whose tool printed no median (ratio of its averages)"),
  ci: z
    .object({
      low: z.number(),
      high: z.number(),
      level: z.number(),
      method: z.enum(['bootstrap-repetitions', 'bootstrap-runs']),
      resamples: z.number(),
      seed: z.number(),
    })
    .nullable()
    .describe(SPEEDUP_CI_DEFINITION),
  note: z.string(),
});

export const opComparisonSchema = z.object({
  device: z.string(),
  run: z.string(),
  synthetic: z.boolean(),
  rows: z
    .array(z.object({ nodeType: z.string(), pointwise: z.boolean(), denseMs: maybe, prunedMs: maybe }))
    .describe(
      "One row per kind of operation ('1x1 convolution', 'depthwise convolution', ...); the exact operators are in benchmarks[].opProfile",
    ),
  densePointwiseShare: maybe,
  prunedPointwiseShare: maybe,
});

export const reportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  generatedAt: z.string(),
  generator: z.object({ name: z.literal('sparse-studio'), version: z.string().nullable() }),
  synthetic: z.boolean().describe('True when any number in the report comes from an emulated phone'),
  runs: z.array(runInfoSchema),
  missing: z.array(missingItemSchema),
  training: z.array(trainingSchema),
  sparsity: z.array(sparsityHistorySchema),
  models: z.array(modelInfoSchema),
  devices: z.array(deviceInfoSchema),
  benchmarks: z.array(benchmarkSummarySchema),
  speedups: z.array(speedupSchema),
  opComparisons: z.array(opComparisonSchema),
});
