import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../api/use-command';
import { deviceFacts } from '../state/device-facts';
import { ErrorBox } from './ErrorBox';

/** Facts about one device from `devices.details`: model, Android, SoC, cores, RAM, battery, thermal state. */
export function DeviceDetails({ id }: { id: string }) {
  const { t } = useTranslation();
  const details = useCommand('devices.details');
  const { run } = details;
  useEffect(() => {
    void run({ id });
  }, [run, id]);
  const facts = deviceFacts(details.value);
  return (
    <div className="device-details" data-testid={`device-details-${id}`}>
      {details.busy ? <p className="muted">{t('wizard.devices.reading')}</p> : null}
      <ErrorBox error={details.error} />
      {details.value !== undefined ? (
        facts.length > 0 ? (
          <dl className="facts">
            {facts.map((f) => (
              <div key={f.label} className="fact">
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="muted">{t('wizard.devices.noDetails')}</p>
        )
      ) : null}
    </div>
  );
}
