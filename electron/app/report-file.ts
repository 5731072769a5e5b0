// One report export as bytes with a file name of its own (`<run>-report.<ext>`), for browser-mode downloads and the
// desktop save dialog: an export never silently replaces a run's report/report.* files.
import { basename } from 'node:path';
import { repetitionsCsv, summaryCsv } from '../core/report/export-csv';
import { renderPdf } from '../core/report/export-pdf';
import { renderReportHtml, type PageSize } from '../core/report/render-html';
import type { Language } from '../../shared/i18n/languages';
import type { Report } from '../core/report/types';

export const EXPORT_FORMATS = ['json', 'csv', 'summary-csv', 'html', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const FILE_ENDINGS: Record<ExportFormat, { suffix: string; mimeType: string }> = {
  json: { suffix: 'report.json', mimeType: 'application/json' },
  csv: { suffix: 'report.csv', mimeType: 'text/csv' },
  'summary-csv': { suffix: 'report-summary.csv', mimeType: 'text/csv' },
  html: { suffix: 'report.html', mimeType: 'text/html' },
  pdf: { suffix: 'report.pdf', mimeType: 'application/pdf' },
};

/** A name safe on every file system: letters, digits, dot, dash, underscore. */
function safePart(text: string): string {
  return text.replace(/[^\w.-]+/g, '_').replace(/^[._]+/, '') || 'run';
}

/** `<run>-report.pdf`; comparisons name their runs: `<a>-vs-<b>-report.pdf`, `<a>-and-3-more-report.pdf`. */
export function reportFileName(runDirs: string[], format: ExportFormat): string {
  const names = runDirs.map((dir) => safePart(basename(dir)));
  const stem =
    names.length <= 2 ? names.join('-vs-') : `${names[0]}-and-${names.length - 1}-more`;
  return `${stem}-${FILE_ENDINGS[format].suffix}`;
}

export interface ReportFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export async function renderReportFile(
  report: Report,
  runDirs: string[],
  format: ExportFormat,
  options: { lang: Language; page: PageSize },
  printToPdf?: (html: string, page: PageSize) => Promise<Uint8Array>,
): Promise<ReportFile> {
  const text = (value: string): Uint8Array => new TextEncoder().encode(value);
  let bytes: Uint8Array;
  switch (format) {
    case 'json':
      bytes = text(`${JSON.stringify(report, null, 2)}\n`);
      break;
    case 'csv':
      bytes = text(repetitionsCsv(report));
      break;
    case 'summary-csv':
      bytes = text(summaryCsv(report));
      break;
    case 'html':
      bytes = text(await renderReportHtml(report, options));
      break;
    case 'pdf': {
      const html = await renderReportHtml(report, options);
      bytes = printToPdf ? await printToPdf(html, options.page) : await renderPdf(html, options.page);
      break;
    }
  }
  return { fileName: reportFileName(runDirs, format), mimeType: FILE_ENDINGS[format].mimeType, bytes };
}
