import { useState } from 'react';
import { useCommand } from '../api/use-command';
import { useDevices } from '../api/use-devices';
import { ErrorBox } from '../components/ErrorBox';
import { NumberField, Section, TextField } from '../components/fields';
import { DeviceAdvice } from '../components/DeviceAdvice';
import { DeviceDetails } from '../components/DeviceDetails';
import { isReady } from '../state/devices';

/** Every device adb knows, live; add a phone over the network (adb connect); details per device. */
export function DevicesPanel() {
  const { devices, error, refresh } = useDevices();
  const connect = useCommand('devices.connect');
  const [host, setHost] = useState('');
  const [port, setPort] = useState<number | undefined>(5555);
  const [open, setOpen] = useState<string | undefined>(undefined);

  const add = async (): Promise<void> => {
    if (!host.trim() || port === undefined) return;
    await connect.run({ host: host.trim(), port });
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
          {devices.map((d) => (
            <li key={d.id} className="device" data-testid={`devices-${d.id}`} data-state={d.state}>
              <div className="device-row">
                <span className="device-label">{d.label}</span>
                <span className="muted">
                  {d.kind === 'host' ? 'TFLite WebAssembly runtime' : `${d.id}${d.remote ? ' · network' : ''}`}
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
                >
                  {open === d.id ? 'Hide details' : 'Details'}
                </button>
              </div>
              <DeviceAdvice state={d.state} coreAdvice={d.advice} />
              {open === d.id ? <DeviceDetails id={d.id} /> : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Add a phone over the network">
        <p className="muted">
          On the phone, enable Wireless debugging (Android 11+) or run <code>adb tcpip 5555</code> once over USB, then enter its
          address.
        </p>
        <div className="form-row">
          <TextField
            label="Host or IP address"
            value={host}
            onChange={setHost}
            placeholder="192.168.1.23"
            testId="connect-host"
          />
          <NumberField label="Port" value={port} onChange={setPort} min={1} max={65535} testId="connect-port" />
        </div>
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => void add()}
            disabled={connect.busy || !host.trim() || port === undefined}
            data-testid="connect-add"
          >
            {connect.busy ? 'Connecting…' : 'Connect'}
          </button>
        </div>
        <ErrorBox error={connect.error} testId="connect-error" />
        {connect.value !== undefined && !connect.error ? <p className="saved">Connected.</p> : null}
      </Section>
    </div>
  );
}
