import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { absolutePath } from '../../../shared/contract';
import { useCommand } from '../api/use-command';
import { ErrorBox } from '../components/ErrorBox';
import { TextField } from '../components/fields';
import { usePipeline } from '../state/pipeline-context';

/**
 * "Open run folder…": adds a run folder from outside the workspace to History. The desktop app asks with its folder
 * dialog (in the main process); a browser cannot show one, so browser mode takes the folder's full path.
 */
export function OpenRunFolder({ onOpened }: { onOpened(): void }) {
  const { t } = useTranslation();
  const { pipeline } = usePipeline();
  const open = useCommand('runs.open');
  const [typing, setTyping] = useState(false);
  const [path, setPath] = useState('');
  const runDir = path.trim();
  const pathOk = absolutePath.safeParse(runDir).success;

  const submit = async (request: { runDir?: string }): Promise<void> => {
    const reply = await open.run(request);
    if (!reply || 'cancelled' in reply) return;
    setTyping(false);
    setPath('');
    onOpened();
  };
  const start = (): void => {
    open.reset();
    if (pipeline.transport === 'ipc') void submit({});
    else setTyping(true);
  };
  const done = open.value && !('cancelled' in open.value) ? open.value : undefined;

  return (
    <div className="open-run" data-testid="open-run">
      {!typing ? (
        <button type="button" onClick={start} disabled={open.busy} data-testid="open-run-start">
          {t('wizard.openRun.button')}
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (pathOk) void submit({ runDir });
          }}
        >
          <div className={runDir && !pathOk ? 'field-group invalid' : 'field-group'}>
            <TextField
              label={t('wizard.openRun.pathLabel')}
              value={path}
              onChange={setPath}
              placeholder="/home/me/runs/train-20260101-120000"
              testId="open-run-path"
            />
            {runDir && !pathOk ? (
              <small className="field-error" role="alert" data-testid="open-run-path-error">
                {t('wizard.openRun.notAbsolute')}
              </small>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={open.busy || !pathOk} data-testid="open-run-submit">
              {t('wizard.openRun.open')}
            </button>
            <button type="button" onClick={() => setTyping(false)} data-testid="open-run-cancel">
              {t('wizard.openRun.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorBox error={open.error} testId="open-run-error" />
      {done ? (
        <p className="muted" data-testid="open-run-done">
          {t(done.alreadyListed ? 'wizard.openRun.alreadyListed' : 'wizard.openRun.opened', { dir: done.runDir })}
        </p>
      ) : null}
    </div>
  );
}
