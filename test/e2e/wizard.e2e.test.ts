// End to end in headless Chromium, browser mode: the real app handlers (electron/server/serve.ts) on a tiny data set
// the test writes, "This computer" plus an emulated phone from the device rig (when Debian's adb is installed) whose
// connection drops in the middle of its benchmark run; the HTML report is exported. Screenshots: test-results/e2e/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from '../../electron/core/report/chromium';
import { serve } from '../../electron/server/serve';
import { startRig, type Rig } from '../rig/test-rig';
import { WizardDriver } from './support/wizard-driver';
import { writeTinyImageFolder } from './support/tiny-image-folder';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'e2e');

test(
  'train → prune → convert → benchmark → report in the browser, with a phone unplugged mid-run',
  { timeout: 600_000, skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed` },
  async (t) => {
    const tmp = mkdtempSync(join(tmpdir(), 'sparse-e2e-'));
    const workspace = join(tmp, 'workspace');
    const userData = join(tmp, 'user-data');
    mkdirSync(userData, { recursive: true });
    const data = writeTinyImageFolder(join(tmp, 'tiny-data'), { train: 6, test: 2 });
    const rig: Rig | undefined = await startRig();
    if (!rig) t.diagnostic('adb is not installed: benchmarking on "This computer" only');
    writeFileSync(
      join(userData, 'settings.json'),
      JSON.stringify({ workspace, ...(rig ? { adbServer: `127.0.0.1:${rig.server.port}` } : {}) }),
    );
    const phone = rig ? await rig.addPhone({ model: 'Pixel Emulated' }) : undefined;

    const out = join(tmp, 'renderer');
    const { build } = await import('vite');
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    const server = await serve({ staticDir: out, userDataDir: userData });
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    mkdirSync(shots, { recursive: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const wizard = new WizardDriver(page, { jobTimeoutMs: 240_000, screenshotDir: shots });
      await page.goto(server.url);

      await wizard.loadData({ kind: 'path', path: data });
      await wizard.id('sample-grid').waitFor();
      assert.equal(await wizard.id('split-test').locator('.stat-value').textContent(), '20');
      await wizard.shot('1-data');

      await wizard.describeModel('baseline-keepdims');
      await wizard.id('xnnpack-verdict').getByText('passes every check').waitFor();
      await wizard.shot('2-model');

      await wizard.train({ epochs: 1, batchSize: 16 });
      await wizard.shot('3-train');

      await wizard.prune({ epochs: 1, endEpoch: 1, frequency: 1, batchSize: 16 });
      await wizard.shot('4-prune');

      await wizard.convert();
      await wizard.id('convert-pruned').waitFor();
      await wizard.shot('5-convert');

      const devices = ['host', ...(phone ? [phone.serial] : [])];
      if (phone && rig) {
        await wizard.gotoStep(6);
        await wizard.id(`device-${phone.serial}`).waitFor();
        await wizard.id('bench-binary').fill(rig.binaryPath);
        phone.benchmarkFault = 'drop-connection';
      }
      await wizard.benchmark({ devices, runs: 5, repeat: 1, warmup: 1 });
      await wizard.waitForJob('bench');
      await wizard.id('bench-device-host').getByRole('cell', { name: 'dense.tflite' }).waitFor();
      await wizard.id('bench-device-host').getByRole('cell', { name: 'pruned.tflite' }).waitFor();
      assert.equal(await wizard.id('bench-error-host').count(), 0, 'this computer finished despite the phone');
      if (phone)
        await wizard
          .id(`bench-device-${phone.serial}`)
          .getByTestId(/bench-(error|failure)-/)
          .first()
          .waitFor();
      await wizard.shot('6-benchmark');

      await wizard.openReport();
      await page.locator('svg[data-chart="latency"]').first().waitFor();
      const file = await wizard.exportReport('html');
      assert.ok(existsSync(file), `the exported report exists: ${file}`);
      assert.match(readFileSync(file, 'utf8'), /data-chart="latency"/);
      await wizard.shot('7-report');
    } finally {
      await browser.close();
      await server.close();
      await rig?.stop();
      rmSync(tmp, { recursive: true, force: true });
    }
  },
);
