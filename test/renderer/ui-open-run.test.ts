// "Open run folder…" in History, in headless Chromium over the browser-mode server: a typed path is checked (full
// path, a real run folder, by the core's checkRunFolder), the opened run is listed, opened, compared and removed; the
// desktop transport asks its folder dialog instead of showing a path field. Skips when Chromium is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, startScriptedApp } from './fixtures/scripted-app';
import { WizardDriver } from '../e2e/support/wizard-driver';
import { writeFixtureRun } from '../report/fixture-run';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'renderer');

test(
  'History opens a run folder from outside the workspace by its path and lists it',
  { timeout: 120_000, skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed` },
  async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'open-run-ui-'));
    const outside = await writeFixtureRun(elsewhere, { id: 'usb-run', repetitions: 2 });
    const photos = join(elsewhere, 'photos');
    mkdirSync(photos);
    const { control, server, browser, close } = await startScriptedApp('renderer-open-run-');
    mkdirSync(shots, { recursive: true });
    const problems: string[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      const wizard = new WizardDriver(page, { jobTimeoutMs: 30_000, screenshotDir: shots });
      const id = (testId: string) => wizard.id(testId);
      await page.goto(server.url);
      await id('open-history').click();
      await id('history-table').waitFor();

      // Browser mode: a path field, checked on the page (full path) and by the core (a run folder).
      await id('open-run-start').click();
      await id('open-run-path').fill('runs/usb-run');
      await id('open-run-path-error').getByText('Enter a full path').waitFor();
      assert.equal(await id('open-run-submit').isDisabled(), true, 'a relative path cannot be sent');
      await id('open-run-path').fill(photos);
      await id('open-run-submit').click();
      await id('open-run-error').getByText(`${photos} is not a run folder: it has no run.json`).waitFor();
      await id('open-run-error').getByText('Choose the folder a Sparse Studio run wrote', { exact: false }).waitFor();

      await id('open-run-path').fill(outside);
      await id('open-run-submit').click();
      await id('open-run-done').getByText(`Added ${outside} to History.`).waitFor();
      await id('history-opened-usb-run').waitFor();
      assert.equal(await id('history-delete-usb-run').count(), 0, 'an opened run is removed from the list, not trashed');
      await wizard.shot('history-open-run');

      // It opens and compares like a workspace run.
      await id('history-open-usb-run').click();
      await id('screen-history').getByTestId('report-view').waitFor();
      await id('history-select-usb-run').check();
      await id('history-select-run-a').check();
      await id('history-compare').click();
      await id('screen-history').getByRole('heading', { name: 'Comparison of 2 runs', exact: true }).waitFor();

      // Removing it leaves the folder where it is.
      await id('history-forget-usb-run').click();
      await id('history-removed').getByText(`Removed ${outside} from History`, { exact: false }).waitFor();
      assert.equal(await id('history-row-usb-run').count(), 0);
      assert.ok(existsSync(join(outside, 'run.json')));

      // The desktop app: the button asks the main process's folder dialog; no path field.
      control.transport = 'ipc';
      control.folderDialog = outside;
      await page.reload();
      await id('open-history').click();
      await id('open-run-start').click();
      await id('history-opened-usb-run').waitFor();
      assert.equal(await id('open-run-path').count(), 0);
      assert.deepEqual(
        control.received.filter((r) => r.command === 'runs.open').map((r) => r.request),
        [{ runDir: photos }, { runDir: outside }, {}],
      );
      assert.deepEqual(problems, []);
    } finally {
      await close();
      rmSync(elsewhere, { recursive: true, force: true });
    }
  },
);
