import type { ThermalReading } from './types';

// Phone benchmark records carry `conditions: { before, after }` (electron/core/devices/details DeviceConditions:
// thermalStatus, maxCpuC, batteryC, at). devices.json may also hold `thermal: [{ benchmark?, model?, repetition?,
// before?, after? }]` per device. A reading may be a bare Android thermal status number or such an object.

function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function thermalReading(value: unknown): ThermalReading | null {
  if (value === undefined || value === null) return null;
  const empty = { status: null, temperatureC: null, batteryC: null, at: null, text: null };
  if (typeof value === 'number') return { ...empty, status: asNumber(value) };
  if (typeof value === 'string') return { ...empty, text: value };
  if (typeof value !== 'object') return null;
  const r = value as Record<string, unknown>;
  return {
    status: asNumber(r.thermalStatus) ?? asNumber(r.status),
    temperatureC: asNumber(r.maxCpuC) ?? asNumber(r.temperatureC) ?? asNumber(r.temperature),
    batteryC: asNumber(r.batteryC) ?? asNumber(r.batteryTempC),
    at: typeof r.at === 'string' ? r.at : null,
    text: typeof r.text === 'string' ? r.text : typeof r.statusName === 'string' ? r.statusName : null,
  };
}
