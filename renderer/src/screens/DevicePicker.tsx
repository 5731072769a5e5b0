import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSummary } from '../api/responses';
import { DeviceAdvice } from '../components/DeviceAdvice';
import { DeviceDetails } from '../components/DeviceDetails';
import { deviceName, isNetworkDevice, isReady } from '../state/devices';

interface DevicePickerProps {
  devices: DeviceSummary[];
  selected: string[];
  onChange(selected: string[]): void;
  disabled: boolean;
  /** Prefix of the test ids (`device-select-host` ...), so two screens' pickers stay apart. */
  testIdPrefix?: string;
}

/** Checkbox per device; devices that are not ready explain what to do; details on demand. */
export function DevicePicker({ devices, selected, onChange, disabled, testIdPrefix = 'device' }: DevicePickerProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | undefined>(undefined);
  const toggle = (id: string, on: boolean): void =>
    onChange(on ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id));
  return (
    <ul className="device-list" data-testid={`${testIdPrefix}-picker`}>
      {devices.map((d) => (
        <li key={d.id} className="device" data-testid={`${testIdPrefix}-${d.id}`} data-state={d.state}>
          <div className="device-row">
            <label className="check">
              <input
                type="checkbox"
                checked={selected.includes(d.id)}
                disabled={disabled || !isReady(d)}
                onChange={(e) => toggle(d.id, e.target.checked)}
                data-testid={`${testIdPrefix}-select-${d.id}`}
              />
              <span className="device-label">{deviceName(d)}</span>
            </label>
            <span className="muted">
              {d.kind === 'host' ? t('wizard.devices.host') : isNetworkDevice(d) ? t('wizard.devices.network') : t('wizard.devices.usb')}
            </span>
            <span className={`badge badge-${isReady(d) ? 'completed' : 'failed'}`}>{d.kind === 'host' || d.state === 'device' ? t('wizard.devices.ready') : d.state}</span>
            <button
              type="button"
              className="link"
              onClick={() => setOpen(open === d.id ? undefined : d.id)}
              aria-expanded={open === d.id}
              disabled={!isReady(d)}
            >
              {open === d.id ? t('wizard.devices.hideDetails') : t('wizard.devices.details')}
            </button>
          </div>
          <DeviceAdvice state={d.state} coreAdvice={d.advice} network={isNetworkDevice(d)} />
          {open === d.id ? <DeviceDetails id={d.id} /> : null}
        </li>
      ))}
    </ul>
  );
}
