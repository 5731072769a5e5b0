import { buildReport } from './build-report';
import type { Report } from './types';

/** The key numbers of one run, for `runs list` / `runs show` and the app's run list. */
export interface RunOverview {
  id: string;
  dir: string;
  kind: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  /** The error the run ended with (failed or cancelled), as saved in run.json. */
  error: string | null;
  steps: { name: string; status: string; error: string | null }[];
  accuracy: { dense: number | null; pruned: number | null };
  /** Mean exact-zero fraction of the pruned model's 1x1 kernels. */
  pointwiseSparsity: number | null;
  speedups: {
    device: string;
    label: string;
    speedup: number | null;
    ciLow: number | null;
    ciHigh: number | null;
    synthetic: boolean;
  }[];
  missing: string[];
}

export function overviewFromReport(report: Report): RunOverview {
  const run = report.runs[0]!;
  const model = (role: 'dense' | 'pruned') => report.models.find((m) => m.run === run.id && m.role === role);
  const pointwise =
    (model('pruned') ?? model('dense'))?.layers.filter((l) => l.kernel === '1x1' && l.prunedSparsity !== null) ?? [];
  return {
    id: run.id,
    dir: run.dir,
    kind: run.kind,
    status: run.status,
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
    error: run.error,
    steps: run.steps.map((s) => ({ name: s.name, status: s.status, error: s.error })),
    accuracy: { dense: model('dense')?.accuracyTfjs ?? null, pruned: model('pruned')?.accuracyTfjs ?? null },
    pointwiseSparsity: pointwise.length ? pointwise.reduce((sum, l) => sum + l.prunedSparsity!, 0) / pointwise.length : null,
    speedups: report.speedups.map((s) => ({
      device: s.device,
      label: report.devices.find((d) => d.id === s.device)?.label ?? s.device,
      speedup: s.speedup,
      ciLow: s.ci?.low ?? null,
      ciHigh: s.ci?.high ?? null,
      synthetic: s.synthetic,
    })),
    missing: report.missing.map((m) => m.item),
  };
}

export async function runOverview(dir: string): Promise<RunOverview> {
  return overviewFromReport(await buildReport([dir]));
}
