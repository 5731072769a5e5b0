// `runs.list` answers the report module's RunListEntry[] (electron/core/report/list-runs.ts): readable runs with their
// overview, unreadable ones with their error. The History page shows both as rows.
import type { RunListEntry } from '../../../electron/core/report/list-runs';
import { formatPercent } from '../format/numbers';

export interface RunRow {
  dir: string;
  id: string;
  kind: string;
  status: string;
  createdAt: string | undefined;
  summary: string;
  error: string | undefined;
}

function baseName(dir: string): string {
  return dir.split(/[\\/]/).filter(Boolean).pop() ?? dir;
}

export function runRows(value: unknown): RunRow[] {
  const entries = Array.isArray(value) ? (value as RunListEntry[]) : ((value as { runs?: RunListEntry[] } | null)?.runs ?? []);
  return entries.map((entry) => {
    if (!entry.ok)
      return {
        dir: entry.dir,
        id: baseName(entry.dir),
        kind: '—',
        status: 'unreadable',
        createdAt: undefined,
        summary: '',
        error: entry.error,
      };
    const o = entry.overview;
    const parts = [
      o.accuracy.dense !== null ? `dense ${formatPercent(o.accuracy.dense)}` : '',
      o.accuracy.pruned !== null ? `pruned ${formatPercent(o.accuracy.pruned)}` : '',
      o.pointwiseSparsity !== null ? `1×1 sparsity ${formatPercent(o.pointwiseSparsity)}` : '',
      ...o.speedups.map((s) =>
        s.speedup !== null ? `${s.label} ${s.speedup.toFixed(2)}×${s.synthetic ? ' (synthetic)' : ''}` : '',
      ),
    ];
    return {
      dir: o.dir,
      id: o.id,
      kind: o.kind,
      status: o.status,
      createdAt: o.createdAt,
      summary: parts.filter(Boolean).join(' · '),
      error: undefined,
    };
  });
}
