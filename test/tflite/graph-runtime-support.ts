// Runs a converted graph model in the real TFLite runtime: logits against the TF.js build of the same spec, and
// which interpreter nodes ran outside the XNNPACK delegate.
import assert from 'node:assert/strict';
import { profileOnHost } from '../../electron/core/host/profile-run';
import type { SparseInferenceObservation } from '../../electron/core/host/sparse-inference-check';
import { validateTflite } from '../../electron/core/host/validate';
import type { ModelWeights } from '../../electron/core/model/weights';
import { createRng } from '../../electron/core/util/rng';
import type { ModelSpec } from '../../shared/model-spec';

export function randomInputs(spec: ModelSpec, count: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const size = spec.inputShape.reduce((a, b) => a * b, 1);
  return Float32Array.from({ length: count * size }, () => rng.next());
}

/** Interpreter nodes in run order (a model XNNPACK takes whole has exactly one: TfLiteXNNPackDelegate). */
export function interpreterNodes(observation: SparseInferenceObservation): string[] {
  return observation.opProfile.filter((r) => r.nodeType !== 'DelegateOpInvoke').map((r) => r.nodeType);
}

/**
 * Asserts the file gives the TF.js model's logits within 1e-4 with the same classes and that XNNPACK takes the whole
 * graph; returns the profile observation (sparse inference engaged or not, XNNPACK operators).
 */
export async function assertRunsLikeTfjs(
  bytes: Uint8Array,
  file: string,
  source: { spec: ModelSpec; weights: ModelWeights },
  images: Float32Array,
  count: number,
): Promise<SparseInferenceObservation> {
  const result = await validateTflite(bytes, file, source, images, count, 'tfjs-cpu');
  assert.ok(result.maxAbsDiff < 1e-4, `${file}: max |Δ logit| ${result.maxAbsDiff}`);
  assert.equal(result.classAgreement, 1, `${file}: classes differ on images ${result.disagreements}`);
  const observed = await profileOnHost(bytes, file);
  assert.deepEqual(interpreterNodes(observed), ['TfLiteXNNPackDelegate'], `${file}: XNNPACK takes the whole graph`);
  return observed;
}

export function spmmCount(observation: SparseInferenceObservation): number {
  return observation.xnnpackOperators.filter((n) => n.includes('SPMM')).length;
}
