import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { commandRequests } from '../../../shared/contract';
import { useCommand } from '../api/use-command';
import { ErrorBox } from '../components/ErrorBox';
import { NumberField, TextField } from '../components/fields';
import { numberProblem } from '../forms/number-limits';

const PAIR = commandRequests['devices.pair'].shape;

/**
 * Android 11+ Wireless debugging: pair once with the code the phone shows (adb pair HOST:PORT CODE), then connect on
 * the phone's own debugging address. The pairing port is not the connect port, so the form only fills in the host.
 */
export function PairForm({ onPaired }: { onPaired(host: string): void }) {
  const { t } = useTranslation();
  const pair = useCommand('devices.pair');
  const [host, setHost] = useState('');
  const [port, setPort] = useState<number | undefined>(undefined);
  const [code, setCode] = useState('');
  const hostOk = PAIR.host.safeParse(host.trim()).success;
  const codeOk = PAIR.code.safeParse(code.trim()).success;
  const ready = hostOk && codeOk && port !== undefined && numberProblem(PAIR.port, port) === undefined;

  const submit = async (): Promise<void> => {
    if (!ready || port === undefined) return;
    const paired = await pair.run({ host: host.trim(), port, code: code.trim() });
    if (paired) onPaired(host.trim());
  };

  return (
    <details className="pair-form" data-testid="pair-form">
      <summary>{t('wizard.devices.pair.title')}</summary>
      <ol className="steps">
        <li>{t('wizard.devices.pair.s1')}</li>
        <li>{t('wizard.devices.pair.s2')}</li>
        <li>
          <Trans t={t} i18nKey="wizard.devices.pair.s3" components={{ code: <code /> }} />
        </li>
      </ol>
      <div className="form-row">
        <TextField label={t('wizard.devices.hostLabel')} value={host} onChange={setHost} placeholder="192.168.1.23" testId="pair-host" />
        <NumberField label={t('wizard.devices.pair.port')} value={port} onChange={setPort} schema={PAIR.port} testId="pair-port" />
        <div className={code.trim() && !codeOk ? 'field-group invalid' : 'field-group'}>
          <TextField label={t('wizard.devices.pair.code')} value={code} onChange={setCode} placeholder="123456" testId="pair-code" />
          {code.trim() && !codeOk ? (
            <small className="field-error" role="alert" data-testid="pair-code-error">
              {t('wizard.devices.pair.codeProblem')}
            </small>
          ) : null}
        </div>
      </div>
      <div className="actions">
        <button type="button" onClick={() => void submit()} disabled={pair.busy || !ready} data-testid="pair-submit">
          {pair.busy ? t('wizard.devices.pair.pairing') : t('wizard.devices.pair.submit')}
        </button>
      </div>
      <ErrorBox error={pair.error} testId="pair-error" />
      {pair.value && !pair.error ? (
        <p className="saved" data-testid="pair-result">
          {t('wizard.devices.pair.done', { endpoint: pair.value.endpoint })}
        </p>
      ) : null}
    </details>
  );
}
