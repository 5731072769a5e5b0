#!/usr/bin/env node
// Runs every test/**/*.test.ts file with node:test through the tsx loader.
// Node 20's --test cannot glob TypeScript files itself, so the list is built here.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function collect(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...collect(path));
    else if (entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) found.push(path);
  }
  return found;
}

const files = collect(join(root, 'test'))
  .map((file) => relative(root, file))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();

const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    // Counts and lists the suites skipped for a missing tool (node's summary counts only tests).
    `--test-reporter=${join(root, 'scripts', 'skip-summary-reporter.mjs')}`,
    '--test-reporter-destination=stdout',
    ...files,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, SPARSE_STUDIO_TEST: '1' } },
);
process.exit(result.status ?? 1);
