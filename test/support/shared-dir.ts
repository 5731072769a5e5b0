import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * The team's reference material beside the repository (`../shared`), or SPARSE_STUDIO_SHARED. Tests that read it
 * skip when it is absent (a user's fresh clone).
 */
export const SHARED_DIR = process.env.SPARSE_STUDIO_SHARED ?? fileURLToPath(new URL('../../../shared', import.meta.url));

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}
