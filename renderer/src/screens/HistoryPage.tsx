import { useEffect, useState } from 'react';
import { useCommand } from '../api/use-command';
import type { Report } from '../api/responses';
import { ErrorBox } from '../components/ErrorBox';
import { Section } from '../components/fields';
import { usePipeline } from '../state/pipeline-context';
import { runRows } from '../state/run-list';
import { ExportButtons } from './report/ExportButtons';
import { ReportView } from './report/ReportView';

/** Past runs in the workspace: open one, compare several (one report over them), or continue one in the wizard. */
export function HistoryPage({ visible, onContinue }: { visible: boolean; onContinue(): void }) {
  const { update } = usePipeline();
  const list = useCommand('runs.list');
  const build = useCommand<'report.build', Report>('report.build');
  const [selected, setSelected] = useState<string[]>([]);
  const [shown, setShown] = useState<string[]>([]);
  const { run } = list;
  useEffect(() => {
    if (visible) void run({});
  }, [run, visible]);
  const runs = runRows(list.value);

  const open = (dirs: string[]): void => {
    setShown(dirs);
    void build.run({ runDirs: dirs });
  };

  return (
    <div className="screen" data-testid="screen-history">
      <Section
        title="Run history"
        actions={
          <>
            <button type="button" onClick={() => void run({})} disabled={list.busy}>
              Refresh
            </button>
            <button
              type="button"
              className="primary"
              disabled={selected.length < 2}
              onClick={() => open(selected)}
              data-testid="history-compare"
            >
              Compare {selected.length > 1 ? selected.length : ''} runs
            </button>
          </>
        }
      >
        <ErrorBox error={list.error} />
        {runs.length === 0 && !list.busy ? <p className="muted">No runs in the workspace yet.</p> : null}
        {runs.length > 0 ? (
          <table className="table" data-testid="history-table">
            <thead>
              <tr>
                <th>
                  <span className="visually-hidden">Select</span>
                </th>
                <th>Run</th>
                <th>Kind</th>
                <th>Status</th>
                <th>Created</th>
                <th>Key numbers</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.dir}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${r.id}`}
                      checked={selected.includes(r.dir)}
                      disabled={r.error !== undefined}
                      onChange={(e) => setSelected((s) => (e.target.checked ? [...s, r.dir] : s.filter((d) => d !== r.dir)))}
                    />
                  </td>
                  <td>
                    <code>{r.id}</code>
                  </td>
                  <td>{r.kind}</td>
                  <td>
                    <span className={`badge badge-${r.status}`}>{r.status}</span>
                  </td>
                  <td>{r.createdAt ? new Date(r.createdAt).toLocaleString() : '—'}</td>
                  <td className={r.error ? 'error-message' : 'muted'}>{r.error ?? r.summary}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="link"
                      onClick={() => open([r.dir])}
                      disabled={r.error !== undefined}
                      data-testid={`history-open-${r.id}`}
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      className="link"
                      disabled={r.error !== undefined}
                      onClick={() => {
                        update({ runDir: r.dir });
                        onContinue();
                      }}
                    >
                      Continue
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Section>
      {shown.length > 0 ? (
        <Section title={shown.length > 1 ? `Comparison of ${shown.length} runs` : 'Run report'}>
          {build.busy ? <p className="muted">Building the report…</p> : null}
          <ErrorBox error={build.error} />
          <ExportButtons runDirs={shown} />
        </Section>
      ) : null}
      {build.value && shown.length > 0 ? <ReportView report={build.value} /> : null}
    </div>
  );
}
