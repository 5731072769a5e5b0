import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { commandRequests, type ContractError } from '../../../shared/contract';
import { useApi } from '../api/api-context';
import { useCommand } from '../api/use-command';
import { useDevices } from '../api/use-devices';
import { ErrorBox } from '../components/ErrorBox';
import { NumberField, Section, TextField } from '../components/fields';
import { DeviceAdvice } from '../components/DeviceAdvice';
import { DeviceDetails } from '../components/DeviceDetails';
import { NoPhoneHelp } from '../components/NoPhoneHelp';
import { PairForm } from './PairForm';
import { numberProblem } from '../forms/number-limits';
import { deviceName, isNetworkDevice, isReady } from '../state/devices';
import { asContractError } from '../transport/api-error';
import { appI18n } from '../i18n/app-i18n';

const CONNECT = commandRequests['devices.connect'].shape;

function hostProblem(host: string): string | undefined {
  if (host.trim() === '') return undefined;
  return CONNECT.host.safeParse(host.trim()).success
    ? undefined
    : appI18n.t('wizard.devices.hostProblem');
}

/** Every device adb knows, live; add a phone over the network (adb connect), disconnect or forget it; details. */
export function DevicesPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const { devices, error, refresh } = useDevices();
  const connect = useCommand('devices.connect');
  const [host, setHost] = useState('');
  const [port, setPort] = useState<number | undefined>(5555);
  const [open, setOpen] = useState<string | undefined>(undefined);
  const [removeError, setRemoveError] = useState<ContractError | undefined>(undefined);
  const [removed, setRemoved] = useState<{ serial: string; forgotten: boolean } | undefined>(undefined);
  const invalidHost = hostProblem(host);
  const invalidPort = numberProblem(CONNECT.port, port);

  const add = async (): Promise<void> => {
    if (!host.trim() || port === undefined || invalidHost || invalidPort) return;
    setRemoved(undefined);
    await connect.run({ host: host.trim(), port });
    await refresh();
  };
  const remove = async (id: string, forget: boolean): Promise<void> => {
    setRemoveError(undefined);
    try {
      setRemoved(await api.invoke('devices.disconnect', { id, forget }));
    } catch (e) {
      setRemoveError(asContractError(e));
    }
    await refresh();
  };

  return (
    <div className="screen" data-testid="screen-devices">
      <Section
        title={t('wizard.devices.title')}
        actions={
          <button type="button" onClick={() => void refresh()}>
            {t('wizard.devices.refresh')}
          </button>
        }
      >
        <ErrorBox error={error} testId="devices-panel-error" />
        <ul className="device-list">
          {devices.map((d) => {
            const network = isNetworkDevice(d);
            return (
              <li key={d.id} className="device" data-testid={`devices-${d.id}`} data-state={d.state}>
                <div className="device-row">
                  <span className="device-label value">{deviceName(d)}</span>
                  <span className="muted">
                    {d.kind === 'host' ? t('wizard.devices.host') : network ? t('wizard.devices.network') : t('wizard.devices.usb')}
                  </span>
                  <span className={`badge badge-${isReady(d) ? 'completed' : 'failed'}`}>
                    {d.kind === 'host' || d.state === 'device' ? t('wizard.devices.ready') : d.state}
                  </span>
                  <button
                    type="button"
                    className="link"
                    aria-expanded={open === d.id}
                    disabled={!isReady(d)}
                    onClick={() => setOpen(open === d.id ? undefined : d.id)}
                    data-testid={`devices-details-${d.id}`}
                  >
                    {open === d.id ? t('wizard.devices.hideDetails') : t('wizard.devices.details')}
                  </button>
                  {network ? (
                    <>
                      <button
                        type="button"
                        className="link"
                        onClick={() => void remove(d.id, false)}
                        data-testid={`devices-disconnect-${d.id}`}
                      >
                        {isReady(d) ? t('wizard.devices.disconnect') : t('wizard.devices.remove')}
                      </button>
                      <button
                        type="button"
                        className="link"
                        onClick={() => void remove(d.id, true)}
                        data-testid={`devices-forget-${d.id}`}
                      >
                        {t('wizard.devices.forget')}
                      </button>
                    </>
                  ) : null}
                </div>
                <DeviceAdvice state={d.state} coreAdvice={d.advice} network={network} />
                {open === d.id ? <DeviceDetails id={d.id} /> : null}
              </li>
            );
          })}
        </ul>
        {devices.every((d) => d.kind === 'host') ? <NoPhoneHelp /> : null}
        <ErrorBox error={removeError} testId="devices-remove-error" />
        {removed ? (
          <p className="muted" data-testid="devices-removed">
            {removed.forgotten
              ? t('wizard.devices.forgotten', { serial: removed.serial })
              : t('wizard.devices.disconnected', { serial: removed.serial })}
          </p>
        ) : null}
      </Section>
      <Section title={t('wizard.devices.addTitle')}>
        <p className="muted">
          <Trans t={t} i18nKey="wizard.devices.addIntro" components={{ code: <code /> }} />
        </p>
        <div className="form-row">
          <div className={invalidHost ? 'field-group invalid' : 'field-group'}>
            <TextField
              label={t('wizard.devices.hostLabel')}
              value={host}
              onChange={setHost}
              placeholder="192.168.1.23"
              testId="connect-host"
            />
            {invalidHost ? (
              <small className="field-error" role="alert" data-testid="connect-host-error">
                {invalidHost}
              </small>
            ) : null}
          </div>
          <NumberField label={t('wizard.devices.port')} value={port} onChange={setPort} schema={CONNECT.port} testId="connect-port" />
        </div>
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => void add()}
            disabled={connect.busy || !host.trim() || invalidHost !== undefined || invalidPort !== undefined}
            data-testid="connect-add"
          >
            {connect.busy ? t('wizard.devices.connecting') : t('wizard.devices.connect')}
          </button>
        </div>
        <ErrorBox error={connect.error} testId="connect-error" />
        <PairForm onPaired={setHost} />
        {connect.value && !connect.error ? (
          connect.value.state === 'device' ? (
            <p className="saved" data-testid="connect-result">
              {t('wizard.devices.connected', { serial: connect.value.serial })}
            </p>
          ) : (
            <p className="warning" data-testid="connect-result">
              {t('wizard.devices.mustAllow', { serial: connect.value.serial })}
            </p>
          )
        ) : null}
      </Section>
    </div>
  );
}
