import type { OpProfileRow } from '../../../shared/benchmark-result';
import { opCategory } from './op-category';
import type { OpComparison, OpRow } from './types';

// XNNPACK names its operators in profiles: a 1x1 convolution runs as `Convolution (NHWC, F32) GEMM` when dense
// (3x3 ones are IGEMM) and as `... SPMM` once sparse inference engages. Without the delegate the node type is
// plain CONV_2D, and only the op name (its output tensor, e.g. `model/conv2d_1/Conv2D`) says which layer it is.
const XNNPACK_POINTWISE = /^convolution \((nhwc|nchw), f(16|32)\).*\b(gemm|spmm)\b/i;

const DELEGATE_PREFIX = 'Delegate/';

/**
 * The operator a profile row stands for. Rows of the "Delegate internal:" table have node type `DelegateOpInvoke`
 * and the XNNPACK operator as their name (`Delegate/Convolution (NCHW, F32) SPMM`); others are TFLite node types.
 */
export function opType(row: Pick<OpProfileRow, 'nodeType' | 'name'>): string {
  return row.name.startsWith(DELEGATE_PREFIX) ? row.name.slice(DELEGATE_PREFIX.length).replace(/:\d+$/, '') : row.nodeType;
}

/** True when a profiled op is a 1x1 convolution. `pointwiseLayers`: names of the model's 1x1 Conv2D layers. */
export function isPointwiseOp(row: Pick<OpProfileRow, 'nodeType' | 'name'>, pointwiseLayers: readonly string[]): boolean {
  const type = opType(row);
  if (XNNPACK_POINTWISE.test(type) && !/igemm/i.test(type)) return true;
  if (row.nodeType !== 'CONV_2D') return false;
  return pointwiseLayers.some((layer) => new RegExp(`(^|[/\\[])${escapeRegExp(layer)}([/:\\]]|$)`).test(row.name));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Mean per-run time by operator type (XNNPACK operator, else TFLite node type) over the profiled repetitions. A node type that mixes 1x1 and other ops
 * (plain CONV_2D) is split into `CONV_2D (1x1)` and `CONV_2D`, so the 1x1 share is visible per row.
 */
export function summariseOpProfiles(profiles: readonly OpProfileRow[][], pointwiseLayers: readonly string[]): OpRow[] {
  const present = profiles.filter((p) => p.length > 0);
  if (present.length === 0) return [];
  const totals = new Map<string, { ms: number; pointwise: boolean }>();
  for (const profile of present) {
    // A delegate node (TfLiteXNNPackDelegate) holds the time of the operators listed under "Delegate internal:";
    // when those are present, count them and not the delegate node, or the time would be counted twice.
    const hasInternal = profile.some((r) => r.name.startsWith(DELEGATE_PREFIX));
    for (const row of profile) {
      if (hasInternal && /delegate$/i.test(row.nodeType) && !row.name.startsWith(DELEGATE_PREFIX)) continue;
      const pointwise = isPointwiseOp(row, pointwiseLayers);
      const type = opType(row);
      const group = pointwise && type === 'CONV_2D' ? 'CONV_2D (1x1)' : type;
      const entry = totals.get(group) ?? { ms: 0, pointwise };
      entry.ms += row.avgMs;
      totals.set(group, entry);
    }
  }
  const all = [...totals.values()].reduce((sum, e) => sum + e.ms, 0) / present.length;
  return [...totals.entries()]
    .map(([nodeType, e]) => {
      const avgMs = e.ms / present.length;
      return { nodeType, avgMs, share: all > 0 ? avgMs / all : 0, pointwise: e.pointwise };
    })
    .sort((a, b) => b.avgMs - a.avgMs);
}

export function pointwiseShare(rows: readonly OpRow[]): number | null {
  if (rows.length === 0) return null;
  return rows.filter((r) => r.pointwise).reduce((sum, r) => sum + r.share, 0);
}

/**
 * Dense and pruned profiles side by side, one row per kind of operation (1x1 convolution, depthwise, ...), since
 * the two models run the same layer through different operators (GEMM when dense, SPMM when sparse).
 */
export function compareOpProfiles(dense: readonly OpRow[], pruned: readonly OpRow[]): OpComparison['rows'] {
  const categories = new Map<string, boolean>();
  for (const r of [...dense, ...pruned]) categories.set(opCategory(r.nodeType, r.pointwise), r.pointwise);
  const ms = (rows: readonly OpRow[], category: string): number | null => {
    const matching = rows.filter((r) => opCategory(r.nodeType, r.pointwise) === category);
    return matching.length ? matching.reduce((sum, r) => sum + r.avgMs, 0) : null;
  };
  return [...categories.entries()]
    .map(([nodeType, pointwise]) => ({ nodeType, pointwise, denseMs: ms(dense, nodeType), prunedMs: ms(pruned, nodeType) }))
    .sort((a, b) => Math.max(b.denseMs ?? 0, b.prunedMs ?? 0) - Math.max(a.denseMs ?? 0, a.prunedMs ?? 0));
}
