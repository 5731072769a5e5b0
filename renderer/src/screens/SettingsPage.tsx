import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/contract';
import { useCommand } from '../api/use-command';
import { ErrorBox } from '../components/ErrorBox';
import { Section, TextField } from '../components/fields';
import { usePipeline } from '../state/pipeline-context';

/** Workspace folder, adb binary and adb server; saved with settings.update. */
export function SettingsPage() {
  const { update } = usePipeline();
  const load = useCommand('settings.get');
  const save = useCommand('settings.update');
  const [form, setForm] = useState<Settings>({ workspace: '' });
  const { run } = load;
  useEffect(() => {
    void run({}).then((s) => s && setForm(s));
  }, [run]);

  const submit = async (): Promise<void> => {
    const saved = await save.run({
      workspace: form.workspace.trim() || undefined,
      adbPath: form.adbPath?.trim() || undefined,
      adbServer: form.adbServer?.trim() || undefined,
    });
    if (saved) {
      setForm(saved);
      update({ workspace: saved.workspace, adbServer: saved.adbServer });
    }
  };

  return (
    <div className="screen" data-testid="screen-settings">
      <Section title="Settings">
        <ErrorBox error={load.error} />
        <div className="form-col">
          <TextField
            label="Workspace folder (new runs are created here)"
            value={form.workspace}
            onChange={(v) => setForm((f) => ({ ...f, workspace: v }))}
            testId="settings-workspace"
          />
          <TextField
            label="adb program (empty: ANDROID_HOME/platform-tools or PATH)"
            value={form.adbPath ?? ''}
            onChange={(v) => setForm((f) => ({ ...f, adbPath: v }))}
            placeholder="/opt/android-sdk/platform-tools/adb"
            testId="settings-adb-path"
          />
          <TextField
            label="adb server (HOST:PORT; empty: the local default)"
            value={form.adbServer ?? ''}
            onChange={(v) => setForm((f) => ({ ...f, adbServer: v }))}
            placeholder="127.0.0.1:5037"
            testId="settings-adb-server"
          />
        </div>
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => void submit()}
            disabled={save.busy}
            data-testid="settings-save"
          >
            Save
          </button>
          {save.value && !save.error ? <span className="saved">Saved.</span> : null}
        </div>
        <ErrorBox error={save.error} testId="settings-error" />
      </Section>
    </div>
  );
}
