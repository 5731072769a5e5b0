// The Benchmark screen's summary of a finished job: per device and model the median over repetitions of each
// repetition's median (or mean when the tool prints no median), the pruned/dense ratio, and the op profile by node type.
import type { ModelBenchmark } from '../../../shared/benchmark-result';
import { baseName, type BenchmarkProgress } from './benchmark-progress';

export interface ModelSummary {
  model: string;
  repetitions: number;
  /** µs */
  medianUs: number;
  synthetic: boolean;
}

export interface DeviceSummaryRow {
  device: string;
  models: ModelSummary[];
  /** dense median / pruned median; undefined unless both were measured. */
  speedup: number | undefined;
  /** Per node type, ms per run averaged over repetitions, per model; only when op profiling was on. */
  opProfile: { nodeType: string; ms: Record<string, number> }[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function centre(r: ModelBenchmark): number {
  return r.stats.median ?? r.stats.avg;
}

function opProfile(results: ModelBenchmark[]): DeviceSummaryRow['opProfile'] {
  const sums = new Map<string, Map<string, { total: number; reps: Set<number> }>>();
  for (const r of results) {
    if (!r.opProfile) continue;
    const model = baseName(r.model.file);
    for (const row of r.opProfile) {
      const byModel = sums.get(row.nodeType) ?? new Map<string, { total: number; reps: Set<number> }>();
      const entry = byModel.get(model) ?? { total: 0, reps: new Set<number>() };
      entry.total += row.avgMs;
      entry.reps.add(r.repetition);
      byModel.set(model, entry);
      sums.set(row.nodeType, byModel);
    }
  }
  return [...sums].map(([nodeType, byModel]) => ({
    nodeType,
    ms: Object.fromEntries([...byModel].map(([model, e]) => [model, e.total / e.reps.size])),
  }));
}

export function summariseBenchmark(progress: BenchmarkProgress): DeviceSummaryRow[] {
  return Object.values(progress)
    .filter((p) => p.results.length > 0)
    .map((p) => {
      const byModel = new Map<string, ModelBenchmark[]>();
      for (const r of p.results) byModel.set(baseName(r.model.file), [...(byModel.get(baseName(r.model.file)) ?? []), r]);
      const models = [...byModel].map(([model, runs]) => ({
        model,
        repetitions: runs.length,
        medianUs: median(runs.map(centre)),
        synthetic: runs.some((r) => r.synthetic),
      }));
      const dense = models.find((m) => m.model.startsWith('dense'));
      const pruned = models.find((m) => m.model.startsWith('pruned'));
      return {
        device: p.device,
        models,
        speedup: dense && pruned && pruned.medianUs > 0 ? dense.medianUs / pruned.medianUs : undefined,
        opProfile: opProfile(p.results),
      };
    });
}
