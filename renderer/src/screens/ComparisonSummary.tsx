import type { Report } from '../api/responses';
import { Section } from '../components/fields';
import { configDifferences } from '../state/config-diff';

/** For a comparison: which run is which (name, folder) and the settings that differ between them. */
export function ComparisonSummary({ report, names }: { report: Report; names: Record<string, string | undefined> }) {
  if (report.runs.length < 2) return null;
  const differences = configDifferences(report.runs);
  return (
    <Section title="Runs in this comparison">
      <table className="table" data-testid="comparison-differences">
        <thead>
          <tr>
            <th>Setting</th>
            {report.runs.map((r) => (
              <th key={r.id}>
                {names[r.dir] ?? r.id}
                {names[r.dir] ? <div className="muted small">{r.id}</div> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {differences.length === 0 ? (
            <tr>
              <td colSpan={report.runs.length + 1} className="muted">
                The runs were made with the same settings.
              </td>
            </tr>
          ) : (
            differences.map((d) => (
              <tr key={d.key}>
                <th>
                  <code>{d.key}</code>
                </th>
                {d.values.map((v, i) => (
                  <td key={i}>{v}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </Section>
  );
}
