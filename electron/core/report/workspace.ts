import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const WORKSPACE_ENV = 'SPARSE_STUDIO_WORKSPACE';

/** Where run folders live: $SPARSE_STUDIO_WORKSPACE, else ~/SparseStudio/runs. */
export function defaultWorkspace(): string {
  const fromEnv = process.env[WORKSPACE_ENV];
  return fromEnv ? resolve(fromEnv) : join(homedir(), 'SparseStudio', 'runs');
}
