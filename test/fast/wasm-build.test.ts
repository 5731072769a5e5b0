import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
// @ts-expect-error -- a plain ESM build script without type declarations
import { buildKernels, generatedModule, GENERATED } from '../../scripts/build-wasm.mjs';

test('the committed WebAssembly kernels are exactly a fresh AssemblyScript build of their source', async () => {
  const fresh = generatedModule(await buildKernels()) as string;
  const committed = readFileSync(new URL(`../../${GENERATED as string}`, import.meta.url), 'utf8');
  assert.ok(committed === fresh, `${GENERATED as string} is stale: run 'node scripts/build-wasm.mjs' and commit the result`);
});
