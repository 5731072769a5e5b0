import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// electron-builder's own loader and schema validator: what `electron-builder --dir` runs before it packages anything.
test('electron-builder configuration loads and validates against its schema', async () => {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    getConfig(dir: string, path: string | null, extra: unknown): Promise<Record<string, unknown>>;
    validateConfiguration(config: unknown, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(process.cwd(), null, null);
  await validateConfiguration(config, new DebugLogger(false));
  const linux = config.linux as { target: string[] };
  assert.deepEqual(linux.target, ['AppImage', 'deb']);
  assert.deepEqual((config.mac as { target: string[] }).target, ['dmg']);
  assert.deepEqual((config.win as { target: string[] }).target, ['nsis']);
  const fuses = config.electronFuses as Record<string, boolean>;
  assert.equal(fuses.runAsNode, false);
  assert.equal(fuses.onlyLoadAppFromAsar, true);
  assert.equal(fuses.enableEmbeddedAsarIntegrityValidation, true);
});

test('a broken electron-builder configuration is rejected by the same validator', async () => {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    validateConfiguration(config: unknown, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  await assert.rejects(validateConfiguration({ linux: { target: 42 }, notAnOption: true }, new DebugLogger(false)));
});
