import type { OpProfileRow, SparseInferenceVerdict } from '../../../shared/benchmark-result';
import type { SparseVerdict } from '../tflite/xnnpack-verdict';
import { parseProfileSummary, sparseOperatorNames, type ProfileSections } from './profile-summary';

export interface SparseInferenceObservation {
  engaged: SparseInferenceVerdict;
  reason: string;
  /** XNNPACK operator names seen in the profile (e.g. "Convolution (NCHW, F32) SPMM"). */
  xnnpackOperators: string[];
  opProfile: OpProfileRow[];
}

/**
 * Decides from a TFLite profile (summary text or its parsed tables) whether XNNPACK ran the sparse (NCHW) path, and
 * explains a "no" with the static verdict's failing rule.
 */
export function observeSparseInference(
  profile: string | ProfileSections<OpProfileRow>,
  verdict: SparseVerdict | undefined,
): SparseInferenceObservation {
  const { nodes, delegateOps } = typeof profile === 'string' ? parseProfileSummary(profile) : profile;
  const names = delegateOps.map((r) => r.name.replace(/^Delegate\//, ''));
  const opProfile = [...nodes, ...delegateOps];
  if (names.length === 0) {
    return {
      engaged: 'unknown',
      reason: 'the profile lists no XNNPACK operators (was the model delegated to XNNPACK?)',
      xnnpackOperators: names,
      opProfile,
    };
  }
  const sparse = sparseOperatorNames(names);
  const spmm = names.filter((n) => n.includes('SPMM')).length;
  if (sparse.length > 0 && spmm === 0) {
    // Seen when an op after the stem (e.g. a constant MUL on a feature map) ends the NCHW part right away.
    const verdictWhy = verdict && !verdict.eligible ? `: ${verdict.summary}` : '';
    return {
      engaged: 'no',
      reason: `XNNPACK ran ${sparse.length} operators in NCHW layout but no 1x1 convolution sparse (no SPMM)${verdictWhy}`,
      xnnpackOperators: names,
      opProfile,
    };
  }
  if (sparse.length > 0) {
    return {
      engaged: 'yes',
      reason: `XNNPACK ran ${sparse.length} operators in NCHW layout, ${spmm} of them sparse 1x1 convolutions (SPMM)`,
      xnnpackOperators: names,
      opProfile,
    };
  }
  const why =
    verdict && !verdict.eligible
      ? verdict.summary
      : 'XNNPACK kept every operator in NHWC although the static rules pass (x86 with AVX, or an older XNNPACK)';
  return { engaged: 'no', reason: why, xnnpackOperators: names, opProfile };
}
