import { resolve } from 'node:path';
import { GUIDE_BATCH_SIZE, type BatchSizeChoice } from '../core/train/batch-size';
import { parseBackendChoice } from '../core/train/backend';
import { MAX_TRAIN_THREADS, type BackendChoice, type TrainThreadsChoice } from '../core/train/types';
import { UserError } from '../core/util/errors';
import type { ParsedValues } from './command';
import { intOption, stringOption } from './options';
import { defaultRunDir } from '../core/report/workspace';

/** The options every training command (train, prune, pipeline) takes, declared once. */
export const TRAINING_OPTIONS = {
  data: { type: 'string' },
  limit: { type: 'string' },
  epochs: { type: 'string' },
  'batch-size': { type: 'string' },
  seed: { type: 'string' },
  backend: { type: 'string' },
  'cache-dir': { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export interface TrainingOptions {
  data: string | undefined;
  limit?: number;
  batchSize: BatchSizeChoice;
  seed: number;
  backend: BackendChoice;
  out: string;
  cacheDir?: string;
}

/** `--out`, else a new folder in the default workspace (so `runs list` and the app find the run). */
export function runFolderOption(values: ParsedValues, kind: string): string {
  const out = stringOption(values, 'out');
  return out === undefined ? defaultRunDir(kind) : resolve(out);
}

/** `--batch-size N|auto` (default auto, see resolveBatchSize). */
export function batchSizeOption(values: ParsedValues): BatchSizeChoice {
  const raw = stringOption(values, 'batch-size');
  return raw === undefined || raw === 'auto' ? 'auto' : intOption(values, 'batch-size', GUIDE_BATCH_SIZE, 1);
}

/** `--threads N|auto` (`--train-threads` on pipeline, whose `--threads` is benchmark_model's); absent = auto. */
export function trainThreadsOption(values: ParsedValues, name: string): TrainThreadsChoice {
  const raw = stringOption(values, name);
  if (raw === undefined || raw === 'auto') return 'auto';
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > MAX_TRAIN_THREADS) {
    throw new UserError('BAD_OPTION', `--${name} must be auto or a whole number from 1 to ${MAX_TRAIN_THREADS}, got '${raw}'`);
  }
  return value;
}

/** Help text of the training threads option. */
export const TRAIN_THREADS_HELP = `fast-cpu: threads each batch is split over (default auto = one per core);
                               a given count gives the same weights run after run`;

/** What `--batch-size auto` does, for the help texts. */
export const BATCH_SIZE_HELP = `auto (the default) = the guide's ${GUIDE_BATCH_SIZE}, or 64/32/16 when the data set is
                               too small for batch norm to settle at ${GUIDE_BATCH_SIZE} (the bundled sample: 32)`;

export function trainingOptions(values: ParsedValues, kind: string): TrainingOptions {
  const limit = stringOption(values, 'limit');
  const cacheDir = stringOption(values, 'cache-dir');
  return {
    data: stringOption(values, 'data'),
    ...(limit !== undefined ? { limit: intOption(values, 'limit', 0, 1) } : {}),
    batchSize: batchSizeOption(values),
    seed: intOption(values, 'seed', 42),
    backend: parseBackendChoice(stringOption(values, 'backend')),
    out: runFolderOption(values, kind),
    ...(cacheDir !== undefined ? { cacheDir: resolve(cacheDir) } : {}),
  };
}
