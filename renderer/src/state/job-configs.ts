// Each screen's job config is built here, one small function per job, typed by the contract's job schemas
// (shared/contract.ts). All steps of one wizard run work in the same run folder.
import type { z } from 'zod';
import type {
  backendChoice,
  benchmarkJobConfig,
  convertJobConfig,
  modelName,
  pruneJobConfig,
  trainJobConfig,
  trainThreads,
} from '../../../shared/contract';
import type { ScheduleForm } from './schedule-points';

export type BackendChoice = z.infer<typeof backendChoice>;
/** Training threads of the fast CPU engine: 'auto' (one per core) or a count (the contract's trainThreads). */
export type TrainThreadsChoice = NonNullable<z.infer<typeof trainThreads>>;
export type ModelName = z.infer<typeof modelName>;

/** Joins a folder and a name with the folder's own separator (Windows workspaces use backslashes). */
export function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? `${folder}${name}` : `${folder}${sep}${name}`;
}

/** run-20261127-221530: sortable, no characters that need quoting. */
export function newRunName(now: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `run-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

export interface TrainForm {
  epochs: number;
  batchSize: number;
  limit: number | undefined;
  seed: number;
  backend: BackendChoice;
  trainThreads: TrainThreadsChoice;
}

export function buildTrainConfig(
  form: TrainForm,
  data: string,
  model: ModelName,
  runDir: string,
): z.infer<typeof trainJobConfig> {
  return {
    data,
    model,
    epochs: form.epochs,
    batchSize: form.batchSize,
    ...(form.limit !== undefined ? { limit: form.limit } : {}),
    seed: form.seed,
    backend: form.backend,
    trainThreads: form.trainThreads,
    out: runDir,
  };
}

export function buildPruneConfig(
  schedule: ScheduleForm,
  options: {
    runDir: string;
    data: string;
    fix: boolean;
    limit: number | undefined;
    seed: number;
    backend: BackendChoice;
    trainThreads: TrainThreadsChoice;
  },
): z.infer<typeof pruneJobConfig> {
  return {
    from: options.runDir,
    out: options.runDir,
    data: options.data,
    fix: options.fix,
    epochs: schedule.epochs,
    initialSparsity: schedule.initialSparsity,
    finalSparsity: schedule.finalSparsity,
    endEpoch: schedule.endEpoch,
    frequency: schedule.frequency,
    batchSize: schedule.batchSize,
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    seed: options.seed,
    backend: options.backend,
    trainThreads: options.trainThreads,
  };
}

export function buildConvertConfig(options: {
  runDir: string;
  data: string;
  limit: number | undefined;
  backend: BackendChoice;
}): z.infer<typeof convertJobConfig> {
  return {
    runDir: options.runDir,
    data: options.data,
    backend: options.backend,
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
  };
}

export interface BenchmarkForm {
  runs: number;
  warmup: number;
  repeat: number;
  threads: number;
  xnnpack: 'true' | 'false' | 'default';
  opProfiling: boolean;
  bigCores: boolean;
  cooldownSeconds: number;
  timeoutSeconds: number;
  /** A benchmark_model file for the phones; empty: the cached or downloaded official build. */
  binary: string;
}

export const DEFAULT_BENCHMARK_FORM: BenchmarkForm = {
  runs: 100,
  warmup: 1,
  repeat: 5,
  threads: 1,
  xnnpack: 'true',
  opProfiling: false,
  bigCores: true,
  cooldownSeconds: 0,
  timeoutSeconds: 600,
  binary: '',
};

/** The benchmark job reads the run's converted files itself (tflite/conversion.json). */
export function buildBenchmarkConfig(
  form: BenchmarkForm,
  options: { runDir: string; devices: string[]; adbServer?: string | undefined },
): z.infer<typeof benchmarkJobConfig> {
  const { binary, ...settings } = form;
  return {
    runDir: options.runDir,
    devices: options.devices,
    ...settings,
    ...(binary.trim() ? { binary: binary.trim() } : {}),
    ...(options.adbServer ? { adbServer: options.adbServer } : {}),
  };
}
