// The wizard's "Open model..." in headless Chromium against the browser-mode server with the real handlers: the
// chosen .keras file is uploaded in chunks, imported, and its layers and XNNPACK verdict are shown; an imported
// keras.applications MobileNet (.h5, 64x64) is then fixed and pruned from the Prune step. Skips without Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppContext } from '../../electron/app/context';
import { EventBus } from '../../electron/app/event-bus';
import { createHandlers } from '../../electron/app/handlers';
import { CHROMIUM_ARGS } from '../../electron/core/report/chromium';
import { startBrowserServer } from '../../electron/server/ws-server';
import { WizardDriver } from '../e2e/support/wizard-driver';
import { writeLegacyH5, writeResidualFixtures } from './fixture-files';
import { mobileNetV1 } from './mobilenet-v1';
import { residualReference } from './reference-model';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));

test(
  'Open model... imports a .keras file and shows its layers and verdict; an imported MobileNet is fixed and pruned in step 4',
  { timeout: 180_000, skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed` },
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'open-model-ui-'));
    const bus = new EventBus();
    const context = await createAppContext({ bus, transport: 'websocket', userDataDir: join(dir, 'user') });
    const { build } = await import('vite');
    const staticDir = join(dir, 'static');
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir: staticDir, emptyOutDir: true } });
    await createHandlers(context)['settings.update']({ workspace: join(dir, 'ws') });
    const server = await startBrowserServer({ handlers: createHandlers(context), bus, staticDir });
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    try {
      const files = await writeResidualFixtures(residualReference(), join(dir, 'fixtures'));
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const shots = join(root, 'test-results', 'renderer');
      mkdirSync(shots, { recursive: true });
      const wizard = new WizardDriver(page, { jobTimeoutMs: 30_000, screenshotDir: shots });
      await page.goto(server.url);
      await wizard.gotoStep(2);
      await wizard.id('model-open-input').setInputFiles(files.keras);
      await wizard.id('model-imported').getByText('residual.keras').waitFor({ timeout: 60_000 });
      assert.match((await wizard.id('model-imported').textContent()) ?? '', /keras-v3, keras 3\.6\.0.*input 8 × 8 × 3, 5 classes/);
      await wizard.id('layer-table').locator('code', { hasText: 'block_1_add' }).waitFor();
      await wizard.id('layer-failing-conv1').waitFor();
      assert.equal(await wizard.id('model-next').count(), 0, 'the built-in pipeline does not continue with an imported model');
      await wizard.shot('step-2-model-imported');

      // keras.applications' MobileNet v1 (64x64, 10 classes): Fix, then "Next: prune" goes straight to step 4 (no
      // training) and pruning runs on the 32x32 sample, resized to 64x64.
      const fixture = mobileNetV1(64, 0.25, 10);
      const h5 = await writeLegacyH5(fixture.topology, fixture.groups, join(dir, 'fixtures', 'mobilenet.h5'));
      await wizard.loadData({ kind: 'sample' }, 40);
      await wizard.gotoStep(2);
      await wizard.id('model-open-input').setInputFiles(h5);
      await wizard.id('model-imported').getByText('mobilenet.h5').waitFor({ timeout: 60_000 });
      assert.match((await wizard.id('model-imported').textContent()) ?? '', /resized to 64 × 64/);
      await wizard.id('model-fix').click();
      await wizard.id('fix-pending').waitFor();
      await wizard.id('model-next-prune').click();
      await wizard.id('screen-prune').waitFor({ state: 'visible' });
      await wizard.id('prune-epochs').fill('1');
      await wizard.id('prune-end-epoch').fill('1');
      await wizard.id('prune-frequency').fill('1');
      await wizard.id('prune-batch-size').fill('16');
      await wizard.id('prune-start').click();
      await wizard.waitForJob('prune');
      await wizard.id('sparsity-table').waitFor();
      const runDir = (await wizard.id('model-imported').locator('code').nth(1).textContent()) ?? '';
      const metrics = JSON.parse(await readFile(join(runDir, 'pruning-metrics.json'), 'utf8'));
      assert.ok(metrics.fixes.some((c: { layer: string }) => c.layer === 'conv1'), 'the chosen fix was applied');
      assert.deepEqual(metrics.dataset.resizedFrom, [32, 32]);
      const pointwise = metrics.sparsity.filter((s: { pruned: boolean }) => s.pruned);
      assert.equal(pointwise.length, 13);
      for (const s of pointwise) assert.ok(Math.abs(s.sparsity - 0.75) < 0.01, `${s.name}: ${s.sparsity}`);
      await wizard.shot('step-4-imported-pruned');
    } finally {
      await browser.close();
      await server.close();
      context.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  },
);
