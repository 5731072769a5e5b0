import { inspectTfliteBytes } from '../tflite/inspect';
import { runRuntimeRequest, type RuntimeCallOptions } from './runtime-worker';
import { observeSparseInference, type SparseInferenceObservation } from './sparse-inference-check';

/**
 * Runs a model a few times with the TFLite profiler on (in a watchdog-guarded runtime worker) and reports whether
 * XNNPACK's sparse path ran, with the inspector's verdict as the explanation of a "no". The file is inspected (and
 * refused when damaged) before the runtime sees it.
 */
export async function profileOnHost(
  bytes: Uint8Array,
  file: string,
  threads = 1,
  runs = 3,
  options: RuntimeCallOptions = {},
): Promise<SparseInferenceObservation> {
  const verdict = inspectTfliteBytes(bytes, file).sparseInference;
  const summary = await runRuntimeRequest('profile', { bytes, file, threads, runs }, options);
  return observeSparseInference(summary, verdict);
}
