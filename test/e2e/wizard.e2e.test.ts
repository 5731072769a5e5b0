// End to end in headless Chromium, browser mode: the real app handlers (electron/server/serve.ts) on a tiny data set
// the test writes, "This computer" plus an emulated phone from the device rig (when Debian's adb is installed) whose
// connection drops in the middle of its benchmark run. Every step is driven as a person would, and each point of
// issues 18 and 19 is asserted on screen. Screenshots: test-results/e2e/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from '../../electron/core/report/chromium';
import { runJob } from '../../electron/core/jobs/run-job';
import { serve } from '../../electron/server/serve';
import { startRig, type Rig } from '../rig/test-rig';
import { reportLayoutProblems } from './support/report-layout';
import { WizardDriver } from './support/wizard-driver';
import { atChance } from '../../renderer/src/state/chance';
import { writeTinyImageFolder } from './support/tiny-image-folder';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'e2e');

/** A TCP port that accepts connections and never speaks adb: `adb connect` to it fails and used to leave a ghost. */
async function silentPort(): Promise<{ port: number; server: Server }> {
  const server = createServer((socket) => socket.on('data', () => undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

test(
  'the whole wizard in the browser shows what is true, never a stale or silently empty result',
  { timeout: 900_000, skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed` },
  async (t) => {
    const tmp = mkdtempSync(join(tmpdir(), 'sparse-e2e-'));
    const workspace = join(tmp, 'workspace');
    const userData = join(tmp, 'user-data');
    mkdirSync(userData, { recursive: true });
    mkdirSync(workspace, { recursive: true });
    const previousHome = process.env.SPARSE_STUDIO_HOME;
    process.env.SPARSE_STUDIO_HOME = join(tmp, 'home'); // remembered network devices go here, not to ~/.sparse-studio
    const data = writeTinyImageFolder(join(tmp, 'tiny-data'), { train: 6, test: 2 });
    const rig: Rig | undefined = await startRig();
    if (!rig) t.diagnostic('adb is not installed: benchmarking on "This computer" only, no connect check');
    writeFileSync(
      join(userData, 'settings.json'),
      JSON.stringify({ workspace, ...(rig ? { adbServer: `127.0.0.1:${rig.server.port}` } : {}) }),
    );
    const phone = rig ? await rig.addPhone({ model: 'Pixel Emulated' }) : undefined;

    // A second run made by the one-command pipeline, for History's kinds and a comparison of two runs.
    const pipelineDir = join(workspace, 'pipeline-run');
    const pipelineDone = runJob(
      'pipeline',
      {
        data,
        model: 'baseline',
        epochs: 1,
        pruneEpochs: 1,
        initialSparsity: 0.25,
        finalSparsity: 0.75,
        pruneEndEpoch: 1,
        pruneFrequency: 1,
        batchSize: 16,
        seed: 2,
        backend: 'auto',
        out: pipelineDir,
        devices: ['host'],
        runs: 3,
        warmup: 1,
        threads: 1,
        repeat: 1,
        xnnpack: 'true',
        opProfiling: false,
        bigCores: false,
        cooldownSeconds: 0,
        timeoutSeconds: 600,
      },
      () => undefined,
    );

    const out = join(tmp, 'renderer');
    const { build } = await import('vite');
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    const server = await serve({ staticDir: out, userDataDir: userData });
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    mkdirSync(shots, { recursive: true });
    const silent = await silentPort();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      let jobStarts = 0;
      page.on('websocket', (ws) =>
        ws.on('framesent', (frame) => {
          if (String(frame.payload).includes('"jobs.start"')) jobStarts += 1;
        }),
      );
      // A page error (a screen that threw) is reported with the failing step instead of a bare timeout.
      page.on('pageerror', (e) => t.diagnostic(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') t.diagnostic(`console error: ${m.text()}`);
      });
      const wizard = new WizardDriver(page, { jobTimeoutMs: 300_000, screenshotDir: shots });
      const id = (testId: string) => wizard.id(testId);
      await page.goto(server.url);

      // Layout (18.11): before any run, the later steps look locked and say what they need.
      assert.equal(await id('step-5').getAttribute('data-locked'), 'true');
      assert.match((await id('step-5').getAttribute('title')) ?? '', /pruned model/);
      assert.equal(await id('step-3').getAttribute('data-locked'), null);

      await wizard.loadData({ kind: 'path', path: data });
      await id('sample-grid').waitFor();
      assert.equal(await id('split-test').locator('.stat-value').textContent(), '20');
      await wizard.shot('1-data');

      // Model (18.4): readable diagnostics that point at the button, the failing layer highlighted, no red box once fixed.
      await wizard.describeModel('baseline');
      const verdict = id('xnnpack-verdict');
      await verdict.getByText('keepdims = True').first().waitFor();
      const verdictText = (await verdict.textContent()) ?? '';
      assert.doesNotMatch(verdictText, /`/, 'no raw markdown backticks');
      assert.doesNotMatch(verdictText, /check-xnnpack/, 'no CLI command on screen');
      assert.match(verdictText, /Fix button/);
      assert.equal(verdictText.split('Could not find a').length - 1, 1, 'the message is shown once');
      await id('layer-failing-global_average_pooling2d').waitFor();
      await id('model-fix').click();
      await id('fix-pending').waitFor();
      assert.match((await verdict.getAttribute('class')) ?? '', /fixed/);
      assert.doesNotMatch((await verdict.getAttribute('class')) ?? '', /bad/);
      await wizard.describeModel('baseline-keepdims');
      await verdict.getByText('passes every check').waitFor();
      await wizard.shot('2-model');

      // Train (18.2): a negative epochs value shows the limits and an inline error, and sends no request.
      await wizard.gotoStep(3);
      await id('train-epochs').fill('-3');
      await id('train-epochs-error').getByText('Enter a value in the range 1 – 1,000,000.').waitFor();
      assert.equal(await id('train-epochs-limits').textContent(), '1 – 1,000,000');
      assert.equal(await id('train-start').isDisabled(), true);
      await id('train-start').click({ force: true });
      assert.equal(jobStarts, 0, 'no jobs.start request left the page');
      assert.equal(await id('train-status').textContent(), 'Not started');

      // Train (18.1): epoch points sit at the end of their epoch: the last one at x = the last step (in epochs).
      await wizard.train({ epochs: 2, batchSize: 16 });
      assert.equal(jobStarts, 1);
      const lossChart = page.locator('svg[data-chart="train-loss"]');
      const lastEpochX = await lossChart.locator('g[data-series="training (epoch mean)"]').getAttribute('data-last-x');
      const lastBatchX = await lossChart.locator('g[data-series="training (per batch)"]').getAttribute('data-last-x');
      assert.equal(lastEpochX, '2');
      assert.equal(lastEpochX, lastBatchX, 'the last epoch point is at the last step');
      // 18.7: validation, which can lie on the training line, is dashed with its own markers (squares, not dots).
      const validation = lossChart.locator('g[data-series="validation (end of epoch)"]');
      assert.equal(await validation.locator('rect').count(), 2);
      assert.equal(await validation.locator('circle').count(), 0);
      assert.ok(await validation.locator('polyline').getAttribute('stroke-dasharray'));
      await id('train-epoch-loss').getByText('Training loss, epoch 2 mean').waitFor();
      await id('train-batch-loss').getByText('Loss of the last batch').waitFor();
      // 19.2: where the test accuracy is shown, an accuracy 20 test images cannot tell from guessing is called so.
      const accuracy = Number.parseFloat((await id('train-test-accuracy').locator('.stat-value').textContent()) ?? '') / 100;
      assert.equal(await id('train-chance').count(), atChance(accuracy, 10, 20) ? 1 : 0, `test accuracy ${accuracy}`);
      const mainDir = ((await id('train-run-dir').locator('code').textContent()) ?? '').trim();
      const mainRun = basename(mainDir);
      await wizard.shot('3-train');

      // Prune (18.5, 19.2): batch size carried over; a schedule with no mask update is warned about before starting.
      await wizard.gotoStep(4);
      assert.equal(await id('prune-batch-size').inputValue(), '16');
      await id('prune-epochs').fill('1');
      await id('prune-end-epoch').fill('1');
      await id('prune-frequency').fill('100');
      await id('prune-no-update')
        .getByText(/No mask update will happen/)
        .waitFor();
      await id('prune-no-update')
        .getByText(/Use a frequency of \d+ or less/)
        .waitFor();
      await wizard.prune({ epochs: 1, endEpoch: 1, frequency: 1, batchSize: 16 });
      assert.equal(await id('prune-no-update').count(), 0);
      assert.ok(Number(await page.locator('svg[data-chart="prune-schedule"] g[data-marks]').getAttribute('data-marks')) > 0);
      assert.ok(
        Number(await page.locator('svg[data-chart="prune-schedule"] g[data-series^="actual"]').getAttribute('data-points')) > 1,
      );
      assert.ok((await page.locator('svg[data-chart="prune-fit-loss"] polyline').count()) >= 2, 'a fine-tuning curve');
      // 18.5: the actual sparsity is plotted per mask update (the job's mask-update events), as steps, and the updates
      // are dotted lines at the steps the pruning-metrics.json of the run records.
      const pruneMetrics = JSON.parse(readFileSync(join(mainDir, 'pruning-metrics.json'), 'utf8')) as {
        pruning: { maskUpdates: { step: number; tensors: { sparsity: number }[] }[] };
      };
      const updates = pruneMetrics.pruning.maskUpdates;
      assert.ok(updates.length > 1, `${updates.length} mask updates`);
      const schedule = page.locator('svg[data-chart="prune-schedule"]');
      assert.equal(Number(await schedule.locator('g[data-marks]').getAttribute('data-marks')), updates.length);
      const markSteps = await schedule
        .locator('line.mark')
        .evaluateAll((lines) => lines.map((l) => getComputedStyle(l).strokeDasharray));
      assert.equal(markSteps.length, updates.length);
      assert.ok(
        markSteps.every((dash) => dash !== 'none' && dash !== ''),
        `mask update lines are dotted: ${markSteps[0]}`,
      );
      const actual = schedule.locator('g[data-series^="actual"]');
      const dots = await actual
        .locator('circle')
        .evaluateAll((cs) => cs.map((c) => [Number(c.getAttribute('data-x')), Number(c.getAttribute('data-y'))]));
      assert.deepEqual(
        dots.map(([x]) => x),
        [0, ...updates.map((u) => u.step)],
        'one point per mask update, at its step',
      );
      updates.forEach((u, i) => {
        const mean = u.tensors.reduce((a, t) => a + t.sparsity, 0) / u.tensors.length;
        assert.ok(Math.abs(dots[i + 1]![1]! - mean) < 1e-9, `sparsity after update ${u.step}: ${dots[i + 1]![1]} vs ${mean}`);
      });
      const path = ((await actual.locator('polyline').getAttribute('points')) ?? '')
        .split(' ')
        .map((p) => p.split(',').map(Number));
      for (let i = 1; i < path.length; i++)
        assert.ok(path[i]![0] === path[i - 1]![0] || path[i]![1] === path[i - 1]![1], 'drawn as steps, no slanted segment');
      assert.match((await schedule.getAttribute('aria-label')) ?? '', /dotted lines: mask updates/);
      await wizard.shot('4-prune');

      // Convert (18.3, 19.4): the bar moves, "Next" waits for the end, the dense verdict is information, not an error.
      await wizard.gotoStep(5);
      await page.evaluate(() => {
        const seen: { value: string | null; next: boolean }[] = [];
        (window as unknown as { convertSeen: typeof seen }).convertSeen = seen;
        new MutationObserver(() => {
          const bar = document.querySelector('[data-testid="convert-progress"] [role="progressbar"]');
          if (bar)
            seen.push({
              value: bar.getAttribute('aria-valuenow'),
              next: !!document.querySelector('[data-testid="convert-next"]'),
            });
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      await wizard.convert();
      const seen = await page.evaluate(
        () => (window as unknown as { convertSeen: { value: string | null; next: boolean }[] }).convertSeen,
      );
      const values = new Set(seen.map((s) => s.value));
      assert.ok(values.has('0') && values.has('1'), `the bar moved: ${JSON.stringify([...values])}`);
      assert.ok(
        seen.every((s) => !s.next),
        '"Next: benchmark" only once the job is done',
      );
      await id('convert-next').waitFor();
      const dense = id('convert-dense-verdict');
      await dense.getByText(/Dense by design/).waitFor();
      assert.match((await dense.getAttribute('class')) ?? '', /verdict info/);
      assert.doesNotMatch((await dense.getAttribute('class')) ?? '', /bad/);
      assert.equal(await dense.locator('.fail').count(), 0);
      await id('convert-dense-no-sparse').waitFor();
      await id('convert-pruned-sparse-tensors').waitFor();
      await wizard.shot('5-convert');

      // Benchmark (18.6): repetitions named as such, a summary on the screen.
      const devices = ['host', ...(phone ? [phone.serial] : [])];
      if (phone && rig) {
        await wizard.gotoStep(6);
        await id(`device-${phone.serial}`).waitFor();
        await id('bench-binary').fill(rig.binaryPath);
        phone.benchmarkFault = 'drop-connection';
      }
      await wizard.benchmark({ devices, runs: 5, repeat: 1, warmup: 1 });
      await wizard.waitForJob('bench');
      await id('bench-device-host')
        .getByText(/model repetitions done, 5 timed runs each/)
        .waitFor();
      await id('bench-summary').getByRole('cell', { name: 'dense.tflite' }).waitFor();
      await id('bench-summary').getByRole('cell', { name: 'pruned.tflite' }).waitFor();
      assert.equal(await id('bench-error-host').count(), 0, 'this computer finished despite the phone');
      if (phone)
        await id(`bench-device-${phone.serial}`)
          .getByTestId(/bench-(error|failure)-/)
          .first()
          .waitFor();
      await wizard.shot('6-benchmark');

      // Report (18.8): downloads with a name per run and format; the run's report/report.* are not touched by them.
      await wizard.openReport();
      await page.locator('svg[data-chart="latency"]').first().waitFor();
      // 18.7: chart text is drawn at a readable size on screen (its font size times the chart's display scale).
      const sizes = await id('screen-report')
        .locator('svg[data-chart]')
        .evaluateAll((svgs) =>
          svgs.flatMap((svg) => {
            const box = (svg as SVGSVGElement).viewBox.baseVal;
            const scale = box && box.width > 0 ? svg.getBoundingClientRect().width / box.width : 1;
            return [...svg.querySelectorAll('text')]
              .filter((t) => (t.textContent ?? '').trim() !== '')
              .map((t) => ({
                chart: svg.getAttribute('data-chart'),
                text: t.textContent,
                px: Number.parseFloat(getComputedStyle(t).fontSize) * scale,
              }));
          }),
        );
      const smallest = sizes.reduce((a, b) => (b.px < a.px ? b : a));
      t.diagnostic(`smallest report chart text: ${smallest.px.toFixed(1)} px (${smallest.chart}: ${smallest.text})`);
      assert.ok(smallest.px >= 9, `report chart text at least 9 px on screen: ${JSON.stringify(smallest)}`);
      const reportHtml = join(mainDir, 'report', 'report.html');
      const reportHtmlBefore = existsSync(reportHtml) ? readFileSync(reportHtml, 'utf8') : undefined;
      const names: string[] = [];
      let deviceNames: string[] = [];
      for (const format of ['json', 'csv', 'summary-csv', 'html'] as const) {
        const file = await wizard.exportReport(format);
        names.push(file.fileName);
        const text = readFileSync(file.path, 'utf8');
        if (format === 'html') assert.match(text, /data-chart="latency"/);
        if (format === 'json') {
          const json = JSON.parse(text) as { runs: { id: string }[]; devices: { id: string; label: string }[]; speedups: { device: string }[] };
          assert.equal(json.runs[0]?.id, mainRun);
          // The devices the latency and speed-up charts label: those with a speed-up (a phone that failed has none).
          deviceNames = json.devices.filter((d) => json.speedups.some((s) => s.device === d.id)).map((d) => d.label);
        }
      }
      // 18.7: no value wrapped apart from its unit, no device name cut, at 1280 px and in a narrow window.
      assert.ok(deviceNames.length > 0);
      for (const width of [1280, 760]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: join(shots, `7-report-${width}.png`), fullPage: true });
        const layout = await reportLayoutProblems(page, '[data-testid="screen-report"]', deviceNames);
        assert.deepEqual(layout, { wrapped: [], splitInSvg: [], cutNames: [], ellipsised: [] }, `report at ${width} px`);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      assert.deepEqual(names, [
        `${mainRun}-report.json`,
        `${mainRun}-report.csv`,
        `${mainRun}-report-summary.csv`,
        `${mainRun}-report.html`,
      ]);
      assert.equal(
        existsSync(reportHtml) ? readFileSync(reportHtml, 'utf8') : undefined,
        reportHtmlBefore,
        'report.html untouched',
      );
      await wizard.shot('7-report');

      // History (18.10, 19.6): real kinds, rename, and a comparison whose runs are told apart.
      await pipelineDone;
      await id('open-history').click();
      await id(`history-kind-${mainRun}`).getByText('train → prune → convert → benchmark').waitFor();
      await id('history-kind-pipeline-run').getByText('pipeline', { exact: true }).waitFor();
      await id(`history-edit-${mainRun}`).click();
      await id('history-name').fill('Wizard run, 2 epochs');
      await id('history-note').fill('tiny data, batch 16');
      await id('history-save').click();
      await id(`history-row-${mainRun}`).getByText('Wizard run, 2 epochs').waitFor();
      const stored = JSON.parse(readFileSync(join(mainDir, 'run.json'), 'utf8')) as { name?: string; note?: string };
      assert.deepEqual([stored.name, stored.note], ['Wizard run, 2 epochs', 'tiny data, batch 16']);
      await id(`history-select-${mainRun}`).check();
      await id('history-select-pipeline-run').check();
      await id('history-compare').click();
      const history = id('screen-history');
      await history.getByTestId('report-view').waitFor();
      const panelTitles = await history
        .locator('svg[data-chart="latency"] .latency-panel text[font-weight="600"]')
        .allTextContents();
      assert.ok(panelTitles.length >= 2);
      assert.equal(
        new Set(panelTitles).size,
        panelTitles.length,
        `comparison labels are distinct: ${JSON.stringify(panelTitles)}`,
      );
      assert.ok(panelTitles.some((l) => l.includes(mainRun)) && panelTitles.some((l) => l.includes('pipeline-run')));
      await id('comparison-differences').getByText('Wizard run, 2 epochs').waitFor();
      const comparison = await wizard.exportReport('html', 'screen-history');
      assert.equal(comparison.fileName, `${mainRun}-vs-pipeline-run-report.html`);
      await wizard.shot('8-history');

      // Devices (18.9, 19.5): formatted details; a connect to an address that never answers leaves no device behind.
      await id('open-devices').click();
      await id('devices-details-host').click();
      const details = id('device-details-host');
      await details.getByText('RAM', { exact: true }).waitFor();
      assert.doesNotMatch((await details.textContent()) ?? '', /memoryBytes|cpuCount/);
      assert.match((await details.textContent()) ?? '', /\d+(\.\d+)? GiB/);
      if (phone && (await id(`devices-details-${phone.serial}`).isEnabled())) {
        await id(`devices-details-${phone.serial}`).click();
        await id(`device-details-${phone.serial}`).locator('.facts, .error-box').first().waitFor({ timeout: 60_000 });
      }
      if (rig) {
        const ghost = `127.0.0.1:${silent.port}`;
        await id('connect-host').fill('127.0.0.1');
        await id('connect-port').fill(String(silent.port));
        await id('connect-add').click();
        await id('connect-error').waitFor({ timeout: 60_000 });
        assert.equal(await id('connect-result').count(), 0, 'no green "Connected."');
        const listed = (await rig.client.listDevices()).map((d: { id: string }) => d.id);
        assert.ok(!listed.includes(ghost), `adb lists no ghost device: ${JSON.stringify(listed)}`);
        assert.equal(await id(`devices-${ghost}`).count(), 0);
      }
      await id('connect-host').fill('bad host!');
      await id('connect-host-error')
        .getByText(/letters, digits, dots and hyphens/)
        .waitFor();
      assert.equal(await id('connect-add').isDisabled(), true);
      await wizard.shot('9-devices-details');

      // Stale state (19.1) and cancel (19.3): a new training clears every later step; its cancel is not an error.
      await wizard.gotoStep(3);
      await id('train-epochs').fill('500');
      await id('train-start').click();
      await id('train-progress')
        .getByText(/Epoch \d+ of 500/)
        .waitFor({ timeout: 300_000 });
      await id('train-cancel').click();
      await id('train-status').getByText('Cancelled').waitFor({ timeout: 120_000 });
      await id('train-cancelled')
        .getByText(/You cancelled the training/)
        .waitFor();
      assert.equal(await id('train-error').count(), 0, 'a cancel is not shown as an error');
      for (const [step, name] of [
        [4, 'prune'],
        [5, 'convert'],
        [6, 'bench'],
      ] as const) {
        await wizard.gotoStep(step);
        assert.notEqual(await id(`${name}-status`).textContent(), 'Completed', `step ${step} shows no old result`);
        assert.equal(await id(`step-${step}`).getAttribute('data-locked'), 'true');
      }
      assert.equal(await id('prune-next').count(), 0);
      assert.equal(await id('convert-next').count(), 0);
      assert.equal(await id('bench-summary').count(), 0);
      await wizard.gotoStep(7);
      await id('report-empty').waitFor();
      assert.equal(await id('screen-report').getByTestId('report-view').count(), 0, 'no previous report');

      // History lists the cancelled training as a train run (its step name as the English screen shows it); deleting it asks first, naming the folder.
      await id('open-history').click();
      await id('history-refresh').click();
      await id('history-kind-pipeline-run').waitFor();
      const kinds = new Map<string, string>();
      for (const cell of await page.locator('[data-testid^="history-kind-"]').all())
        kinds.set(
          ((await cell.getAttribute('data-testid')) ?? '').replace('history-kind-', ''),
          (await cell.textContent()) ?? '',
        );
      const cancelledId = [...kinds].find(([, kind]) => kind === 'Train')?.[0];
      assert.ok(cancelledId, `a train-only run is listed as train: ${JSON.stringify([...kinds])}`);
      assert.equal(kinds.get('pipeline-run'), 'pipeline');
      await id(`history-delete-${cancelledId}`).click();
      await id('history-confirm').getByText(join(workspace, cancelledId)).waitFor();
      await wizard.shot('10-history-delete-confirm');
      await id('history-confirm-delete').click();
      await id('history-deleted').waitFor();
      await id(`history-row-${cancelledId}`).waitFor({ state: 'detached' });
      assert.equal(existsSync(join(workspace, cancelledId)), false);

      // Settings (19.7, 19.8): a relative workspace is refused inline; dark mode follows the OS and the Settings choice.
      await id('open-settings').click();
      await id('settings-workspace').fill('relative/dir');
      await id('settings-workspace-error').waitFor();
      assert.equal(await id('settings-save').isDisabled(), true);
      await id('settings-workspace').fill(workspace);
      const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      await page.emulateMedia({ colorScheme: 'dark' });
      assert.equal(await background(), 'rgb(20, 24, 30)', 'dark when the OS prefers dark');
      await id('settings-theme').selectOption('light');
      await id('settings-save').click();
      await page.getByText('Saved.').waitFor();
      assert.equal(await background(), 'rgb(246, 247, 249)', 'the Settings choice wins');
    } finally {
      await browser.close();
      await server.close();
      silent.server.close();
      await rig?.stop();
      await pipelineDone.catch(() => undefined);
      if (previousHome === undefined) delete process.env.SPARSE_STUDIO_HOME;
      else process.env.SPARSE_STUDIO_HOME = previousHome;
      rmSync(tmp, { recursive: true, force: true });
    }
  },
);
