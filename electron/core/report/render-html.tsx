import { createI18n, type Language } from '../../../shared/i18n/i18n';
import { ReportDocument } from '../../../shared/report-view/ReportDocument';
import type { PageSize } from './pdf-options';
import { renderStaticPage } from './static-page';
import type { Report } from './types';

// The HTML/PDF report: the app's own React report component rendered to static markup (static-page.tsx).

export type { PageSize };

export interface HtmlOptions {
  lang?: Language;
  page?: PageSize;
}

export async function renderReportHtml(report: Report, options: HtmlOptions = {}): Promise<string> {
  const lang = options.lang ?? 'en';
  const i18n = createI18n(lang);
  const title = `${i18n.t('report.title')} — ${report.runs.map((r) => r.id).join(', ')}`;
  return renderStaticPage({
    lang,
    i18n,
    title,
    body: <ReportDocument report={report} />,
    ...(options.page ? { page: options.page } : {}),
  });
}
