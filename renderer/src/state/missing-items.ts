// The report's "missing" entries name files relative to the run folder; a person needs to know which step is missing.
import { RUN_FILES } from '../../../electron/core/report/run-files';

/** What a missing report input means, as a sentence naming the step that makes it. */
export function describeMissing(item: string): string {
  if (item === RUN_FILES.trainMetrics) return 'Training curves: the run has no training record (step 3 Train).';
  if (item === RUN_FILES.pruneMetrics) return 'Pruning schedule and sparsity: the run was not pruned (step 4 Prune).';
  if (item === `${RUN_FILES.denseModel}/model.json`) return 'The trained dense model (step 3 Train).';
  if (item === `${RUN_FILES.prunedModel}/model.json`) return 'The pruned model (step 4 Prune).';
  if (item === RUN_FILES.conversion)
    return 'Sizes and validation of the .tflite files: the run was not converted (step 5 Convert).';
  if (item.startsWith(`${RUN_FILES.tfliteDir}/`)) return 'A converted .tflite file (step 5 Convert).';
  if (item === `${RUN_FILES.benchmarksDir}/` || item === `${RUN_FILES.benchmarksDir}/*.json`)
    return 'Latency measurements: no benchmark was run (step 6 Benchmark).';
  if (item === RUN_FILES.devices) return 'The facts about the benchmarked devices (step 6 Benchmark).';
  if (item.startsWith(`${RUN_FILES.benchmarksDir}/`)) return 'One benchmark result (step 6 Benchmark).';
  if (item === 'run.json') return 'The run record itself (run.json).';
  return 'Another input of the report.';
}
