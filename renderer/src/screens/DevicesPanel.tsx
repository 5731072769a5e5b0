import { useState } from 'react';
import { commandRequests, type ContractError } from '../../../shared/contract';
import { useApi } from '../api/api-context';
import { useCommand } from '../api/use-command';
import { useDevices } from '../api/use-devices';
import { ErrorBox } from '../components/ErrorBox';
import { NumberField, Section, TextField } from '../components/fields';
import { DeviceAdvice } from '../components/DeviceAdvice';
import { DeviceDetails } from '../components/DeviceDetails';
import { numberProblem } from '../forms/number-limits';
import { deviceName, isNetworkDevice, isReady } from '../state/devices';
import { asContractError } from '../transport/api-error';

const CONNECT = commandRequests['devices.connect'].shape;

function hostProblem(host: string): string | undefined {
  if (host.trim() === '') return undefined;
  return CONNECT.host.safeParse(host.trim()).success
    ? undefined
    : 'Enter a host name or an IP address: letters, digits, dots and hyphens only, without a port or spaces.';
}

/** Every device adb knows, live; add a phone over the network (adb connect), disconnect or forget it; details. */
export function DevicesPanel() {
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
        title="Devices"
        actions={
          <button type="button" onClick={() => void refresh()}>
            Refresh
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
                  <span className="device-label">{deviceName(d)}</span>
                  <span className="muted">
                    {d.kind === 'host' ? 'TFLite WebAssembly runtime' : network ? 'network (adb connect)' : 'USB'}
                  </span>
                  <span className={`badge badge-${isReady(d) ? 'completed' : 'failed'}`}>
                    {d.kind === 'host' ? 'ready' : d.state}
                  </span>
                  <button
                    type="button"
                    className="link"
                    aria-expanded={open === d.id}
                    disabled={!isReady(d)}
                    onClick={() => setOpen(open === d.id ? undefined : d.id)}
                    data-testid={`devices-details-${d.id}`}
                  >
                    {open === d.id ? 'Hide details' : 'Details'}
                  </button>
                  {network ? (
                    <>
                      <button
                        type="button"
                        className="link"
                        onClick={() => void remove(d.id, false)}
                        data-testid={`devices-disconnect-${d.id}`}
                      >
                        {isReady(d) ? 'Disconnect' : 'Remove'}
                      </button>
                      <button
                        type="button"
                        className="link"
                        onClick={() => void remove(d.id, true)}
                        data-testid={`devices-forget-${d.id}`}
                      >
                        Forget
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
        <ErrorBox error={removeError} testId="devices-remove-error" />
        {removed ? (
          <p className="muted" data-testid="devices-removed">
            {removed.forgotten
              ? `${removed.serial} was disconnected and will not be reconnected at start.`
              : `${removed.serial} was disconnected; it is still reconnected at start until you forget it.`}
          </p>
        ) : null}
      </Section>
      <Section title="Add a phone over the network">
        <p className="muted">
          On the phone, enable Wireless debugging (Android 11+) or run <code>adb tcpip 5555</code> once over USB, then enter its
          address.
        </p>
        <div className="form-row">
          <div className={invalidHost ? 'field-group invalid' : 'field-group'}>
            <TextField
              label="Host or IP address"
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
          <NumberField label="Port" value={port} onChange={setPort} schema={CONNECT.port} testId="connect-port" />
        </div>
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => void add()}
            disabled={connect.busy || !host.trim() || invalidHost !== undefined || invalidPort !== undefined}
            data-testid="connect-add"
          >
            {connect.busy ? 'Connecting…' : 'Connect'}
          </button>
        </div>
        <ErrorBox error={connect.error} testId="connect-error" />
        {connect.value && !connect.error ? (
          connect.value.state === 'device' ? (
            <p className="saved" data-testid="connect-result">
              Connected: {connect.value.serial} is ready.
            </p>
          ) : (
            <p className="warning" data-testid="connect-result">
              Connected to {connect.value.serial}, but the phone must still allow debugging from this computer: unlock it and tap
              Allow.
            </p>
          )
        ) : null}
      </Section>
    </div>
  );
}
