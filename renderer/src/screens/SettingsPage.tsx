import { useEffect, useState } from 'react';
import type { Settings, ThemeChoice } from '../../../shared/contract';
import { applyTheme } from '../app/theme';
import { useCommand } from '../api/use-command';
import { ErrorBox } from '../components/ErrorBox';
import { Section, SelectField, TextField } from '../components/fields';
import { usePipeline } from '../state/pipeline-context';

/** Workspace folder, adb binary and adb server; saved with settings.update. */
const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Follow the system (light or dark)' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function SettingsPage() {
  const { update } = usePipeline();
  const load = useCommand('settings.get');
  const save = useCommand('settings.update');
  const [form, setForm] = useState<Settings>({ workspace: '' });
  const { run } = load;
  useEffect(() => {
    void run({}).then((s) => s && setForm(s));
  }, [run]);

  const workspace = form.workspace.trim();
  // The server resolves nothing against its own working folder: a relative workspace is refused, here and there.
  const relative = workspace !== '' && !/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(workspace);

  const submit = async (): Promise<void> => {
    if (relative) return;
    const saved = await save.run({
      workspace: workspace || undefined,
      theme: form.theme ?? 'system',
      adbPath: form.adbPath?.trim() ?? '',
      adbServer: form.adbServer?.trim() || undefined,
    });
    if (saved) {
      setForm(saved);
      update({ workspace: saved.workspace, adbServer: saved.adbServer });
      applyTheme(saved.theme);
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
          {relative ? (
            <small className="field-error" role="alert" data-testid="settings-workspace-error">
              Enter a full path, such as /home/me/SparseStudio/runs: a relative path would depend on where the app was started.
            </small>
          ) : null}
          <SelectField
            label="Colours"
            value={form.theme ?? 'system'}
            options={THEMES}
            onChange={(theme) => setForm((f) => ({ ...f, theme }))}
            testId="settings-theme"
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
            disabled={save.busy || relative}
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
