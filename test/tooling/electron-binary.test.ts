// When `npm run test:electron` can start the desktop app, and the reason it gives when it cannot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from '../../test-electron/electron-binary';

test('the Electron test skips with the reason and the fix when the binary is missing or cannot run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'electron-binary-'));
  try {
    const notInstalled = electronBinary(() => {
      throw new Error('Electron failed to install correctly');
    });
    assert.ok('skip' in notInstalled);
    assert.match(
      notInstalled.skip,
      /^Electron binary not installed \(npx electron --version fails\); run `node node_modules\/electron\/install\.js`/,
    );

    const file = join(dir, 'electron');
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o644);
    const notExecutable = electronBinary(() => file);
    assert.ok('skip' in notExecutable);
    assert.match(notExecutable.skip, new RegExp(`not executable at ${file}`));

    chmodSync(file, 0o755);
    assert.deepEqual(
      electronBinary(() => file, { DISPLAY: ':99' }),
      { path: file },
    );
    if (process.platform === 'linux') {
      const headless = electronBinary(() => file, {});
      assert.ok('skip' in headless);
      assert.match(headless.skip, /xvfb-run npm run test:electron/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
