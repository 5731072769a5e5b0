import type { OpProfileRow } from '../../../shared/benchmark-result';
import { parseProfileSummary, type ProfileSections, type SummaryRow } from './profile-summary';

/**
 * How "This computer" takes its per-op profile. The WebAssembly runner cannot reset its profiler (its summary covers
 * every call since the interpreter was created, and each GetProfilingSummary call feeds the whole buffer again), and
 * an interpreter's first call packs XNNPACK's weights. So: unprofiled warm-up calls first, at least `warmup` of them
 * and for at least `warmupMs` (V8 tiers the WebAssembly code up by the work it has run, so a small model needs more
 * calls; the profiled interpreters below reuse that code), then `interpreters` fresh profiled
 * interpreters, each run `1 + runs` times and summarised once; each op's time is its mean over the `runs` calls after
 * the first (from the summary's first and mean columns), and the profile is the per-op median over the interpreters,
 * so one call slowed down by the machine does not decide the shares.
 */
export interface HostProfilePlan {
  warmup: number;
  warmupMs: number;
  interpreters: number;
  runs: number;
}

export const HOST_PROFILE_PLAN: HostProfilePlan = { warmup: 20, warmupMs: 300, interpreters: 5, runs: 10 };

/** Inferences the steady profile averages (warm-up and each interpreter's first call excluded). */
export function profiledCalls(plan: HostProfilePlan): number {
  return plan.interpreters * plan.runs;
}

/** Mean time of the calls after the first: the summary's mean covers all `calls`, its first column the first one. */
function afterFirstCall(row: SummaryRow, calls: number): OpProfileRow {
  const { firstMs, ...rest } = row;
  const avgMs = Math.max(0, (row.avgMs * calls - firstMs) / (calls - 1));
  return { ...rest, avgMs, timesCalled: calls - 1 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function combine(tables: OpProfileRow[][], section: string): OpProfileRow[] {
  const first = tables[0] ?? [];
  for (const table of tables) {
    if (table.length !== first.length || table.some((r, i) => r.name !== first[i]!.name || r.nodeType !== first[i]!.nodeType)) {
      throw new Error(`The profiled interpreters listed different ${section} (the same model should run the same operators)`);
    }
  }
  const rows = first.map((row, i) => ({
    ...row,
    avgMs: median(tables.map((t) => t[i]!.avgMs)),
    timesCalled: tables.reduce((sum, t) => sum + t[i]!.timesCalled, 0),
  }));
  const total = rows.reduce((sum, r) => sum + r.avgMs, 0);
  return rows.map((r) => ({ ...r, percent: total > 0 ? (100 * r.avgMs) / total : 0 }));
}

/**
 * The steady per-op profile from the summaries of fresh interpreters that each ran `calls` times (see HostProfilePlan).
 * A summary whose ops were not called `calls` times (a full profiling buffer drops events) is refused.
 */
export function steadyProfile(summaries: readonly string[], calls: number): ProfileSections<OpProfileRow> {
  if (summaries.length === 0 || calls < 2) throw new Error('steadyProfile needs at least one summary of at least 2 calls');
  const parsed = summaries.map((text) => parseProfileSummary(text));
  for (const sections of parsed) {
    const wrong = [...sections.nodes, ...sections.delegateOps].find((r) => r.timesCalled !== calls);
    if (wrong) {
      throw new Error(
        `The TFLite profile lists '${wrong.name}' called ${wrong.timesCalled} times, expected ${calls} (profiling buffer too small?)`,
      );
    }
  }
  return {
    nodes: combine(
      parsed.map((p) => p.nodes.map((r) => afterFirstCall(r, calls))),
      'nodes',
    ),
    delegateOps: combine(
      parsed.map((p) => p.delegateOps.map((r) => afterFirstCall(r, calls))),
      'delegate operators',
    ),
  };
}
