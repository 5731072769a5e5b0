import { createI18n, type Language } from '../../../shared/i18n/i18n';
import { WhatifReportView } from '../../../shared/whatif-view/WhatifReportView';
import { renderStaticPage } from '../report/static-page';
import type { WhatifReport } from './whatif-report';

/** whatif.html: the app's what-if report component rendered to one self-contained page in `lang`. */
export async function renderWhatifHtml(report: WhatifReport, lang: Language = 'en'): Promise<string> {
  const i18n = createI18n(lang);
  const title = i18n.t('whatif.report.htmlTitle', { file: report.source.file });
  return renderStaticPage({ lang, i18n, title, body: <WhatifReportView report={report} /> });
}
