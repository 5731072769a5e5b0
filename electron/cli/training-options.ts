import { resolve } from 'node:path';
import { DEFAULT_BATCH_SIZE } from '../core/data/batches';
import { parseBackendChoice } from '../core/train/backend';
import type { BackendChoice } from '../core/train/types';
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
  batchSize: number;
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

export function trainingOptions(values: ParsedValues, kind: string): TrainingOptions {
  const limit = stringOption(values, 'limit');
  const cacheDir = stringOption(values, 'cache-dir');
  return {
    data: stringOption(values, 'data'),
    ...(limit !== undefined ? { limit: intOption(values, 'limit', 0, 1) } : {}),
    batchSize: intOption(values, 'batch-size', DEFAULT_BATCH_SIZE, 1),
    seed: intOption(values, 'seed', 42),
    backend: parseBackendChoice(stringOption(values, 'backend')),
    out: runFolderOption(values, kind),
    ...(cacheDir !== undefined ? { cacheDir: resolve(cacheDir) } : {}),
  };
}
