import { useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Report } from '../../api/responses';
import { ReportDocument } from '../../../../shared/report-view/ReportDocument';
import { createI18n, languageForLocale } from '../../../../shared/i18n/i18n';
import '../../../../shared/report-view/report.css';

/**
 * The report of one or several runs: the same component the HTML/PDF export renders. Shared by the Report step and
 * History. ReportDocument reads its words through react-i18next, so it needs an i18n instance (the page's locale);
 * without one the screen threw ("exists is not a function") as soon as a model's XNNPACK rules were listed.
 */
export function ReportView({ report }: { report: Report }) {
  const i18n = useMemo(() => createI18n(languageForLocale(navigator.language)), []);
  return (
    <I18nextProvider i18n={i18n}>
      <div className="screen report-screen">
        <ReportDocument report={report} />
      </div>
    </I18nextProvider>
  );
}
