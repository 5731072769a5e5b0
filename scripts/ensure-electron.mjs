#!/usr/bin/env node
// `npm ci` deliberately skips Electron's binary download (see package.json allowScripts) so installs work where
// GitHub is unreachable. `npm start` fetches it here, once, when it is missing.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const installed = existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
if (!installed) {
  console.log('Downloading the Electron binary (once)...');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Could not download Electron. Check your network, or use browser mode: npm run serve');
    process.exit(1);
  }
}
