import { readFile } from 'node:fs/promises';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import type { Language } from '../../../shared/i18n/i18n';
import { embeddedFontCss } from './report-fonts';
import { pageRule, type PageSize } from './pdf-options';

// One self-contained HTML page from the app's own React components (the comparison report, the what-if report):
// static markup in `lang`, the report stylesheet and font inlined, no script and no external request, so the file
// opens offline and prints the same everywhere.

const REPORT_CSS = new URL('../../../shared/report-view/report.css', import.meta.url);

const PAGE_CSS = (size: PageSize) => `
${pageRule(size)}
html{background:#fff}body{margin:24px auto;padding:0 16px;max-width:1000px}
@media print{body{margin:0;padding:0;max-width:none}}
`;

export interface StaticPage {
  lang: Language;
  i18n: i18n;
  title: string;
  body: ReactElement;
  page?: PageSize;
}

export async function renderStaticPage({ lang, i18n, title, body, page }: StaticPage): Promise<string> {
  const markup = renderToStaticMarkup(<I18nextProvider i18n={i18n}>{body}</I18nextProvider>);
  const [css, fonts] = await Promise.all([readFile(REPORT_CSS, 'utf8'), embeddedFontCss()]);
  const escapedTitle = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>${escapedTitle}</title><style>${fonts}\n${css}\n${PAGE_CSS(page ?? 'A4')}</style></head>
<body>${markup}</body></html>
`;
}
