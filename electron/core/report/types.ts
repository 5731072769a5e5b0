import type { z } from 'zod';
import type {
  benchmarkSummarySchema,
  deviceInfoSchema,
  latencyBoxSchema,
  latencySummarySchema,
  layerSparsitySchema,
  missingItemSchema,
  modelInfoSchema,
  modelRoleSchema,
  opComparisonSchema,
  opRowSchema,
  repetitionSchema,
  reportSchema,
  runInfoSchema,
  sparsityHistorySchema,
  speedupSchema,
  thermalReadingSchema,
  trainingSchema,
  verdictRuleSchema,
} from './schema';

/** The comparison report of one or several run folders (see docs/report-format.md). */
export type Report = z.infer<typeof reportSchema>;
export type ModelRole = z.infer<typeof modelRoleSchema>;
export type MissingItem = z.infer<typeof missingItemSchema>;
export type RunInfo = z.infer<typeof runInfoSchema>;
export type TrainingHistory = z.infer<typeof trainingSchema>;
export type SparsityHistory = z.infer<typeof sparsityHistorySchema>;
export type LayerSparsity = z.infer<typeof layerSparsitySchema>;
export type ModelInfo = z.infer<typeof modelInfoSchema>;
export type ThermalReading = z.infer<typeof thermalReadingSchema>;
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;
export type LatencySummary = z.infer<typeof latencySummarySchema>;
export type RepetitionRow = z.infer<typeof repetitionSchema>;
export type OpRow = z.infer<typeof opRowSchema>;
export type BenchmarkSummary = z.infer<typeof benchmarkSummarySchema>;
export type Speedup = z.infer<typeof speedupSchema>;
export type OpComparison = z.infer<typeof opComparisonSchema>;
export type LatencyBox = z.infer<typeof latencyBoxSchema>;
export type VerdictRuleRow = z.infer<typeof verdictRuleSchema>;
