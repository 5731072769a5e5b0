import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const CACHE_DIR_ENV = 'SPARSE_STUDIO_CACHE';

/** Where downloads and decoded data sets are kept: the option, else $SPARSE_STUDIO_CACHE, else ~/.cache/sparse-studio. */
export function resolveCacheDir(option?: string): string {
  const chosen = option ?? process.env[CACHE_DIR_ENV];
  return chosen ? resolve(chosen) : join(homedir(), '.cache', 'sparse-studio');
}
