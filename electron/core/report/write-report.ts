import { dirname, basename, extname, join } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../util/atomic-write';
import { UserError } from '../util/errors';
import { requireChromium } from './chromium';
import { renderPdf } from './export-pdf';
import { repetitionsCsv, summaryCsv } from './export-csv';
import { renderReportHtml, type HtmlOptions } from './render-html';
import type { Report } from './types';

export const REPORT_FORMATS = ['json', 'csv', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function parseReportFormat(value: string | undefined): ReportFormat {
  const format = (value ?? 'html') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) {
    throw new UserError('BAD_OPTION', `--format must be one of ${REPORT_FORMATS.join(', ')}, got '${value}'`);
  }
  return format;
}

/** `report.csv` -> `report.summary.csv`, next to it. */
export function summaryCsvPath(out: string): string {
  const ext = extname(out) || '.csv';
  return join(dirname(out), `${basename(out, extname(out))}.summary${ext}`);
}

/** Writes the report in one format (atomically), HTML and PDF in `options.lang`. CSV writes two files: per repetition, and the summary. */
export async function writeReport(
  report: Report,
  format: ReportFormat,
  out: string,
  options: HtmlOptions = {},
): Promise<string[]> {
  switch (format) {
    case 'json':
      await writeJsonAtomic(out, report);
      return [out];
    case 'csv': {
      const summary = summaryCsvPath(out);
      await writeFileAtomic(out, repetitionsCsv(report));
      await writeFileAtomic(summary, summaryCsv(report));
      return [out, summary];
    }
    case 'html':
      await writeFileAtomic(out, await renderReportHtml(report, options));
      return [out];
    case 'pdf':
      await requireChromium(); // before any work, so a missing browser is reported at once
      await writeFileAtomic(out, await renderPdf(await renderReportHtml(report, options), options.page));
      return [out];
  }
}
