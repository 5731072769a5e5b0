#!/usr/bin/env node
// Bundles the Electron main process, preload, job worker and training threads with esbuild, and the renderer with Vite.
// Dependencies stay external: electron-builder packages node_modules as they are.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { NODE_BUNDLE, NODE_ENTRIES } from './node-bundles.mjs';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, packages: 'external', logLevel: 'warning' };

await build({ ...NODE_BUNDLE, entryPoints: NODE_ENTRIES, outdir: 'dist/electron' });
await build({
  ...common,
  format: 'cjs',
  entryPoints: { preload: 'electron/preload.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  external: ['electron'],
});

const vite = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (vite.status !== 0) process.exit(vite.status ?? 1);
console.log('Built dist/electron (main.mjs, preload.cjs, worker-entry.mjs, runtime-worker-entry.mjs, train-thread.mjs) and dist/renderer.');
