// The CLI's and the desktop app's PDFs share one page setup; the margins it declares are the margins Chromium prints.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { buildReport } from '../../electron/core/report/build-report';
import { findChromium } from '../../electron/core/report/chromium';
import {
  electronPrintToPdfOptions,
  PAGE_MARGINS_MM,
  pageRule,
  playwrightPdfOptions,
} from '../../electron/core/report/pdf-options';
import { renderReportHtml } from '../../electron/core/report/render-html';
import { writeReport } from '../../electron/core/report/write-report';
import { writeFixtureRun } from './fixture-run';

const run = promisify(execFile);
const PT_PER_MM = 72 / 25.4;

describe('PDF page setup', () => {
  for (const size of ['A4', 'Letter'] as const) {
    it(`${size}: Electron's printToPDF and Playwright's pdf get the same paper, margins and backgrounds`, () => {
      const electron = electronPrintToPdfOptions(size);
      const playwright = playwrightPdfOptions(size);
      assert.equal(electron.pageSize, size);
      assert.equal(playwright.format, size);
      assert.equal(electron.printBackground && playwright.printBackground, true);
      for (const side of ['top', 'right', 'bottom', 'left'] as const) {
        // Electron takes inches, Playwright CSS lengths.
        assert.ok(Math.abs(electron.margins[side] * 25.4 - PAGE_MARGINS_MM[side]) < 1e-9, side);
        assert.equal(playwright.margin[side], `${PAGE_MARGINS_MM[side]}mm`);
      }
      assert.equal(pageRule(size), `@page{size:${size};margin:12mm 10mm 12mm 10mm}`);
    });
  }

  it('the report HTML carries the same @page rule', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sparse-pdf-options-'));
    try {
      const report = await buildReport([await writeFixtureRun(root, { id: 'pdf-options', repetitions: 1 })]);
      assert.ok((await renderReportHtml(report, { page: 'Letter' })).includes(pageRule('Letter')));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

const pdftotext = await run('pdftotext', ['-v']).then(
  () => true,
  () => false,
);
const chromium = await findChromium();

describe('PDF margins as printed', { skip: !chromium ? 'no Chromium found' : !pdftotext ? 'pdftotext not installed' : false }, () => {
  it('every word on an A4 page lies inside the declared margins, and the text starts at the left margin', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sparse-pdf-margins-'));
    try {
      const report = await buildReport([await writeFixtureRun(root, { id: 'pdf-margins', repetitions: 2 })]);
      const out = join(root, 'report.pdf');
      await writeReport(report, 'pdf', out, { page: 'A4' });
      const info = (await run('pdfinfo', [out])).stdout;
      const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      const [width, height] = [Number(w), Number(h)];
      assert.ok(Math.abs(width - 595.28) < 1 && Math.abs(height - 841.89) < 1, info);
      const html = (await run('pdftotext', ['-bbox', '-f', '1', '-l', '1', out, '-'], { maxBuffer: 1 << 26 })).stdout;
      const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)].map((m) =>
        m.slice(1, 5).map(Number),
      );
      assert.ok(words.length > 20, `only ${words.length} words on page 1`);
      const m = PAGE_MARGINS_MM;
      const tolerance = 1; // pt: glyph boxes can overhang by a hair
      const xMin = Math.min(...words.map((b) => b[0]!));
      const xMax = Math.max(...words.map((b) => b[2]!));
      const yMin = Math.min(...words.map((b) => b[1]!));
      const yMax = Math.max(...words.map((b) => b[3]!));
      assert.ok(xMin >= m.left * PT_PER_MM - tolerance, `text starts at ${xMin} pt, left margin is ${m.left * PT_PER_MM} pt`);
      assert.ok(xMin <= m.left * PT_PER_MM + 12, `text starts at ${xMin} pt, far right of the ${m.left} mm margin`);
      assert.ok(xMax <= width - m.right * PT_PER_MM + tolerance, `text reaches ${xMax} pt of ${width}`);
      assert.ok(yMin >= m.top * PT_PER_MM - tolerance, `text starts ${yMin} pt from the top`);
      assert.ok(yMax <= height - m.bottom * PT_PER_MM + tolerance, `text reaches ${yMax} pt of ${height}`);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
