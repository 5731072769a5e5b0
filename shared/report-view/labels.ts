import type { BenchmarkSummary, Report } from '../../electron/core/report/types';

/**
 * The device's recorded label; "This computer" (the host runtime's label, recorded in English) in the reader's
 * language when `thisComputer` is given.
 */
export function deviceLabel(report: Report, id: string, thisComputer?: string): string {
  const device = report.devices.find((d) => d.id === id);
  if (!device) return id;
  return thisComputer && device.kind === 'host' ? device.label.replace(/^This computer/, thisComputer) : device.label;
}

/** Device label, plus the run id when the report covers several runs. */
export function groupLabel(report: Report, device: string, run: string, thisComputer?: string): string {
  const label = deviceLabel(report, device, thisComputer);
  return report.runs.length > 1 ? `${label} · ${run}` : label;
}

export function benchmarkOf(report: Report, run: string, device: string, model: string): BenchmarkSummary | undefined {
  return report.benchmarks.find((b) => b.run === run && b.device === device && b.model === model);
}

/** "abcdef12…90ab": the start and end of a long value (hashes, paths); the full value stays in the title and JSON. */
export function abbreviate(value: string, keep = 8): string {
  return value.length <= keep * 2 + 1 ? value : `${value.slice(0, keep)}…${value.slice(-4)}`;
}

/** The tail of a path: "…/benchmarks/host/dense-1.json". */
export function shortPath(path: string, parts = 2): string {
  const segments = path.split(/[\\/]/).filter(Boolean);
  return segments.length <= parts ? path : `…/${segments.slice(-parts).join('/')}`;
}
