import type { IrOp } from './graph-ir';

// FindMinimumRuntimeVersionForOp (TFC/tools/versioning/runtime_version.cc) for the ops and versions we emit.
const MIN_RUNTIME: Record<string, Record<number, string>> = {
  CONV_2D: { 1: '1.5.0' },
  DEPTHWISE_CONV_2D: { 1: '1.5.0', 2: '1.12.0' },
  FULLY_CONNECTED: { 1: '1.5.0' },
  PAD: { 1: '1.5.0' },
  RESHAPE: { 1: '1.5.0' },
  RELU: { 1: '1.5.0' },
  RELU6: { 1: '1.5.0' },
  MEAN: { 1: '1.6.0' },
  ADD: { 1: '1.5.0' },
  MUL: { 1: '1.5.0' },
  LOGISTIC: { 1: '1.5.0' },
  HARD_SWISH: { 1: '1.15.0' },
  DENSIFY: { 1: '2.2.0' },
};

/** Operator version as the exporter's UpdateOpVersion sets it for float32 models. */
export function opVersion(op: IrOp): number {
  if (op.options.kind === 'depthwise' && (op.options.dilationW !== 1 || op.options.dilationH !== 1)) return 2;
  return 1;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

export function minRuntimeVersion(ops: IrOp[]): string {
  let best = '1.5.0';
  for (const op of ops) {
    const version = MIN_RUNTIME[op.op]?.[opVersion(op)];
    if (version && compareVersions(version, best) > 0) best = version;
  }
  return best;
}
