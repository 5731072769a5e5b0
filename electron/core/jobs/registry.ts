import { pipelineRun } from '../pipeline/pipeline-run';
import { benchmarkJob, convertJob } from '../pipeline/step-jobs';
import { pruneRun } from '../prune/prune-run';
import { trainRun } from '../train/train-run';
import { whatifRun } from '../whatif/whatif-run';

/** Long-running jobs that run off the main thread. Each takes a config, reports events and honours an AbortSignal. */
export const JOBS = {
  train: trainRun,
  prune: pruneRun,
  pipeline: pipelineRun,
  convert: convertJob,
  benchmark: benchmarkJob,
  whatif: whatifRun,
} as const;

export type JobName = keyof typeof JOBS;
export type JobConfig<N extends JobName> = Parameters<(typeof JOBS)[N]>[0];
export type JobEvent<N extends JobName> = Parameters<Parameters<(typeof JOBS)[N]>[1]>[0];
export type JobResult<N extends JobName> = Awaited<ReturnType<(typeof JOBS)[N]>>;
