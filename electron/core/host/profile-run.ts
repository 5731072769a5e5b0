import { inspectTfliteBytes } from '../tflite/inspect';
import { HostRuntime } from './runtime';
import { observeSparseInference, type SparseInferenceObservation } from './sparse-inference-check';

/**
 * Runs a model a few times with the TFLite profiler on (in its own runtime instance) and reports whether XNNPACK's
 * sparse path ran, with the inspector's verdict as the explanation of a "no".
 */
export async function profileOnHost(bytes: Uint8Array, file: string, threads = 1, runs = 3): Promise<SparseInferenceObservation> {
  const verdict = inspectTfliteBytes(bytes, file).sparseInference;
  const runtime = await HostRuntime.forThreads(threads);
  const model = runtime.loadModel(bytes, file, { threads, profiling: true });
  try {
    model.fillInputs();
    for (let i = 0; i < runs; i++) model.infer();
    return observeSparseInference(model.profilingSummary(), verdict);
  } finally {
    model.dispose();
  }
}
