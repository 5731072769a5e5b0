import { useTranslation } from 'react-i18next';
import type { Report } from '../api/responses';
import { Section } from '../components/fields';
import { configDifferences } from '../state/config-diff';

function DifferenceRows({ rows }: { rows: { key: string; values: string[] }[] }) {
  return (
    <>
      {rows.map((d) => (
        <tr key={d.key}>
          <th>
            <code>{d.key}</code>
          </th>
          {d.values.map((v, i) => (
            <td key={i}>{v}</td>
          ))}
        </tr>
      ))}
    </>
  );
}

/** For a comparison: which run is which (name, folder) and the settings that differ between them. */
export function ComparisonSummary({ report, names }: { report: Report; names: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  if (report.runs.length < 2) return null;
  const differences = configDifferences(report.runs);
  const shared = differences.filter((d) => d.shared);
  const partial = differences.filter((d) => !d.shared);
  const header = (
    <thead>
      <tr>
        <th>{t('history.setting')}</th>
        {report.runs.map((r) => (
          <th key={r.id}>
            {names[r.dir] ?? r.id}
            {names[r.dir] ? <div className="muted small">{r.id}</div> : null}
          </th>
        ))}
      </tr>
    </thead>
  );
  return (
    <Section title={t('history.runsInComparison')}>
      <table className="table" data-testid="comparison-differences">
        {header}
        <tbody>
          {shared.length === 0 ? (
            <tr>
              <td colSpan={report.runs.length + 1} className="muted">
                {t('history.noDifference')}
              </td>
            </tr>
          ) : (
            <DifferenceRows rows={shared} />
          )}
        </tbody>
      </table>
      {partial.length > 0 ? (
        <details>
          <summary>{t('history.partial', { count: partial.length })}</summary>
          <table className="table compact">
            {header}
            <tbody>
              <DifferenceRows rows={partial} />
            </tbody>
          </table>
        </details>
      ) : null}
    </Section>
  );
}
