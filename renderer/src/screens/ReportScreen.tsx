import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../api/use-command';
import { ErrorBox } from '../components/ErrorBox';
import { Section } from '../components/fields';
import { usePipeline } from '../state/pipeline-context';
import { ExportButtons } from './report/ExportButtons';
import { ReportView } from './report/ReportView';
import { useRunScoped } from '../state/use-run-scoped';

export function ReportScreen({ visible }: { visible: boolean }) {
  const { t } = useTranslation();
  const { pipeline } = usePipeline();
  const build = useCommand('report.build');
  const runDirs = pipeline.runDir ? [pipeline.runDir] : [];
  const { run, reset } = build;
  useRunScoped(reset);
  const key = runDirs.join('\n');
  useEffect(() => {
    if (visible && key) void run({ runDirs: key.split('\n') });
  }, [run, key, visible]);

  return (
    <div className="screen" data-testid="screen-report">
      <Section
        title={t('report.screen.title')}
        actions={
          <button
            type="button"
            onClick={() => key && void run({ runDirs })}
            disabled={!key || build.busy}
            data-testid="report-refresh"
          >
            {t('report.screen.refresh')}
          </button>
        }
      >
        {runDirs.length === 0 ? (
          <p className="muted" data-testid="report-empty">
            {t('report.screen.none')}
          </p>
        ) : (
          <p className="muted">
            {t('report.screen.runs')} <code>{runDirs.join(', ')}</code>
          </p>
        )}
        {build.busy ? <p className="muted">{t('report.screen.building')}</p> : null}
        <ErrorBox error={build.error} testId="report-error" />
        {key ? <ExportButtons runDirs={runDirs} /> : null}
      </Section>
      {build.value && key ? <ReportView report={build.value} /> : null}
    </div>
  );
}
