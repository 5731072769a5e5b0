import { useEffect } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useCommand } from '../api/use-command';

/** What to do when adb lists no phone: turn on USB debugging, where adb comes from, or connect over the network. */
export function NoPhoneHelp() {
  const { t } = useTranslation();
  const settings = useCommand('settings.get');
  const { run } = settings;
  useEffect(() => {
    void run({});
  }, [run]);
  const adbPath = settings.value?.adbPath?.trim();
  return (
    <div className="advice" data-testid="devices-empty">
      <strong>{t('wizard.devices.empty.title')}</strong>
      <p>{t('wizard.devices.empty.intro')}</p>
      <ol>
        {(['s1', 's2', 's3', 's4'] as const).map((s) => (
          <li key={s}>
            <Trans t={t} i18nKey={`wizard.devices.empty.${s}`} components={{ code: <code /> }} />
          </li>
        ))}
      </ol>
      <p data-testid="devices-empty-adb">
        {adbPath ? (
          <Trans t={t} i18nKey="wizard.devices.empty.adb" values={{ path: adbPath }} components={{ code: <code /> }} />
        ) : (
          t('wizard.devices.empty.adbDefault')
        )}
      </p>
      <p>{t('wizard.devices.empty.remote')}</p>
    </div>
  );
}
