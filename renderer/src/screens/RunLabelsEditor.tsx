import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../api/use-command';
import { ErrorBox } from '../components/ErrorBox';
import type { RunRow } from '../state/run-list';

/** Rename a run and keep a note with it; saved in the run's run.json by the core. */
export function RunLabelsEditor({ run, onDone }: { run: RunRow; onDone(saved: boolean): void }) {
  const { t } = useTranslation();
  const save = useCommand('runs.update');
  const [name, setName] = useState(run.name ?? '');
  const [note, setNote] = useState(run.note ?? '');
  const submit = async (): Promise<void> => {
    const saved = await save.run({ runDir: run.dir, name, note });
    if (saved) onDone(true);
  };
  return (
    <div className="run-editor" data-testid={`history-editor-${run.id}`}>
      <label className="field">
        <span>{t('history.name')}</span>
        <input
          type="text"
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          data-testid="history-name"
          placeholder={run.id}
        />
      </label>
      <label className="field field-wide">
        <span>{t('history.note')}</span>
        <textarea value={note} maxLength={2000} rows={2} onChange={(e) => setNote(e.target.value)} data-testid="history-note" />
      </label>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void submit()} disabled={save.busy} data-testid="history-save">
          {t('history.save')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('history.cancel')}
        </button>
      </div>
      <ErrorBox error={save.error} testId="history-save-error" />
    </div>
  );
}
