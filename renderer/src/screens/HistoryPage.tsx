import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createFormatters } from '../../../shared/format/formatters';
import { isLanguage } from '../../../shared/i18n/languages';
import { errorText } from '../../../shared/i18n/error-text';
import type { TFunction } from 'i18next';
import type { ContractError } from '../../../shared/contract';
import { useApi } from '../api/api-context';
import { useCommand } from '../api/use-command';
import { ErrorBox } from '../components/ErrorBox';
import { Section } from '../components/fields';
import { joinPath } from '../state/job-configs';
import { usePipeline } from '../state/pipeline-context';
import { runRows, WHATIF_KIND, type RunRow } from '../state/run-list';
import { asContractError } from '../transport/api-error';
import { ComparisonSummary } from './ComparisonSummary';
import { OpenRunFolder } from './OpenRunFolder';
import { RunLabelsEditor } from './RunLabelsEditor';
import { ExportButtons } from './report/ExportButtons';
import { ReportView } from './report/ReportView';
import { WhatifReportView } from '../../../shared/whatif-view/WhatifReportView';

/** 'pipeline', 'what-if' or the steps a wizard run went through ("train → prune"), in the app's language. */
function kindLabel(kind: string, t: TFunction): string {
  if (kind === 'pipeline') return t('history.kindPipeline');
  if (kind === WHATIF_KIND) return t('history.kindWhatif');
  return kind
    .split(' → ')
    .map((step) => t(`steps.${step}`, { defaultValue: step }))
    .join(' → ');
}

/** The wizard step to continue a run at: the first step it has not completed. */
function continueStep(run: RunRow): number {
  if (!run.completedSteps.includes('train')) return 3;
  if (!run.completedSteps.includes('prune')) return 4;
  if (!run.completedSteps.includes('convert')) return 5;
  return 6;
}

/**
 * Past runs in the workspace and run folders opened from elsewhere: open, compare, continue, rename and annotate, move
 * to the trash (workspace runs) or remove from the list (opened ones).
 */
