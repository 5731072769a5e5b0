import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';

const ROOT = new URL('../..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((p) => /\.(ts|tsx)$/.test(p) && !p.includes('node_modules'))
    .map((p) => join(dir, p));
}

test('channel names, the WebSocket path and the envelope type are written once, in shared/transport.ts', () => {
  const files = [...sources('electron'), ...sources('renderer/src'), ...sources('shared')];
  const defining = (pattern: RegExp) => files.filter((f) => pattern.test(readFileSync(join(ROOT, f), 'utf8')));
  assert.deepEqual(defining(/'sparse-studio:(invoke|event)'/), ['shared/transport.ts']);
  assert.deepEqual(defining(/type Envelope\s*=/), ['shared/transport.ts']);
  assert.deepEqual(defining(/['`]\/ws['?`]/), ['shared/transport.ts']);
});

test('the preload bundle with the shared transport module loads nothing but electron (it runs sandboxed)', async () => {
  const out = await build({
    entryPoints: [join(ROOT, 'electron/preload.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  const required = [...new Set([...out.outputFiles[0]!.text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))];
  assert.deepEqual(required, ['electron']);
  assert.match(out.outputFiles[0]!.text, /sparse-studio:invoke/);
});
