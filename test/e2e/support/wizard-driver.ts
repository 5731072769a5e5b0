// Drives the wizard in a browser page through its data-testid hooks, one function per step. Used by the renderer's
// scripted-server test and by the end-to-end test against the real handlers.
import type { Page } from 'playwright-core';
import { join } from 'node:path';

export interface DriverOptions {
  /** How long a job (training, benchmark ...) may take to finish. */
  jobTimeoutMs: number;
  screenshotDir: string;
}

export class WizardDriver {
  readonly page: Page;
  readonly options: DriverOptions;

  constructor(page: Page, options: DriverOptions) {
    this.page = page;
    this.options = options;
  }

  id(testId: string) {
    return this.page.getByTestId(testId);
  }

  async shot(name: string): Promise<string> {
    const path = join(this.options.screenshotDir, `${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }

  async gotoStep(n: number): Promise<void> {
    await this.id(`step-${n}`).click();
  }

  /** Waits until a job's status badge reads Completed; throws with the shown error when it failed. */
  async waitForJob(name: string): Promise<void> {
    const status = this.id(`${name}-status`);
    await status.getByText(/Completed|Failed|Cancelled/).waitFor({ timeout: this.options.jobTimeoutMs });
    const text = (await status.textContent()) ?? '';
    if (text !== 'Completed') {
      const error = await this.id(`${name}-error`)
        .textContent()
        .catch(() => '');
      throw new Error(`${name} job ended '${text}': ${error}`);
    }
  }

  async loadData(source: { kind: 'sample' | 'cifar10' } | { kind: 'path'; path: string }, limit?: number): Promise<void> {
    await this.gotoStep(1);
    await this.id(`data-source-${source.kind}`).check();
    if (source.kind === 'path') await this.id('data-path').fill(source.path);
    await this.id('data-limit').fill(limit === undefined ? '' : String(limit));
    await this.id('data-inspect').click();
    await this.page
      .locator('[data-testid="sample-grid"], [data-testid="data-error"]')
      .first()
      .waitFor({ timeout: this.options.jobTimeoutMs });
  }

  async describeModel(model: 'baseline' | 'baseline-keepdims'): Promise<void> {
    await this.gotoStep(2);
    await this.id('model-select').selectOption(model);
    await this.id('xnnpack-verdict').waitFor();
  }

  async train(settings: { epochs: number; batchSize?: number }): Promise<void> {
    await this.gotoStep(3);
    await this.id('train-epochs').fill(String(settings.epochs));
    if (settings.batchSize !== undefined) await this.id('train-batch-size').fill(String(settings.batchSize));
    await this.id('train-start').click();
    await this.waitForJob('train');
  }

  async prune(settings: { epochs: number; endEpoch: number; frequency: number; batchSize?: number }): Promise<void> {
    await this.gotoStep(4);
    await this.id('prune-epochs').fill(String(settings.epochs));
    await this.id('prune-end-epoch').fill(String(settings.endEpoch));
    await this.id('prune-frequency').fill(String(settings.frequency));
    if (settings.batchSize !== undefined) await this.id('prune-batch-size').fill(String(settings.batchSize));
    await this.id('prune-start').click();
    await this.waitForJob('prune');
  }

  async convert(): Promise<void> {
    await this.gotoStep(5);
    await this.id('convert-start').click();
    await this.waitForJob('convert');
  }

  /** Selects exactly `devices` (besides the preselected "This computer" when listed) and runs the benchmark. */
  async benchmark(settings: { devices: string[]; runs: number; repeat: number; warmup?: number }): Promise<void> {
    await this.gotoStep(6);
    for (const device of settings.devices) await this.id(`device-select-${device}`).check();
    if (!settings.devices.includes('host')) await this.id('device-select-host').uncheck();
    await this.id('bench-runs').fill(String(settings.runs));
    await this.id('bench-repeat').fill(String(settings.repeat));
    if (settings.warmup !== undefined) await this.id('bench-warmup').fill(String(settings.warmup));
    await this.id('bench-start').click();
  }

  async openReport(): Promise<void> {
    await this.gotoStep(7);
    const screen = this.id('screen-report');
    await screen
      .locator('[data-testid="report-view"], [data-testid="report-error"]')
      .first()
      .waitFor({ timeout: this.options.jobTimeoutMs });
    if ((await screen.getByTestId('report-error').count()) > 0)
      throw new Error(`The report failed: ${await screen.getByTestId('report-error').textContent()}`);
  }

  /**
   * Clicks an export button on the Report step (or the History page): in browser mode a download named after the run
   * and format. Returns the file name the browser was offered and where the test's browser saved it.
   */
  async exportReport(
    format: 'json' | 'csv' | 'summary-csv' | 'html' | 'pdf',
    screenId = 'screen-report',
  ): Promise<{ fileName: string; path: string }> {
    const screen = this.id(screenId);
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: this.options.jobTimeoutMs }),
      screen.getByTestId(`export-${format}`).click(),
    ]);
    if ((await screen.getByTestId('export-error').count()) > 0)
      throw new Error(`Export ${format} failed: ${await screen.getByTestId('export-error').textContent()}`);
    await screen.getByTestId('export-file').getByText(download.suggestedFilename()).waitFor();
    return { fileName: download.suggestedFilename(), path: await download.path() };
  }

  /**
   * The desktop app's export (IPC transport): the click sends report.export and the main process asks where to save
   * with its save dialog. Returns the path the screen says the report was saved to.
   */
  async saveReport(format: 'json' | 'csv' | 'summary-csv' | 'html' | 'pdf', screenId = 'screen-report'): Promise<string> {
    const screen = this.id(screenId);
    await screen.getByTestId(`export-${format}`).click();
    await screen
      .locator('[data-testid="export-file"], [data-testid="export-error"]')
      .first()
      .waitFor({ timeout: this.options.jobTimeoutMs });
    if ((await screen.getByTestId('export-error').count()) > 0)
      throw new Error(`Export ${format} failed: ${await screen.getByTestId('export-error').textContent()}`);
    return ((await screen.getByTestId('export-file').locator('code').textContent()) ?? '').trim();
  }
}
