import type { Report } from '../../api/responses';
import { Section } from '../../components/fields';
import { ReportCharts } from './ReportCharts';
import { describeMissing } from '../../state/missing-items';
import { DevicesTable, LatencyTable, ModelsTable, OpComparisonTables, SpeedupTable } from './ReportTables';

/** The whole report of one or several runs: charts, tables, what is missing. Shared by the Report step and History. */
export function ReportView({ report }: { report: Report }) {
  return (
    <div className="screen" data-testid="report-view">
      {report.synthetic ? (
        <p className="banner synthetic" data-testid="report-synthetic">
          Some numbers come from an emulated phone (synthetic): they are not measurements.
        </p>
      ) : null}
      {report.missing.length > 0 ? (
        <Section title="Not in this report">
          <ul className="missing" data-testid="report-missing">
            {report.missing.map((m, i) => (
              <li key={i}>
                {describeMissing(m.item)}{' '}
                <span className="muted small">
                  {report.runs.length > 1 ? `Run ${m.run}: ` : ''}
                  {m.detail} (<code>{m.item}</code>)
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title="Charts">
        <ReportCharts report={report} />
      </Section>
      <Section title="Models">
        <ModelsTable report={report} />
      </Section>
      <Section title="Latency">
        <LatencyTable report={report} />
        <SpeedupTable report={report} />
      </Section>
      {report.opComparisons.length > 0 ? (
        <Section title="Operators">
          <OpComparisonTables report={report} />
        </Section>
      ) : null}
      <Section title="Devices">
        <DevicesTable report={report} />
      </Section>
    </div>
  );
}
