import type { Report } from '../../electron/core/report/types';
import { benchmarkOf, groupLabel } from './labels';

/** The answer per device (and run): how much faster, smaller and less accurate the pruned model is. */
export interface HeadlineFacts {
  key: string;
  label: string;
  synthetic: boolean;
  speedup: number | null;
  ci: { low: number; high: number; level: number } | null;
  denseMedianUs: number | null;
  prunedMedianUs: number | null;
  /** dense file bytes - pruned file bytes (> 0: the pruned file is smaller). */
  bytesSaved: number | null;
  /** pruned accuracy - dense accuracy, as a fraction (the .tflite accuracy when both were validated, else TF.js). */
  accuracyDelta: number | null;
  sparseInference: 'yes' | 'no' | 'unknown';
}

function difference(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined ? null : a - b;
}

export function headlineFacts(report: Report, thisComputer?: string): HeadlineFacts[] {
  return report.speedups.map((s) => {
    const dense = report.models.find((m) => m.key === s.dense);
    const pruned = report.models.find((m) => m.key === s.pruned);
    const denseBench = benchmarkOf(report, s.run, s.device, s.dense);
    const prunedBench = benchmarkOf(report, s.run, s.device, s.pruned);
    const tflite = difference(pruned?.accuracyTflite, dense?.accuracyTflite);
    return {
      key: `${s.run}/${s.device}`,
      label: groupLabel(report, s.device, s.run, thisComputer),
      synthetic: s.synthetic,
      speedup: s.speedup,
      ci: s.ci ? { low: s.ci.low, high: s.ci.high, level: s.ci.level } : null,
      denseMedianUs: denseBench?.latency.median ?? null,
      prunedMedianUs: prunedBench?.latency.median ?? null,
      bytesSaved: difference(dense?.bytes, pruned?.bytes),
      accuracyDelta: tflite ?? difference(pruned?.accuracyTfjs, dense?.accuracyTfjs),
      sparseInference: prunedBench?.sparseInference.engaged ?? 'unknown',
    };
  });
}
