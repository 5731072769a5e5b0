// A comparison's "what differs": every config value (flattened, e.g. train.epochs) that is not the same in all runs.
import type { RunInfo } from '../../../electron/core/report/types';

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));
  }
}

/** Keys that are not worth comparing: each run has its own folder. */
const OWN_PATHS = /(^|\.)(out|from|runDir)$/;

/** Settings whose value differs; `shared`: every run has the setting (a pipeline and a wizard run record theirs apart). */
export function configDifferences(runs: Pick<RunInfo, 'id' | 'config'>[]): { key: string; values: string[]; shared: boolean }[] {
  const flat = runs.map((r) => {
    const out = new Map<string, string>();
    flatten(r.config, '', out);
    return out;
  });
  const keys = [...new Set(flat.flatMap((f) => [...f.keys()]))].filter((k) => !OWN_PATHS.test(k)).sort();
  return keys
    .map((key) => ({ key, values: flat.map((f) => f.get(key) ?? '—'), shared: flat.every((f) => f.has(key)) }))
    .filter((row) => new Set(row.values).size > 1);
}
