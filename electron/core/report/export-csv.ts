import { toCsv, type CsvValue } from './csv';
import type { BenchmarkSummary, Report } from './types';

/** One row per device x model x repetition. Latencies in µs. */
export const REPETITION_COLUMNS = [
  'run',
  'device_id',
  'device_label',
  'device_kind',
  'synthetic',
  'model',
  'role',
  'model_file',
  'model_sha256',
  'repetition',
  'started_at',
  'count',
  'avg_us',
  'median_us',
  'min_us',
  'max_us',
  'std_us',
  'p90_us',
  'init_us',
  'first_inference_us',
  'warmup_avg_us',
  'peak_mb',
  'sparse_inference',
  'tool',
  'tool_version',
  'tool_sha256',
  'num_threads',
  'num_runs',
  'warmup_runs',
  'use_xnnpack',
  'benchmark_file',
] as const;

/**
 * One row per device x model, with the pooled statistics and the speed-up: `speedup_dense_over_pruned` is the dense
 * row's `speedup_of` statistic (`median`: its `median_us`) divided by the pruned row's.
 */
export const SUMMARY_COLUMNS = [
  'run',
  'device_id',
  'device_label',
  'device_kind',
  'synthetic',
  'model',
  'role',
  'repetitions',
  'count',
  'avg_us',
  'median_us',
  'min_us',
  'max_us',
  'std_us',
  'p90_us',
  'stats_source',
  'init_avg_us',
  'first_inference_avg_us',
  'peak_mb',
  'file_bytes',
  'weight_bytes',
  'accuracy_tfjs',
  'accuracy_tflite',
  'pointwise_share',
  'sparse_inference',
  'speedup_dense_over_pruned',
  'speedup_of',
  'speedup_ci_low',
  'speedup_ci_high',
  'speedup_ci_method',
  'tool',
  'tool_version',
] as const;

function deviceOf(report: Report, id: string): { label: string; kind: string } {
  const d = report.devices.find((x) => x.id === id);
  return { label: d?.label ?? id, kind: d?.kind ?? '' };
}

export function repetitionsCsv(report: Report): string {
  const rows: CsvValue[][] = [];
  for (const b of report.benchmarks) {
    const model = report.models.find((m) => m.key === b.model);
    const device = deviceOf(report, b.device);
    for (const r of b.repetitions) {
      rows.push([
        b.run,
        b.device,
        device.label,
        device.kind,
        r.synthetic,
        b.model,
        b.role,
        model?.file,
        model?.sha256,
        r.repetition,
        r.startedAt,
        r.count,
        r.avg,
        r.median,
        r.min,
        r.max,
        r.std,
        r.p90,
        r.initUs,
        r.firstInferenceUs,
        r.warmupAvgUs,
        r.peakMb,
        r.sparseInference,
        b.tool.name,
        b.tool.version,
        b.tool.sha256,
        flag(b, 'numThreads'),
        flag(b, 'numRuns'),
        flag(b, 'warmupRuns'),
        flag(b, 'useXnnpack'),
        r.file,
      ]);
    }
  }
  return toCsv(REPETITION_COLUMNS, rows);
}

function flag(b: BenchmarkSummary, name: string): CsvValue {
  return b.flags[name] ?? null;
}

export function summaryCsv(report: Report): string {
  const rows = report.benchmarks.map((b): CsvValue[] => {
    const model = report.models.find((m) => m.key === b.model);
    const device = deviceOf(report, b.device);
    const speedup = b.role === 'pruned' ? report.speedups.find((s) => s.pruned === b.model && s.device === b.device) : undefined;
    const l = b.latency;
    return [
      b.run,
      b.device,
      device.label,
      device.kind,
      b.synthetic,
      b.model,
      b.role,
      b.repetitions.length,
      l.count,
      l.avg,
      l.median,
      l.min,
      l.max,
      l.std,
      l.p90,
      l.source,
      b.initUs.avg,
      b.firstInferenceUs.avg,
      b.memory.peakMb,
      model?.bytes,
      model?.weightBytes,
      model?.accuracyTfjs,
      model?.accuracyTflite,
      b.pointwiseShare,
      b.sparseInference.engaged,
      speedup?.speedup,
      speedup?.basis,
      speedup?.ci?.low,
      speedup?.ci?.high,
      speedup?.ci?.method,
      b.tool.name,
      b.tool.version,
    ];
  });
  return toCsv(SUMMARY_COLUMNS, rows);
}
