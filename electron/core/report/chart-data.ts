import type { LatencyGroup } from './charts/latency-bars';
import type { OpProfileChartInput } from './charts/op-profile-bars';
import type { SparsityChartInput } from './charts/sparsity-schedule';
import type { SpeedupBar } from './charts/speedup-bars';
import type { TrainingCurvesInput } from './charts/training-curves';
import type { Report } from './types';

// Report -> chart inputs. Kept apart from the chart drawing so the React UI can feed the same charts.

function deviceLabel(report: Report, id: string): string {
  return report.devices.find((d) => d.id === id)?.label ?? id;
}

/** Device label, led by the run id when the report covers several runs (charts draw the two parts on two lines). */
function groupLabel(report: Report, device: string, run: string): string {
  return report.runs.length > 1 ? `${run} · ${deviceLabel(report, device)}` : deviceLabel(report, device);
}

export function latencyGroups(report: Report): LatencyGroup[] {
  const groups = new Map<string, LatencyGroup>();
  for (const b of report.benchmarks) {
    const key = `${b.run}\u0000${b.device}`;
    const group = groups.get(key) ?? { label: groupLabel(report, b.device, b.run), synthetic: false, bars: [] };
    group.synthetic ||= b.synthetic;
    group.bars.push({ label: b.role, role: b.role, avgUs: b.latency.avg, stdUs: b.latency.std });
    groups.set(key, group);
  }
  for (const g of groups.values()) g.bars.sort((a, b) => a.role.localeCompare(b.role));
  return [...groups.values()];
}

export function speedupBars(report: Report): SpeedupBar[] {
  return report.speedups.map((s) => ({
    label: groupLabel(report, s.device, s.run),
    synthetic: s.synthetic,
    speedup: s.speedup,
    ciLow: s.ci?.low ?? null,
    ciHigh: s.ci?.high ?? null,
  }));
}

export function trainingInputs(report: Report): TrainingCurvesInput[] {
  return report.runs.flatMap((run) => {
    const dense = report.training.find((t) => t.run === run.id && t.phase === 'dense')?.epochs ?? [];
    const pruning = report.training.find((t) => t.run === run.id && t.phase === 'pruning')?.epochs ?? [];
    return dense.length || pruning.length ? [{ label: run.id, dense, pruning }] : [];
  });
}

export function sparsityInputs(report: Report): SparsityChartInput[] {
  return report.sparsity.map((s) => ({ label: s.run, schedule: s.scheduleText, targets: s.schedule, tensors: s.tensors }));
}

export function opProfileInputs(report: Report): OpProfileChartInput[] {
  return report.opComparisons.map((c) => ({
    label: groupLabel(report, c.device, c.run),
    synthetic: c.synthetic,
    rows: c.rows,
    densePointwiseShare: c.densePointwiseShare,
    prunedPointwiseShare: c.prunedPointwiseShare,
  }));
}
