import { RUN_FILES } from '../../electron/core/report/run-files';

// The report's "missing" entries name files relative to the run folder; a person needs to know which step is missing.

export type MissingKind =
  | 'trainMetrics'
  | 'pruneMetrics'
  | 'denseModel'
  | 'prunedModel'
  | 'conversion'
  | 'tflite'
  | 'benchmarks'
  | 'devices'
  | 'benchmark'
  | 'manifest'
  | 'other';

/** Which input a missing item is: its sentence is `report.missing.kind.<kind>` (naming the step that makes it). */
export function missingKind(item: string): MissingKind {
  if (item === RUN_FILES.trainMetrics) return 'trainMetrics';
  if (item === RUN_FILES.pruneMetrics) return 'pruneMetrics';
  if (item === `${RUN_FILES.denseModel}/model.json`) return 'denseModel';
  if (item === `${RUN_FILES.prunedModel}/model.json`) return 'prunedModel';
  if (item === RUN_FILES.conversion) return 'conversion';
  if (item.startsWith(`${RUN_FILES.tfliteDir}/`)) return 'tflite';
  if (item === `${RUN_FILES.benchmarksDir}/` || item === `${RUN_FILES.benchmarksDir}/*.json`) return 'benchmarks';
  if (item === RUN_FILES.devices) return 'devices';
  if (item.startsWith(`${RUN_FILES.benchmarksDir}/`)) return 'benchmark';
  if (item === 'run.json') return 'manifest';
  return 'other';
}
