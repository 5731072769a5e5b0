import { useEffect } from 'react';
import { useCommand } from '../api/use-command';
import type { Report } from '../api/responses';
import { ErrorBox } from '../components/ErrorBox';
import { Section } from '../components/fields';
import { usePipeline } from '../state/pipeline-context';
import { ExportButtons } from './report/ExportButtons';
import { ReportView } from './report/ReportView';
import { useRunScoped } from '../state/use-run-scoped';

export function ReportScreen({ visible }: { visible: boolean }) {
  const { pipeline } = usePipeline();
  const build = useCommand<'report.build', Report>('report.build');
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
        title="Report"
        actions={
          <button
            type="button"
            onClick={() => key && void run({ runDirs })}
            disabled={!key || build.busy}
            data-testid="report-refresh"
          >
            Refresh
          </button>
        }
      >
        {runDirs.length === 0 ? (
          <p className="muted" data-testid="report-empty">
            Train, prune, convert and benchmark a model first (steps 3 to 6), or open runs from History to compare them.
          </p>
        ) : (
          <p className="muted">
            Run <code>{runDirs.join(', ')}</code>
          </p>
        )}
        {build.busy ? <p className="muted">Building the report…</p> : null}
        <ErrorBox error={build.error} testId="report-error" />
        {key ? <ExportButtons runDirs={runDirs} /> : null}
      </Section>
      {build.value && key ? <ReportView report={build.value} /> : null}
    </div>
  );
}
