import type { OpProfileRow, SparseInferenceVerdict } from '../../../../shared/benchmark-result';

// XNNPACK operator names carry a layout and datatype, e.g. `Convolution (NHWC, F32) IGEMM`, `Global Average Pooling
// (NCW, F32)`, `Fully Connected (NC, F32) GEMM`. The sparse path shows NCHW / NCW layouts and SPMM micro-kernels.
const XNNPACK_OPERATOR = /\((?:NCHW|NHWC|NCW|NWC|NC|ND|CHW|HWC)(?:, ?[A-Z0-9]+)*\)/;
const SPARSE_PATH = /\((?:NCHW|NCW)\b|\bSPMM\b|\bHWC2CHW\b/i;

export interface SparseInferenceReading {
  engaged: SparseInferenceVerdict;
  reason: string;
}

/** Reads XNNPACK's operator names from an op profile (node type or name) to tell whether sparse inference ran. */
export function sparseInferenceFromOpProfile(rows: readonly Pick<OpProfileRow, 'nodeType' | 'name'>[]): SparseInferenceReading {
  const labels = rows.map((r) => `${r.nodeType} ${r.name}`);
  const sparse = labels.filter((l) => SPARSE_PATH.test(l));
  if (sparse.length > 0) {
    const spmm = labels.filter((l) => /\bSPMM\b/i.test(l)).length;
    return {
      engaged: 'yes',
      reason: `XNNPACK ran ${sparse.length} operator(s) on its sparse NCHW path (${spmm} SPMM), e.g. "${firstName(rows, SPARSE_PATH)}".`,
    };
  }
  const xnnpack = labels.filter((l) => XNNPACK_OPERATOR.test(l));
  if (xnnpack.length > 0) {
    return {
      engaged: 'no',
      reason: `XNNPACK ran ${xnnpack.length} operator(s), all on the dense NHWC path (no NCHW or SPMM operator), e.g. "${firstName(rows, XNNPACK_OPERATOR)}".`,
    };
  }
  if (rows.length === 0)
    return { engaged: 'unknown', reason: 'No op profile: run with op profiling on to see which path XNNPACK took.' };
  return {
    engaged: 'unknown',
    reason:
      'The op profile names no XNNPACK operators (XNNPACK off, or a build before TF 2.10 that does not profile inside the delegate).',
  };
}

function firstName(rows: readonly Pick<OpProfileRow, 'nodeType' | 'name'>[], pattern: RegExp): string {
  const row = rows.find((r) => pattern.test(`${r.nodeType} ${r.name}`));
  return row ? row.nodeType : '';
}
