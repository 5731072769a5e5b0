import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { buildReport } from '../../electron/core/report/build-report';
import { findChromium } from '../../electron/core/report/chromium';
import { withReportPage } from '../../electron/core/report/headless-page';
import { renderReportHtml } from '../../electron/core/report/render-html';
import { writeReport } from '../../electron/core/report/write-report';
import type { Report } from '../../electron/core/report/types';
import { writeFixtureRun } from './fixture-run';

const run = promisify(execFile);
const CHARTS: Record<string, string> = {
  latency: 'rect.box',
  speedup: 'circle.point',
  training: 'polyline.series-line',
  sparsity: 'polyline.series-line',
  'op-profile': 'rect.share',
};
const chromium = await findChromium();
const skip = chromium
  ? false
  : 'no Chromium found (install chromium or set SPARSE_STUDIO_CHROMIUM): HTML rendering and PDF not tested';
const pdftotext = await run('pdftotext', ['-v']).then(
  () => true,
  () => false,
);

describe('report rendered in headless Chromium', { skip }, () => {
  let root: string;
  let report: Report;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'sparse-render-'));
    report = await buildReport([await writeFixtureRun(root, { id: 'render-fixture', repetitions: 2 })]);
  });
  after(async () => rm(root, { recursive: true, force: true }));

  for (const lang of ['en', 'th'] as const) {
    it(`${lang}: headline first, every chart drawn, no table wider than an A4 page, offline; screenshot to test-results/`, async () => {
      const shots = new URL('../../test-results/', import.meta.url).pathname;
      await mkdir(shots, { recursive: true });
      const requests: string[] = [];
      const result = await withReportPage(await renderReportHtml(report, { lang }), async (page) => {
        page.on('request', (r) => requests.push(r.url()));
        // A4 at 96 dpi less the 10 mm side margins: the width the PDF prints tables into.
        await page.setViewportSize({ width: 718, height: 1000 });
        await page.emulateMedia({ media: 'print' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await page.screenshot({ path: join(shots, `report-fixture-${lang}.png`), fullPage: true });
        return page.evaluate((selectors) => {
          const sections = [...document.querySelectorAll('article.report > section')].map(
            (s) => s.getAttribute('data-section') ?? s.className,
          );
          const charts = [...document.querySelectorAll('svg[data-chart]')].map((svg) => ({
            chart: svg.getAttribute('data-chart')!,
            width: svg.getBoundingClientRect().width,
            marks: svg.querySelectorAll(selectors[svg.getAttribute('data-chart')!] ?? 'none').length,
          }));
          const wide = [...document.querySelectorAll('table')]
            .filter((t) => t.scrollWidth > (t.parentElement?.clientWidth ?? 0) + 1)
            .map((t) => `${t.getAttribute('data-testid') ?? t.className}: ${t.scrollWidth} > ${t.parentElement?.clientWidth}`);
          const fontsLoaded = [...document.fonts].filter((f) => f.family.includes('Sarabun') && f.status === 'loaded').length;
          return {
            sections,
            charts,
            wide,
            fontsLoaded,
            headline: document.querySelector('[data-testid="report-headline"]')?.textContent ?? '',
            reasons: [...document.querySelectorAll('[data-testid="xnnpack-verdict"] td.reason')].map((td) => td.textContent ?? ''),
          };
        }, CHARTS);
      });
      assert.ok(result.sections[0]?.includes('headline'), `first section is ${result.sections[0]}`);
      for (const name of Object.keys(CHARTS)) {
        const found = result.charts.filter((c) => c.chart === name);
        assert.ok(found.length > 0, `chart ${name} missing`);
        for (const c of found) {
          assert.ok(c.width > 300, `chart ${name} has no size`);
          assert.ok(c.marks > 0, `chart ${name} draws no data`);
        }
      }
      assert.deepEqual(result.wide, []);
      assert.ok(result.fontsLoaded >= 1, 'the embedded Sarabun font was not used');
      assert.match(
        result.headline,
        lang === 'th' ? /โมเดลที่ตัดแต่งเร็วขึ้น 1\.\d\d×/ : /Pruned is 1\.\d\d× faster \(median [\d.]+\sµs vs [\d.]+\sµs/,
      );
      assert.deepEqual(requests, []);
      // The checker's own reasons (real verdicts of the guide model, dense and sparse), in the reader's language.
      assert.equal(result.reasons.length, 12);
      if (lang === 'th') {
        for (const reason of result.reasons) assert.match(reason, /[\u0E00-\u0E7F]/, `untranslated reason: ${reason}`);
        assert.ok(result.reasons.some((r) => r.startsWith('ไม่มี DENSIFY ของค่าคงที่แบบเบาบาง')));
      } else {
        assert.ok(result.reasons.some((r) => /^no DENSIFY of a sparse constant/.test(r)));
        assert.ok(result.reasons.some((r) => /^\d+ of \d+ weights are zero \(7\d\.\d %; needs > 66\.7 %\)$/.test(r)));
      }
    });
  }

  // A4 minus the PDF's 10 mm side margins is 190 mm = 718 CSS px; the desktop check is a 1280 px wide window.
  for (const lang of ['en', 'th'] as const)
    for (const [name, width, media] of [
      ['a 1280 px window', 1280, 'screen'],
      ['the A4 PDF page', 718, 'print'],
    ] as const) {
      it(`${lang}: every table fits ${name} without horizontal scrolling or cut columns`, async () => {
        const overflow = await withReportPage(await renderReportHtml(report, { lang }), async (page) => {
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ media });
          return page.evaluate(() => {
            const limit = document.documentElement.clientWidth;
            const tables = [...document.querySelectorAll('table')].flatMap((t) => {
              const box = t.getBoundingClientRect();
              const header = [...t.querySelectorAll('th')].map((th) => th.textContent ?? '').join(' | ');
              return box.right > limit + 0.5 || box.left < -0.5
                ? [`${header.slice(0, 80)}: right edge ${box.right} > ${limit}`]
                : [];
            });
            const page =
              document.documentElement.scrollWidth > limit
                ? [`page scrolls: ${document.documentElement.scrollWidth} > ${limit}`]
                : [];
            return [...page, ...tables];
          });
        });
        assert.deepEqual(overflow, []);
      });
    }

  it("the PDF carries every summary column and the models table's verdict", async () => {
    const out = join(root, 'columns.pdf');
    await writeReport(report, 'pdf', out);
    await mkdir(new URL('../../test-results/', import.meta.url).pathname, { recursive: true });
    spawnSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '2',
      out,
      new URL('../../test-results/report-pdf', import.meta.url).pathname,
    ]);
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    if (text.error) return; // pdftotext (poppler-utils) absent: the layout checks above still ran
    // Single words: headers wrap inside their cells.
    for (const header of ['Speed-up', 'inference', 'Peak', 'Acc.', 'Sparse', 'checklist', 'eligible', 'fail', 'sha256'])
      assert.ok(text.stdout.includes(header), `PDF lacks "${header}"`);
  });

  it(
    'prints the same report to PDF with the font embedded; the Thai PDF has the Thai headline in its text layer',
    { skip: pdftotext ? false : 'pdftotext not installed' },
    async () => {
      const out = join(root, 'report-th.pdf');
      await writeReport(report, 'pdf', out, { lang: 'th', page: 'Letter' });
      const pdf = await readFile(out);
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const text = (await run('pdftotext', ['-layout', out, '-'])).stdout;
      assert.match(text, /โมเดลที่ตัดแต่งเร็วขึ้น 1\.\d\d×/);
      const fonts = (await run('pdffonts', [out])).stdout;
      assert.match(fonts, /Sarabun-Regular\s+CID TrueType\s+Identity-H\s+yes/);
    // Every Thai glyph comes from the shipped font: none falls back to a system Thai font (fonts-thai-tlwg here).
    assert.doesNotMatch(fonts, /Loma|Garuda|Kinnari|Norasi|Laksaman|Waree|Umpush|Sawasdee|Purisa|Tlwg/);
      const info = (await run('pdfinfo', [out])).stdout;
      assert.match(info, /Page size:\s+612 x 792 pts \(letter\)/);
    },
  );
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
