import { useTranslation } from 'react-i18next';
import { keepUnits } from '../format/formatters';
import type { Report } from '../../electron/core/report/types';
import { LatencyBoxPlot, type LatencyPanel } from './charts/LatencyBoxPlot';
import { SpeedupIntervals } from './charts/SpeedupIntervals';
import { DevicesSection, OpProfiles, RepetitionsTable, RunsSection, ToolsTable } from './DetailTables';
import { Headline } from './Headline';
import { missingKind } from './missing-items';
import { groupLabel } from './labels';
import { LayersTables, ModelsTable, SparseTensorsTable, VerdictChecklist } from './ModelTables';
import { ReportSection } from './Section';
import { LatencyDetailTables, SpeedupTable, SummaryTable } from './SummaryTables';
import { TrainingCharts } from './TrainingCharts';
import { useFormat } from './use-format';

function latencyPanels(report: Report, role: (r: 'dense' | 'pruned') => string, thisComputer: string): LatencyPanel[] {
  const panels = new Map<string, LatencyPanel>();
  for (const b of report.benchmarks) {
    const key = `${b.run}\u0000${b.device}`;
    const panel = panels.get(key) ?? { label: groupLabel(report, b.device, b.run, thisComputer), synthetic: false, rows: [] };
    panel.synthetic ||= b.synthetic;
    panel.rows.push({ role: b.role, label: role(b.role), box: b.latencyBox });
    panels.set(key, panel);
  }
  for (const p of panels.values()) p.rows.sort((a, b) => a.role.localeCompare(b.role));
  return [...panels.values()];
}

/**
 * The whole report of one or several runs: the answer first (headline, latency and speed-up charts), then the
 * detail. The app shows it, and the HTML/PDF export is this same component rendered on the server.
 */
export function ReportDocument({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  const fromStats = report.benchmarks.filter((b) => b.latency.source === 'repetition-stats');
  return (
    <article className="report" data-testid="report-view" lang={f.lang}>
      <header className="report-header">
        <h1>{report.runs.length > 1 ? t('report.titleCompare', { count: report.runs.length }) : t('report.title')}</h1>
        <p className="muted">
          {report.runs.map((r) => r.id).join(', ')} ·{' '}
          {t('report.generated', {
            date: f.date(report.generatedAt),
            version: report.generator.version ?? '',
            schema: report.schemaVersion,
          })}
        </p>
        {report.synthetic ? (
          <p className="banner synthetic" data-testid="report-synthetic">
            {t('report.synthetic.banner')}
          </p>
        ) : null}
        {report.missing.length > 0 ? (
          <div className="missing" data-testid="report-missing">
            <strong>{t('report.missing.title')}</strong>
            <ul>
              {report.missing.map((m, i) => (
                <li key={i}>
                  {t(`report.missing.kind.${missingKind(m.item)}`)}{' '}
                  <span className="muted small value" data-raw>
                    {report.runs.length > 1 ? `${m.run}: ` : ''}
                    {m.detail} (<code>{m.item}</code>)
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </header>
      <Headline report={report} />
      <ReportSection id="charts" title={t('report.sections.latency')} keep>
        <LatencyBoxPlot panels={latencyPanels(report, (r) => t(`report.role.${r}`), t('report.devices.thisComputer'))} />
        <SpeedupIntervals
          points={report.speedups.map((s) => ({
            label: groupLabel(report, s.device, s.run, t('report.devices.thisComputer')),
            synthetic: s.synthetic,
            speedup: s.speedup,
            low: s.ci?.low ?? null,
            high: s.ci?.high ?? null,
          }))}
        />
      </ReportSection>
      <ReportSection id="summary" title={t('report.sections.summary')}>
        <SummaryTable report={report} />
        <SpeedupTable report={report} />
        <p className="muted note">
          {t('report.notes.speedup')}. {keepUnits(t('report.notes.speedupCi'))}.
        </p>
        <p className="muted note">
          {fromStats.length
            ? t('report.notes.statsOnly', {
                list: fromStats
                  .map(
                    (b) =>
                      `${groupLabel(report, b.device, b.run, t('report.devices.thisComputer'))} ${t(`report.role.${b.role}`)}`,
                  )
                  .join(', '),
              })
            : t('report.notes.allRuns')}
        </p>
        <h3>{t('report.sections.latencyDetail')}</h3>
        <LatencyDetailTables report={report} />
      </ReportSection>
      <ReportSection id="models" title={t('report.sections.models')}>
        <ModelsTable report={report} />
        <h3>{t('report.sections.verdict')}</h3>
        <VerdictChecklist report={report} />
        <h3>{t('report.sections.sparseTensors')}</h3>
        <SparseTensorsTable report={report} />
        <h3>{t('report.sections.layers')}</h3>
        <LayersTables report={report} />
      </ReportSection>
      <ReportSection id="training" title={t('report.sections.training')}>
        <TrainingCharts report={report} />
      </ReportSection>
      <ReportSection id="ops" title={t('report.sections.ops')}>
        <p className="note">{t('report.ops.overhead')}</p>
        {report.opComparisons.length ? <OpProfiles report={report} /> : <p className="muted">{t('report.ops.none')}</p>}
      </ReportSection>
      <ReportSection id="devices" title={t('report.sections.devices')}>
        <DevicesSection report={report} />
      </ReportSection>
      <ReportSection id="tools" title={t('report.sections.tools')}>
        <ToolsTable report={report} />
      </ReportSection>
      <ReportSection id="repetitions" title={t('report.sections.repetitions')}>
        <RepetitionsTable report={report} />
      </ReportSection>
      <ReportSection id="runs" title={t('report.sections.runs')}>
        <RunsSection report={report} />
      </ReportSection>
    </article>
  );
}
