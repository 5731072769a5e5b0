import type { Report } from '../../api/responses';
import { ReportDocument } from '../../../../shared/report-view/ReportDocument';
import '../../../../shared/report-view/report.css';

/** The report of one or several runs: the same component the HTML/PDF export renders. Shared by the Report step and History. */
export function ReportView({ report }: { report: Report }) {
  return (
    <div className="screen report-screen">
      <ReportDocument report={report} />
    </div>
  );
}
