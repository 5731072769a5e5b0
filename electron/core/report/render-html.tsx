import { readFile } from 'node:fs/promises';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type Language } from '../../../shared/i18n/i18n';
import { ReportDocument } from '../../../shared/report-view/ReportDocument';
import { embeddedFontCss } from './report-fonts';
import { pageRule, type PageSize } from './pdf-options';
import type { Report } from './types';

// The HTML/PDF report: the app's own React report component rendered to static markup, with its stylesheet and
// font inlined. No script, no external request: the file opens offline and prints the same everywhere.

export type { PageSize };

const REPORT_CSS = new URL('../../../shared/report-view/report.css', import.meta.url);

const PAGE_CSS = (size: PageSize) => `
${pageRule(size)}
html{background:#fff}body{margin:24px auto;padding:0 16px;max-width:1000px}
@media print{body{margin:0;padding:0;max-width:none}}
`;

export interface HtmlOptions {
  lang?: Language;
  page?: PageSize;
}

export async function renderReportHtml(report: Report, options: HtmlOptions = {}): Promise<string> {
  const lang = options.lang ?? 'en';
  const i18n = createI18n(lang);
  const body = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <ReportDocument report={report} />
    </I18nextProvider>,
  );
  const [css, fonts] = await Promise.all([readFile(REPORT_CSS, 'utf8'), embeddedFontCss()]);
  const title = `${i18n.t('report.title')} — ${report.runs.map((r) => r.id).join(', ')}`;
  const escapedTitle = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>${escapedTitle}</title><style>${fonts}\n${css}\n${PAGE_CSS(options.page ?? 'A4')}</style></head>
<body>${body}</body></html>
`;
}
