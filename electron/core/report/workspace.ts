import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const WORKSPACE_ENV = 'SPARSE_STUDIO_WORKSPACE';

/** How the default workspace is described to users (help texts, empty-list messages, README). */
export const DEFAULT_WORKSPACE_TEXT = `$${WORKSPACE_ENV}, else ~/SparseStudio/runs`;

/**
 * Where run folders live by default, for the CLI and the app alike: $SPARSE_STUDIO_WORKSPACE, else ~/SparseStudio/runs.
 * (The app's settings can point it elsewhere; the CLI's `--out` and `--workspace` take any folder.)
 */
export function defaultWorkspace(): string {
  const fromEnv = process.env[WORKSPACE_ENV];
  return fromEnv ? resolve(fromEnv) : join(homedir(), 'SparseStudio', 'runs');
}

/** A new run folder in the default workspace: `<kind>-YYYYMMDD-HHMMSS` (local time). */
export function defaultRunDir(kind: string, now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  return join(defaultWorkspace(), `${kind}-${stamp}`);
}
