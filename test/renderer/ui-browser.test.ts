// The built renderer in headless Chromium against the real browser-mode server (electron/server/ws-server.ts) with
// scripted handlers: every step renders, is wired to the contract, shows errors with their hints, and is keyboard
// navigable. Skips when Chromium is not installed. Screenshots go to test-results/renderer/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pruneJobConfig, trainJobConfig } from '../../shared/contract';
import { CHROMIUM, startScriptedApp } from './fixtures/scripted-app';
import { SCRIPTED_PAIRING_CODE } from './fixtures/scripted-handlers';
import { WizardDriver } from '../e2e/support/wizard-driver';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'renderer');

test(
  'the wizard in headless Chromium over the WebSocket transport',
  { timeout: 120_000, skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed` },
  async () => {
    const { control, server, browser, close } = await startScriptedApp('renderer-build-');
    mkdirSync(shots, { recursive: true });
    const problems: string[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      const wizard = new WizardDriver(page, { jobTimeoutMs: 30_000, screenshotDir: shots });
      const id = (testId: string) => wizard.id(testId);
      await page.goto(server.url);

      // 1 Data: an error shows the core's message; the sample loads with its grid and split sizes.
      await wizard.loadData({ kind: 'path', path: '/missing/data' });
      await id('data-error').getByText('No data at /missing/data').waitFor();
      await wizard.loadData({ kind: 'sample' });
      assert.equal(await id('sample-grid').locator('img').count(), 9);
      assert.equal(await id('split-train').locator('.stat-value').textContent(), '90');
      await wizard.shot('step-1-data');

      // 2 Model: the real policy check fails without keepdims and offers the fix, applied at pruning.
      await wizard.describeModel('baseline-keepdims');
      await id('xnnpack-verdict').getByText('passes every check').waitFor();
      await wizard.describeModel('baseline');
      await id('xnnpack-verdict').getByText('keepdims = True').first().waitFor();
      await id('model-fix').click();
      await id('fix-pending').waitFor();
      await wizard.shot('step-2-model-verdict');
      await wizard.describeModel('baseline-keepdims');
      await id('xnnpack-verdict').getByText('passes every check').waitFor();
      assert.equal(await id('fix-pending').count(), 0, 'choosing another model drops the fix');
      await wizard.shot('step-2-model');

      // 3 Train: the config passes the contract (with the chosen training threads); curves, progress, test accuracy.
      await wizard.gotoStep(3);
      assert.equal(await id('train-threads').inputValue(), 'auto');
      await id('train-threads').selectOption('3');
      await wizard.train({ epochs: 2 });
      const trainStart = control.received.find((r) => (r.request as { job: string }).job === 'train');
      const trainConfig = trainJobConfig.parse((trainStart?.request as { config: unknown }).config);
      assert.equal(trainConfig.trainThreads, 3, 'the threads field reaches the train job config');
      assert.equal(await id('train-test-accuracy').locator('.stat-value').textContent(), '42.0 %');
      assert.ok((await page.locator('svg[data-chart="train-loss"] polyline').count()) >= 2);
      await wizard.shot('step-3-train');

      // 4 Prune: a schedule the core refuses shows its message; then live per-layer sparsity.
      await wizard.gotoStep(4);
      await page.locator('svg[data-chart="prune-schedule"]').waitFor();
      await id('prune-final').fill('1');
      await id('schedule-error').getByText('final_sparsity must be in range [0,1)').waitFor();
      await id('prune-final').fill('0.75');
      assert.equal(await id('prune-threads').inputValue(), '3', 'pruning starts from the training threads');
      await id('prune-threads').selectOption('auto');
      await wizard.prune({ epochs: 2, endEpoch: 1, frequency: 2 });
      const pruneStart = control.received.find((r) => (r.request as { job: string }).job === 'prune');
      assert.equal(pruneJobConfig.parse((pruneStart?.request as { config: unknown }).config).trainThreads, 'auto');
      await id('sparsity-table').getByText('conv2d_1/kernel').waitFor();
      await wizard.shot('step-4-prune');

      // 5 Convert: sizes, verdicts and op lists of both files.
      await wizard.convert();
      await id('convert-pruned-verdict').getByText('All rules pass').waitFor();
      await id('convert-dense').getByRole('cell', { name: 'DENSIFY', exact: true }).waitFor();
      await wizard.shot('step-5-convert');

      // 6 Benchmark: hot-plug shows an unauthorized phone with advice; a failing phone does not stop this computer.
      await wizard.gotoStep(6);
      control.devices = [...control.devices, { id: 'R58M', kind: 'adb', label: 'Pixel 7', state: 'unauthorized' }];
      control.plug();
      await id('device-R58M').getByTestId('device-advice-unauthorized').waitFor();
      assert.equal(await id('device-select-R58M').isDisabled(), true);
      await wizard.benchmark({ devices: ['host', '127.0.0.1:5601'], runs: 10, repeat: 1 });
      await wizard.waitForJob('bench');
      await id('bench-error-127.0.0.1:5601').getByText('Reconnect the phone').waitFor();
      await id('bench-device-host').getByText('dense.tflite').waitFor();
      await wizard.shot('step-6-benchmark');

      // 7 Report: charts (drawn by the report module), synthetic marking, export.
      await wizard.openReport();
      await page.locator('svg[data-chart="latency"]').waitFor();
      await page.locator('svg[data-chart="speedup"]').waitFor();
      await id('report-synthetic').waitFor();
      const exported = await wizard.exportReport('html');
      assert.match(exported.fileName, /^run-[\w-]+-report\.html$/, 'a download named after the run, not report.html');
      assert.match(readFileSync(exported.path, 'utf8'), /<html>html<\/html>/);
      await wizard.shot('step-7-report');

      // Keyboard: arrow keys move between steps.
      await id('step-7').focus();
      await page.keyboard.press('ArrowUp');
      assert.equal(await id('step-6').getAttribute('aria-selected'), 'true');
      assert.equal(await id('screen-benchmark').isVisible(), true);
      await page.keyboard.press('Home');
      assert.equal(await id('screen-data').isVisible(), true);

      // Device manager: a failed connect shows the error.
      await id('open-devices').click();
      await id('connect-host').fill('10.0.0.5');
      await id('connect-add').click();
      await id('connect-error').getByText('Could not connect to 10.0.0.5:5555').waitFor();
      // Wireless debugging pairing: a wrong code is refused by the server, the right one fills in the host.
      await id('pair-form').locator('summary').click();
      await id('pair-host').fill('192.168.1.40');
      await id('pair-port').fill('37099');
      await id('pair-code').fill('12345');
      await id('pair-code-error').waitFor();
      assert.equal(await id('pair-submit').isDisabled(), true, 'a 5-digit code cannot be sent');
      await id('pair-code').fill('111111');
      await id('pair-submit').click();
      await id('pair-error').getByText('Wrong password or connection was dropped.', { exact: false }).waitFor();
      await id('pair-code').fill(SCRIPTED_PAIRING_CODE);
      await id('pair-submit').click();
      await id('pair-result').getByText('Paired with 192.168.1.40:37099', { exact: false }).waitFor();
      assert.equal(await id('connect-host').inputValue(), '192.168.1.40');
      await wizard.shot('devices-panel');

      // History lists readable and unreadable runs and opens a run's report.
      await id('open-history').click();
      await id('history-table').getByText('not valid JSON').waitFor();
      await id('history-open-run-a').click();
      await id('screen-history').getByTestId('report-view').waitFor();
      await wizard.shot('history');

      // The desktop app (IPC transport): every export, the summary CSV included, goes through the save dialog
      // (report.export, where the Electron layer asks for the file); none is a browser download.
      control.transport = 'ipc';
      await page.reload();
      await id('open-history').click();
      await id('history-open-run-a').click();
      const history = id('screen-history');
      await history.getByTestId('report-view').waitFor();
      control.received.length = 0;
      for (const format of ['summary-csv', 'csv', 'json'] as const)
        assert.equal(await wizard.saveReport(format, 'screen-history'), `/tmp/chosen/run-a-report.${format}`);
      assert.deepEqual(
        control.received.map((r) => [r.command, (r.request as { format: string }).format]),
        [
          ['report.export', 'summary-csv'],
          ['report.export', 'csv'],
          ['report.export', 'json'],
        ],
      );

      assert.deepEqual(problems, []);

      // A page with a wrong token is refused by the server and says what to do.
      const refused = await browser.newPage();
      await refused.goto(server.url.replace(server.token, 'wrong-token'));
      await refused.getByTestId('startup-error').getByText('refused this page').waitFor();
      await refused.getByTestId('startup-error').getByText('npm run serve').waitFor();
    } finally {
      await close();
    }
  },
);
