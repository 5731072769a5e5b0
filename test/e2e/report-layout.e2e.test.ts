// Issue 18.7 in Chromium: in the report (the React renderer the app's Report screen and the HTML/PDF share) no value
// is wrapped apart from its unit and no device name is cut, at 1280 px and at a narrow 560 px window.
// Screenshots: test-results/e2e/report-{1280,560}.png and the speed-up chart alone, report-speedup-{1280,560}.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildReport } from '../../electron/core/report/build-report';
import { findChromium } from '../../electron/core/report/chromium';
import { withReportPage } from '../../electron/core/report/headless-page';
import { renderReportHtml } from '../../electron/core/report/render-html';
import type { Report } from '../../electron/core/report/types';
import { writeFixtureRun } from '../report/fixture-run';
import { reportLayoutProblems } from './support/report-layout';

const shots = join(fileURLToPath(new URL('../..', import.meta.url)), 'test-results', 'e2e');
const chromium = await findChromium();
const skip = chromium ? false : 'no Chromium found (install chromium or set SPARSE_STUDIO_CHROMIUM): report layout not tested';
// As long as the label "This computer" gets on a real machine (the one that was cut to "WebAssem…").
const LONG_NAME = 'This computer (AMD EPYC 7B13 64-Core Processor, 2 threads, WebAssembly SIMD)';

describe('report values keep their units and device names show in full (Chromium)', { skip }, () => {
  let root: string;
  let report: Report;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'sparse-layout-'));
    report = await buildReport([await writeFixtureRun(root, { id: 'layout-fixture', repetitions: 2 })]);
    report = { ...report, devices: report.devices.map((d) => (d.id === 'host' ? { ...d, label: LONG_NAME } : d)) };
    mkdirSync(shots, { recursive: true });
  });
  after(async () => rm(root, { recursive: true, force: true }));

  for (const width of [1280, 560])
    it(`at ${width} px`, async () => {
      const names = report.devices.map((d) => d.label);
      assert.ok(names.includes(LONG_NAME));
      const problems = await withReportPage(await renderReportHtml(report), async (page) => {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: join(shots, `report-${width}.png`), fullPage: true });
        await page.locator('figure[data-chart="speedup"]').screenshot({ path: join(shots, `report-speedup-${width}.png`) });
        return reportLayoutProblems(page, 'body', names);
      });
      assert.deepEqual(problems, { wrapped: [], splitInSvg: [], cutNames: [], ellipsised: [] });
    });
});
