// The desktop shell itself, driven by Playwright's Electron support: the built app (package.json "main") opens its
// window over the IPC transport, loads the bundled sample, trains on it, and exports the report as a PDF through the
// main process's save dialog. Same WizardDriver as the browser tests. Skips with the reason when Electron's binary is
// not installed. Run with `npm run test:electron` (not part of `npm test`, which collects test/ only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WizardDriver } from '../test/e2e/support/wizard-driver';
import { electronBinary } from './electron-binary';

const root = fileURLToPath(new URL('..', import.meta.url));
const shots = join(root, 'test-results', 'electron');
const binary = electronBinary();

test(
  'the desktop app: window, sample data, training, PDF export',
  { timeout: 900_000, skip: 'skip' in binary ? binary.skip : false },
  async () => {
    if (!('path' in binary)) return;
    const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
    assert.equal(built.status, 0, 'scripts/build.mjs builds dist/ (main, preload, renderer)');

    // A private home, settings folder and workspace: the app writes nothing to the user's own.
    const tmp = mkdtempSync(join(tmpdir(), 'sparse-electron-'));
    const workspace = join(tmp, 'workspace');
    mkdirSync(shots, { recursive: true });
    const { _electron } = await import('playwright-core');
    const app = await _electron.launch({
      executablePath: binary.path,
      // Chromium refuses its sandbox as root (containers, CI); the app's own renderer sandbox stays on.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
      cwd: root,
      env: {
        ...process.env,
        HOME: join(tmp, 'home'),
        XDG_CONFIG_HOME: join(tmp, 'config'),
        SPARSE_STUDIO_WORKSPACE: workspace,
        SPARSE_STUDIO_HOME: join(tmp, 'sparse-home'),
        // The driver reads the English screens; the system language would otherwise choose.
        LC_ALL: 'en_US.UTF-8',
      },
      timeout: 60_000,
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      assert.equal(await page.title(), 'Sparse Studio');
      assert.equal(
        await page.evaluate(() => typeof (globalThis as { require?: unknown }).require),
        'undefined',
        'no Node in the page',
      );
      const wizard = new WizardDriver(page, { jobTimeoutMs: 600_000, screenshotDir: shots });
      await page.getByText('· desktop ·', { exact: false }).waitFor();

      await wizard.loadData({ kind: 'sample' });
      await wizard.id('sample-grid').waitFor();
      await wizard.describeModel('baseline-keepdims');
      await wizard.train({ epochs: 1 });
      const runDir = ((await wizard.id('train-run-dir').locator('code').textContent()) ?? '').trim();
      assert.ok(runDir.startsWith(workspace), `the run folder ${runDir} is in the test's workspace`);
      await wizard.shot('train');

      // The save dialog is the main process's; the test answers it there, as a user would pick a file.
      const pdf = join(tmp, 'desktop-report.pdf');
      await app.evaluate(({ dialog }, file) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
      }, pdf);
      await wizard.openReport();
      assert.equal(await wizard.saveReport('pdf'), pdf);
      assert.equal(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
      await wizard.shot('report');
    } finally {
      await app.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  },
);
