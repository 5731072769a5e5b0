import { inspectTfliteBytes } from '../tflite/inspect';
import { runRuntimeRequest, type RuntimeCallOptions } from './runtime-worker';
import { observeSparseInference, type SparseInferenceObservation } from './sparse-inference-check';
import { HOST_PROFILE_PLAN, profiledCalls, steadyProfile, type HostProfilePlan } from './steady-profile';

export interface HostProfileObservation extends SparseInferenceObservation {
  /** Inferences the per-op profile averages (warm-up and each interpreter's first call not among them). */
  profileCalls: number;
  /** Calls run before the profiled ones and left out of the profile: the warm-up and each interpreter's first call. */
  warmupCallsExcluded: number;
}

/**
 * Profiles a model after warm-up with the TFLite profiler (in a watchdog-guarded runtime worker; see HostProfilePlan)
 * and reports whether XNNPACK's sparse path ran, with the inspector's verdict as the explanation of a "no". The file
 * is inspected (and refused when damaged) before the runtime sees it.
 */
export async function profileOnHost(
  bytes: Uint8Array,
  file: string,
  threads = 1,
  options: RuntimeCallOptions = {},
  plan: HostProfilePlan = HOST_PROFILE_PLAN,
): Promise<HostProfileObservation> {
  const verdict = inspectTfliteBytes(bytes, file).sparseInference;
  const { summaries, warmupCalls } = await runRuntimeRequest('profile', { bytes, file, threads, ...plan }, options);
  return {
    ...observeSparseInference(steadyProfile(summaries, plan.runs + 1), verdict),
    profileCalls: profiledCalls(plan),
    warmupCallsExcluded: warmupCalls + plan.interpreters,
  };
}
