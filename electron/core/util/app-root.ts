import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const APP_NAME = 'sparse-studio';
let cached: { root: string; version: string } | undefined;

/**
 * The folder holding Sparse Studio's package.json (and resources/), found by walking up from this module, so it works
 * from the TypeScript sources, from the bundled dist/electron/*.mjs and from inside the packaged app.asar.
 */
function locate(): { root: string; version: string } {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === APP_NAME) return (cached = { root: dir, version: pkg.version ?? '0.0.0' });
    } catch {
      // not here: keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find ${APP_NAME}'s package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export function appRoot(): string {
  return locate().root;
}

export function appVersion(): string {
  return locate().version;
}

/** A file shipped in resources/. */
export function resourcePath(...parts: string[]): string {
  return join(appRoot(), 'resources', ...parts);
}
