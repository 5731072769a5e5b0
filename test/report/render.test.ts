import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { buildReport } from '../../electron/core/report/build-report';
import { findChromium } from '../../electron/core/report/chromium';
import { withReportPage } from '../../electron/core/report/headless-page';
import { renderHtmlReport } from '../../electron/core/report/html-report';
import { writeReport } from '../../electron/core/report/write-report';
import type { Report } from '../../electron/core/report/types';
import { writeFixtureRun } from './fixture-run';

const CHARTS = ['latency', 'speedup', 'training', 'sparsity', 'op-profile'];
const chromium = await findChromium();
const skip = chromium
  ? false
  : 'no Chromium found (install chromium or set SPARSE_STUDIO_CHROMIUM): HTML rendering and PDF not tested';

describe('report rendered in headless Chromium', { skip }, () => {
  let root: string;
  let report: Report;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'sparse-render-'));
    report = await buildReport([await writeFixtureRun(root, { id: 'render-fixture', repetitions: 2 })]);
  });
  after(async () => rm(root, { recursive: true, force: true }));

  it('draws every chart, offline, and saves a screenshot to test-results/', async () => {
    const shots = new URL('../../test-results/', import.meta.url).pathname;
    await mkdir(shots, { recursive: true });
    const requests: string[] = [];
    const charts = await withReportPage(renderHtmlReport(report), async (page) => {
      page.on('request', (r) => requests.push(r.url()));
      await page.screenshot({ path: join(shots, 'report-fixture.png'), fullPage: true });
      return page.$$eval('svg[data-chart]', (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          return {
            chart: svg.getAttribute('data-chart'),
            width: box.width,
            height: box.height,
            bars: svg.querySelectorAll('rect.bar, path.series').length,
          };
        }),
      );
    });
    for (const name of CHARTS) {
      const found = charts.filter((c) => c.chart === name);
      assert.ok(found.length > 0, `chart ${name} missing`);
      for (const c of found) {
        assert.ok(c.width > 100 && c.height > 50, `chart ${name} has no size`);
        assert.ok(c.bars > 0, `chart ${name} draws no data`);
      }
    }
    assert.deepEqual(requests, []);
    const png = await readFile(join(shots, 'report-fixture.png'));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  });

  // A4 minus the PDF's 10 mm side margins is 190 mm = 718 CSS px; the desktop check is a 1280 px wide window.
  for (const [name, width, media] of [
    ['a 1280 px window', 1280, 'screen'],
    ['the A4 PDF page', 718, 'print'],
  ] as const) {
    it(`every table fits ${name} without horizontal scrolling or cut columns`, async () => {
      const overflow = await withReportPage(renderHtmlReport(report), async (page) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ media });
        return page.evaluate(() => {
          const limit = document.documentElement.clientWidth;
          const tables = [...document.querySelectorAll('table')].flatMap((t) => {
            const box = t.getBoundingClientRect();
            const header = [...t.querySelectorAll('th')].map((th) => th.textContent ?? '').join(' | ');
            return box.right > limit + 0.5 || box.left < -0.5 ? [`${header.slice(0, 80)}: right edge ${box.right} > ${limit}`] : [];
          });
          const page = document.documentElement.scrollWidth > limit ? [`page scrolls: ${document.documentElement.scrollWidth} > ${limit}`] : [];
          return [...page, ...tables];
        });
      });
      assert.deepEqual(overflow, []);
    });
  }

  it('the PDF carries every summary column and the models table\'s verdict', async () => {
    const out = join(root, 'columns.pdf');
    await writeReport(report, 'pdf', out);
    await mkdir(new URL('../../test-results/', import.meta.url).pathname, { recursive: true });
    spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', out, new URL('../../test-results/report-pdf', import.meta.url).pathname]);
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    if (text.error) return; // pdftotext (poppler-utils) absent: the layout checks above still ran
    // Single words: headers wrap inside their cells.
    for (const header of ['Speed-up', 'inference', 'Peak', 'Acc.', 'Sparse', 'verdict', 'eligible', 'sha256'])
      assert.ok(text.stdout.includes(header), `PDF lacks "${header}"`);
  });

  it('prints the same report to PDF', async () => {
    const out = join(root, 'report.pdf');
    await writeReport(report, 'pdf', out);
    const pdf = await readFile(out);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.byteLength > 20_000);
  });
});

describe('PDF without Chromium', () => {
  it('says how to install it', async () => {
    const saved = process.env.SPARSE_STUDIO_CHROMIUM;
    process.env.SPARSE_STUDIO_CHROMIUM = '/nonexistent/chromium';
    try {
      await assert.rejects(
        writeReport({} as Report, 'pdf', join(tmpdir(), 'never.pdf')),
        /SPARSE_STUDIO_CHROMIUM=\/nonexistent\/chromium is not an executable file[\s\S]*apt-get install chromium/,
      );
    } finally {
      if (saved === undefined) delete process.env.SPARSE_STUDIO_CHROMIUM;
      else process.env.SPARSE_STUDIO_CHROMIUM = saved;
    }
  });
});
