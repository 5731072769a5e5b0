import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/i18n/languages';
import { applyLanguage, systemLanguage } from '../i18n/app-i18n';
import type { Settings, ThemeChoice } from '../../../shared/contract';
import { applyTheme } from '../app/theme';
import { useCommand } from '../api/use-command';
import { ErrorBox } from '../components/ErrorBox';
import { Section, SelectField, TextField } from '../components/fields';
import { usePipeline } from '../state/pipeline-context';

const THEMES: ThemeChoice[] = ['system', 'light', 'dark'];

/** Language, workspace folder, colours, adb binary and adb server; saved with settings.update. */
export function SettingsPage() {
  const { t } = useTranslation();
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
      language: form.language ?? 'system',
      adbPath: form.adbPath?.trim() ?? '',
      adbServer: form.adbServer?.trim() || undefined,
    });
    if (saved) {
      setForm(saved);
      update({ workspace: saved.workspace, adbServer: saved.adbServer });
      applyTheme(saved.theme);
      applyLanguage(saved.language);
    }
  };

  return (
    <div className="screen" data-testid="screen-settings">
      <Section title={t('settings.title')}>
        <ErrorBox error={load.error} />
        <div className="form-col">
          <SelectField<Language | 'system'>
            label={t('settings.language')}
            value={form.language ?? 'system'}
            options={[
              { value: 'system', label: t('settings.languageSystem', { language: t(`languages.${systemLanguage()}`) }) },
              ...LANGUAGES.map((lang) => ({ value: lang, label: t(`languages.${lang}`) })),
            ]}
            onChange={(language) =>
              setForm((f) => {
                const next = { ...f };
                if (language === 'system') delete next.language;
                else next.language = language;
                return next;
              })
            }
            testId="settings-language"
          />
          <TextField
            label={t('settings.workspace')}
            value={form.workspace}
            onChange={(v) => setForm((f) => ({ ...f, workspace: v }))}
            testId="settings-workspace"
          />
          {relative ? (
            <small className="field-error" role="alert" data-testid="settings-workspace-error">
              {t('settings.workspaceRelative')}
            </small>
          ) : null}
          <SelectField
            label={t('settings.colours')}
            value={form.theme ?? 'system'}
            options={THEMES.map((value) => ({ value, label: t(`settings.theme.${value}`) }))}
            onChange={(theme) => setForm((f) => ({ ...f, theme }))}
            testId="settings-theme"
          />
          <TextField
            label={t('settings.adbPath')}
            value={form.adbPath ?? ''}
            onChange={(v) => setForm((f) => ({ ...f, adbPath: v }))}
            placeholder="/opt/android-sdk/platform-tools/adb"
            testId="settings-adb-path"
          />
          <TextField
            label={t('settings.adbServer')}
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
            {t('settings.save')}
          </button>
          {save.value && !save.error ? <span className="saved">{t('settings.saved')}</span> : null}
        </div>
        <ErrorBox error={save.error} testId="settings-error" />
      </Section>
    </div>
  );
}
