// esbuild settings of the app's Node-side bundles (scripts/build.mjs), shared with the test that runs them bundled.
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  external: ['electron'],
};

/** Entry points bundled side by side into dist/electron: the code that starts a worker finds its script there. */
export const NODE_ENTRIES = {
  main: 'electron/main.ts',
  'worker-entry': 'electron/core/jobs/worker-entry.ts',
  // The TFLite runtime's watchdog-guarded worker (validate, host benchmarks).
  'runtime-worker-entry': 'electron/core/host/runtime-worker-entry.ts',
  // The fast engine's data-parallel training threads.
  'train-thread': 'electron/core/train/fast/parallel/thread-entry.ts',
};
