import { CI_LEVEL } from './speedup-ci';
import { formatBytes, formatPercent, formatSpeedup, formatUs } from './format';
import type { ModelRole, Report } from './types';

/** The few numbers a run ends with, per device: what the pipeline prints before the report's path. */
export interface ReportHeadline {
  device: string;
  label: string;
  synthetic: boolean;
  speedup: number | null;
  ci: { low: number; high: number } | null;
  medianUs: Record<ModelRole, number | null>;
  bytes: Record<ModelRole, number | null>;
  accuracyTfjs: Record<ModelRole, number | null>;
  accuracyTflite: Record<ModelRole, number | null>;
  /** Whether XNNPACK's sparse path ran for the pruned model on this device. */
  sparseInference: string;
}

export function reportHeadline(report: Report): ReportHeadline[] {
  const run = report.runs[0]?.id;
  const model = (role: ModelRole) => report.models.find((m) => m.run === run && m.role === role);
  const both = <T>(pick: (role: ModelRole) => T): Record<ModelRole, T> => ({ dense: pick('dense'), pruned: pick('pruned') });
  const devices = [...new Set(report.benchmarks.filter((b) => b.run === run).map((b) => b.device))];
  return devices.map((device) => {
    const bench = (role: ModelRole) => report.benchmarks.find((b) => b.run === run && b.device === device && b.role === role);
    const speedup = report.speedups.find((s) => s.run === run && s.device === device);
    return {
      device,
      label: report.devices.find((d) => d.id === device)?.label ?? device,
      synthetic: (bench('dense')?.synthetic ?? false) || (bench('pruned')?.synthetic ?? false),
      speedup: speedup?.speedup ?? null,
      ci: speedup?.ci ? { low: speedup.ci.low, high: speedup.ci.high } : null,
      medianUs: both((role) => bench(role)?.latency.median ?? null),
      bytes: both((role) => model(role)?.bytes ?? null),
      accuracyTfjs: both((role) => model(role)?.accuracyTfjs ?? null),
      accuracyTflite: both((role) => model(role)?.accuracyTflite ?? null),
      sparseInference: bench('pruned')?.sparseInference.engaged ?? 'not measured',
    };
  });
}

/** One device's headline as text lines (CLI). */
export function formatHeadline(h: ReportHeadline): string[] {
  const pair = (values: Record<ModelRole, number | null>, format: (v: number | null) => string) =>
    `${format(values.dense)} -> ${format(values.pruned)}`;
  return [
    `${h.label}${h.synthetic ? ' [SYNTHETIC: emulated phone, not a measurement]' : ''}`,
    `  speed-up     ${formatSpeedup(h.speedup, h.ci)}${h.ci ? ` (${CI_LEVEL * 100} % CI)` : ''}, dense / pruned median latency ${pair(h.medianUs, formatUs)}`,
    `  size         ${pair(h.bytes, formatBytes)} (.tflite, dense -> pruned)`,
    `  accuracy     ${pair(h.accuracyTfjs, (v) => formatPercent(v))} (TF.js), ${pair(h.accuracyTflite, (v) => formatPercent(v))} (.tflite), test split`,
    `  sparse inference engaged (pruned): ${h.sparseInference}`,
  ];
}
