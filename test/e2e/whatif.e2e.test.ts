// The wizard's "Try sparse inference on a .tflite" entry in headless Chromium, browser mode, against the real app
// handlers: a float .tflite the test converts from the guide architecture, benchmarked on "This computer" (the real
// TFLite WebAssembly runtime) at 0 / 50 / 75 %. Screenshot: test-results/e2e/whatif.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from '../../electron/core/report/chromium';
import { convertToTflite } from '../../electron/core/tflite/convert';
import { WHATIF_NOTICE } from '../../electron/core/whatif/sparsify-model';
import type { WhatifReport } from '../../electron/core/whatif/whatif-report';
import { serve } from '../../electron/server/serve';
import { testModel } from '../tflite/test-model';
import { WizardDriver } from './support/wizard-driver';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'e2e');

test(
  'what-if in the browser: a .tflite pruned at two sparsities, benchmarked on this computer, the report with its warning',
  { timeout: 600_000, skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed` },
  async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'sparse-whatif-e2e-'));
    const workspace = join(tmp, 'workspace');
    const userData = join(tmp, 'user-data');
    mkdirSync(workspace, { recursive: true });
    mkdirSync(userData, { recursive: true });
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ workspace }));
    const guide = testModel(31, 0);
    const modelFile = join(tmp, 'guide-dense.tflite');
    writeFileSync(modelFile, convertToTflite(guide.spec, guide.weights, { sparse: false }).bytes);

    const out = join(tmp, 'renderer');
    const { build } = await import('vite');
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    const server = await serve({ staticDir: out, userDataDir: userData });
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    mkdirSync(shots, { recursive: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const wizard = new WizardDriver(page, { jobTimeoutMs: 300_000, screenshotDir: shots });
      const id = (testId: string) => wizard.id(testId);
      await page.goto(server.url);

      await id('open-whatif').click();
      const screen = id('screen-whatif');
      await screen.waitFor();
      await id('whatif-notice-form').getByText(WHATIF_NOTICE).waitFor();
      await id('whatif-model').fill(modelFile);
      // A bad sparsity is named inline and nothing can start.
      await id('whatif-sparsities').fill('0.5, 1.2');
      await id('whatif-sparsities-error').getByText("'1.2' is not a sparsity between 0 and 1").waitFor();
      assert.equal(await id('whatif-start').isDisabled(), true);
      await id('whatif-sparsities').fill('0.75, 0.5');
      assert.equal(await id('whatif-device-select-host').isChecked(), true, '"This computer" is preselected');
      await id('whatif-runs').fill('5');
      await id('whatif-repeat').fill('1');
      await id('whatif-warmup').fill('1');
      await id('whatif-start').click();
      await wizard.waitForJob('whatif');

      const report = id('whatif-report');
      await report.waitFor({ timeout: 60_000 });
      // The warning stands wherever the numbers appear: the report, each device, the files and the progress.
      for (const where of ['whatif-notice-report', 'whatif-notice-host', 'whatif-notice-files', 'whatif-notice-progress'])
        assert.equal(await id(where).textContent(), WHATIF_NOTICE, where);
      assert.equal(await screen.locator('svg[data-chart="whatif-latency"]').count(), 1);
      assert.match(
        (await screen.locator('figure[data-chart="whatif-latency"]').textContent()) ?? '',
        /Weights pruned without training: accuracy not preserved/,
      );
      await id('whatif-break-even-host')
        .getByText(/Break-even sparsity: (\d|at or below|not reached)/)
        .waitFor();
      for (const percent of [0, 50, 75]) await id(`whatif-row-host-${percent}`).waitFor();
      assert.equal(await id('whatif-files').locator('tbody tr').count(), 3);

      // What the screen shows is the run folder's report (whatif.report), measured by the real runtime.
      const runDir = ((await id('whatif-run-dir').locator('code').textContent()) ?? '').trim();
      assert.ok(runDir.startsWith(workspace), runDir);
      const stored = JSON.parse(readFileSync(join(runDir, 'report', 'whatif.json'), 'utf8')) as WhatifReport;
      assert.equal(stored.notice, WHATIF_NOTICE);
      assert.deepEqual(
        stored.files.map((f) => f.sparsity),
        [0, 0.5, 0.75],
      );
      const host = stored.devices.find((d) => d.device.id === 'host');
      assert.ok(host && host.points.every((p) => p.runs === 5 && p.medianUs !== null && p.medianUs > 0));
      assert.equal(host.synthetic, false);
      assert.equal(host.points.find((p) => p.sparsity === 0.75)?.sparseInference.engaged, 'yes');
      const row75 = (await id('whatif-row-host-75').locator('td').allTextContents()).join(' | ');
      assert.match(row75, new RegExp(`^75\\s% \\| eligible \\| yes \\| `));
      assert.match(row75, new RegExp(host.points[2]!.ratio!.toFixed(2)));
      await wizard.shot('whatif');

      // History lists it as a what-if and opens its own report (not a dense/pruned comparison).
      const runId = runDir.split('/').pop()!;
      await id('open-history').click();
      await id(`history-kind-${runId}`).getByText('what-if', { exact: true }).waitFor();
      assert.equal(await id(`history-continue-${runId}`).isDisabled(), true);
      await id(`history-open-${runId}`).click();
      const history = id('screen-history');
      await history.getByTestId('whatif-report').waitFor();
      assert.equal(await history.getByTestId('whatif-notice-report').textContent(), WHATIF_NOTICE);
      await history.getByTestId('whatif-row-host-75').waitFor();
      assert.equal(await history.getByTestId('report-view').count(), 0);
      await wizard.shot('whatif-history');
    } finally {
      await browser.close();
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  },
);
