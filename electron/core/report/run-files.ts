// The files of a run folder the report reads, relative to the folder. No imports: the renderer bundles this too.
export const RUN_FILES = {
  trainMetrics: 'train-metrics.json',
  pruneMetrics: 'pruning-metrics.json',
  denseModel: 'dense',
  prunedModel: 'pruned',
  tfliteDir: 'tflite',
  conversion: 'tflite/conversion.json',
  benchmarksDir: 'benchmarks',
  devices: 'benchmarks/devices.json',
} as const;