export function HistoryPage({ visible, onContinue }: { visible: boolean; onContinue(step: number): void }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const f = createFormatters(isLanguage(i18n.language) ? i18n.language : 'en');
  const { switchRun } = usePipeline();
  const list = useCommand('runs.list');
  const build = useCommand('report.build');
  const whatif = useCommand('whatif.report');
  const [shownWhatif, setShownWhatif] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<string[]>([]);
  const [shown, setShown] = useState<string[]>([]);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState<RunRow | undefined>(undefined);
  const [deleted, setDeleted] = useState<{ runDir: string; movedTo: string } | undefined>(undefined);
  const [deleteError, setDeleteError] = useState<ContractError | undefined>(undefined);
  const [removed, setRemoved] = useState<string | undefined>(undefined);
  const { run } = list;
  useEffect(() => {
    if (visible) void run({});
  }, [run, visible]);
  const runs = runRows(list.value);
  const names = Object.fromEntries(runs.map((r) => [r.dir, r.name]));

  const open = (dirs: string[]): void => {
    setShownWhatif(undefined);
    setShown(dirs);
    void build.run({ runDirs: dirs });
  };
  const openWhatif = (dir: string): void => {
    setShown([]);
    setShownWhatif(dir);
    void whatif.run({ runDir: dir });
  };
  const continueRun = (r: RunRow): void => {
    const converted = r.completedSteps.includes('convert');
    switchRun({
      runDir: r.dir,
      pruned: r.completedSteps.includes('prune'),
      tfliteFiles: converted ? [joinPath(r.dir, 'tflite/dense.tflite'), joinPath(r.dir, 'tflite/pruned.tflite')] : [],
    });
    onContinue(continueStep(r));
  };
  const remove = async (r: RunRow): Promise<void> => {
    setConfirming(undefined);
    setDeleteError(undefined);
    try {
      setDeleted(await api.invoke('runs.delete', { runDir: r.dir }));
      setSelected((s) => s.filter((d) => d !== r.dir));
      setShown((s) => (s.includes(r.dir) ? [] : s));
    } catch (e) {
      setDeleteError(asContractError(e));
    }
    void run({});
  };
  const forget = async (r: RunRow): Promise<void> => {
    setDeleteError(undefined);
    setRemoved(undefined);
    try {
      await api.invoke('runs.forget', { runDir: r.dir });
      setRemoved(r.dir);
      setSelected((s) => s.filter((d) => d !== r.dir));
      setShown((s) => (s.includes(r.dir) ? [] : s));
    } catch (e) {
      setDeleteError(asContractError(e));
    }
    void run({});
  };

  return (
    <div className="screen" data-testid="screen-history">
      <Section
        title={t('history.title')}
        actions={
          <>
            <button type="button" onClick={() => void run({})} disabled={list.busy} data-testid="history-refresh">
              {t('history.refresh')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={selected.length < 2}
              onClick={() => open(selected)}
              data-testid="history-compare"
            >
              {selected.length > 1 ? t('history.compare', { count: selected.length }) : t('history.compareNone')}
            </button>
          </>
        }
      >
        <ErrorBox error={list.error} />
        <OpenRunFolder onOpened={() => void run({})} />
        {runs.length === 0 && !list.busy ? <p className="muted">{t('history.empty')}</p> : null}
        {confirming ? (
          <div className="confirm" role="alertdialog" aria-labelledby="confirm-title" data-testid="history-confirm">
            <p id="confirm-title">
              <strong>{t('history.confirmTitle')}</strong>
            </p>
            <p>
              <code>{confirming.dir}</code>
            </p>
            <p className="muted">{t('history.confirmText')}</p>
            <div className="actions">
              <button
                type="button"
                className="danger"
                onClick={() => void remove(confirming)}
                data-testid="history-confirm-delete"
              >
                {t('history.moveToTrash')}
              </button>
              <button type="button" onClick={() => setConfirming(undefined)} data-testid="history-confirm-keep">
                {t('history.keep')}
              </button>
            </div>
          </div>
        ) : null}
        <ErrorBox error={deleteError} testId="history-delete-error" />
        {deleted ? (
          <p className="muted" data-testid="history-deleted">
            {t('history.moved', { from: deleted.runDir, to: deleted.movedTo })}
          </p>
        ) : null}
        {removed ? (
          <p className="muted" data-testid="history-removed">
            {t('wizard.openRun.removed', { dir: removed })}
          </p>
        ) : null}
        {runs.length > 0 ? (
          <table className="table" data-testid="history-table">
            <thead>
              <tr>
                <th>
                  <span className="visually-hidden">{t('history.select')}</span>
                </th>
                <th>{t('history.run')}</th>
                <th>{t('history.kind')}</th>
                <th>{t('history.status')}</th>
                <th>{t('history.created')}</th>
                <th>{t('history.keyNumbers')}</th>
                <th>
                  <span className="visually-hidden">{t('history.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.dir} data-testid={`history-row-${r.id}`}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('history.selectRun', { id: r.name ?? r.id })}
                      checked={selected.includes(r.dir)}
                      disabled={r.error !== undefined || r.kind === WHATIF_KIND}
                      onChange={(e) => setSelected((s) => (e.target.checked ? [...s, r.dir] : s.filter((d) => d !== r.dir)))}
                      data-testid={`history-select-${r.id}`}
                    />
                  </td>
                  <td>
                    {r.name ? <div className="run-name">{r.name}</div> : null}
                    <code>{r.id}</code>
                    {r.opened ? (
                      <span className="badge" title={t('wizard.openRun.badgeTitle')} data-testid={`history-opened-${r.id}`}>
                        {t('wizard.openRun.badge')}
                      </span>
                    ) : null}
                    {r.opened ? <div className="muted small">{r.dir}</div> : null}
                    {r.note ? <div className="muted small run-note">{r.note}</div> : null}
                    {editing === r.dir ? (
                      <RunLabelsEditor
                        run={r}
                        onDone={(saved) => {
                          setEditing(undefined);
                          if (saved) void run({});
                        }}
                      />
                    ) : null}
                  </td>
                  <td data-testid={`history-kind-${r.id}`}>{kindLabel(r.kind, t)}</td>
                  <td>
                    <span className={`badge badge-${r.status}`}>{t(`status.${r.status}`, { defaultValue: r.status })}</span>
                  </td>
                  <td>{f.date(r.createdAt)}</td>
                  <td className={r.error ? 'error-message' : 'muted'}>
                    {r.error ? (
                      <>
                        <strong>{errorText(i18n, r.errorCode ?? 'RUN_UNREADABLE').title}</strong>:{' '}
                        <span lang="en" data-raw="">
                          {r.error}
                        </span>
                      </>
                    ) : (
                      r.summary
                    )}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="link"
                      onClick={() => (r.kind === WHATIF_KIND ? openWhatif(r.dir) : open([r.dir]))}
                      disabled={r.error !== undefined}
                      data-testid={`history-open-${r.id}`}
                    >
                      {t('history.open')}
                    </button>
                    <button
                      type="button"
                      className="link"
                      disabled={r.error !== undefined || r.kind === WHATIF_KIND}
                      onClick={() => continueRun(r)}
                      data-testid={`history-continue-${r.id}`}
                    >
                      {t('history.continue')}
                    </button>
                    <button
                      type="button"
                      className="link"
                      disabled={r.error !== undefined || r.status === 'running'}
                      onClick={() => setEditing(editing === r.dir ? undefined : r.dir)}
                      data-testid={`history-edit-${r.id}`}
                    >
                      {t('history.rename')}
                    </button>
                    {r.opened ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => void forget(r)}
                        data-testid={`history-forget-${r.id}`}
                      >
                        {t('wizard.openRun.remove')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="link danger-link"
                        disabled={r.status === 'running'}
                        onClick={() => setConfirming(r)}
                        data-testid={`history-delete-${r.id}`}
                      >
                        {t('history.delete')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Section>
      {shown.length > 0 ? (
        <Section title={shown.length > 1 ? t('history.comparison', { count: shown.length }) : t('history.single')}>
          {build.busy ? <p className="muted">{t('history.building')}</p> : null}
          <ErrorBox error={build.error} />
          <ExportButtons runDirs={shown} />
        </Section>
      ) : null}
      {build.value && shown.length > 1 ? <ComparisonSummary report={build.value} names={names} /> : null}
      {build.value && shown.length > 0 ? <ReportView report={build.value} /> : null}
      {shownWhatif ? <ErrorBox error={whatif.error} testId="history-whatif-error" /> : null}
      {shownWhatif && whatif.value ? <WhatifReportView report={whatif.value} /> : null}
    </div>
  );
}
