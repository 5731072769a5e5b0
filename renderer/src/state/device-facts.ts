// `devices.details` as the facts a person reads: "RAM 23.5 GiB", "SoC Qualcomm SM8750", "CPU 8 cores in 3 clusters".
// Phones answer the core's DeviceDetails (electron/core/devices/details/device-details.ts); "This computer" answers
// its device entry with its HostDetails (electron/core/benchmark/host-device.ts) under `details`.
import type { HostDetails } from '../../../electron/core/benchmark/host-device';
import type { DeviceDetails } from '../../../electron/core/devices/details/device-details';
import type { DeviceDetailsResponse } from '../api/responses';
import { formatBytes } from '../format/numbers';
import { appI18n } from '../i18n/app-i18n';

export interface DeviceFact {
  label: string;
  value: string;
}

const THERMAL = ['none', 'light', 'moderate', 'severe', 'critical', 'emergency', 'shutdown'];
const K = 'wizard.devices.fact';
const t = (key: string, values?: Record<string, string | number>): string => appI18n.t(`${K}.${key}`, values);

function ghz(khz: number): string {
  return `${(khz / 1e6).toFixed(2)} GHz`;
}

function phoneFacts(d: DeviceDetails): DeviceFact[] {
  const facts: DeviceFact[] = [];
  const add = (label: string, value: string | undefined): void => {
    if (value) facts.push({ label, value });
  };
  const id = d.identity;
  if (id) {
    add(t('model'), [id.manufacturer, id.model].filter(Boolean).join(' ') || undefined);
    add(t('android'), id.androidVersion ? `Android ${id.androidVersion}${id.sdk ? ` (API ${id.sdk})` : ''}` : undefined);
    add(t('soc'), id.soc);
    add(t('abis'), id.abis.join(', ') || undefined);
    add(t('securityPatch'), id.securityPatch);
  }
  if (d.cpu) {
    const cores = d.cpu.clusters.reduce((n, c) => n + c.cpus.length, 0) + d.cpu.unknownCores.length;
    add(t('cpuCores'), String(cores));
    add(
      t('cpuClusters'),
      d.cpu.clusters.map((c) => t('cluster', { count: c.cpus.length, freq: ghz(c.maxFreqKhz), cores: c.cpus.join(', ') })).join('; ') ||
        undefined,
    );
    add(t('bigCores'), d.cpu.bigCores.length ? d.cpu.bigCores.join(', ') : undefined);
  }
  if (d.memory?.totalKb !== undefined) {
    add(
      t('ram'),
      d.memory.availableKb !== undefined
        ? t('ramAvailable', { total: formatBytes(d.memory.totalKb * 1024), available: formatBytes(d.memory.availableKb * 1024) })
        : formatBytes(d.memory.totalKb * 1024),
    );
  }
  if (d.battery) {
    const level = d.battery.level !== undefined ? `${d.battery.level} %` : undefined;
    const temperature = d.battery.temperatureC !== undefined ? `${d.battery.temperatureC.toFixed(1)} °C` : undefined;
    add(t('battery'), [level, temperature, d.battery.charging ? t('charging') : undefined].filter(Boolean).join(', ') || undefined);
  }
  if (d.thermal) {
    const status =
      d.thermal.status !== undefined && THERMAL[d.thermal.status] !== undefined
        ? t(`thermalState.${THERMAL[d.thermal.status]}`)
        : (d.thermal.statusName ?? (d.thermal.status !== undefined ? String(d.thermal.status) : undefined));
    const hottest = d.thermal.maxCpuC !== undefined ? t('hottest', { temperature: `${d.thermal.maxCpuC.toFixed(1)} °C` }) : undefined;
    add(t('thermal'), [status, hottest].filter(Boolean).join(', ') || undefined);
  }
  for (const [source, reason] of Object.entries(d.unavailable ?? {})) add(t('unavailable', { source }), reason);
  return facts;
}

function hostFacts(env: HostDetails): DeviceFact[] {
  const facts: DeviceFact[] = [];
  const add = (label: string, value: string | undefined): void => {
    if (value) facts.push({ label, value });
  };
  add(t('cpu'), env.cpu);
  add(t('cpuCores'), String(env.cpuCount));
  add(t('ram'), formatBytes(env.memoryBytes));
  add(t('system'), [env.platform, env.arch].filter(Boolean).join(' ') || undefined);
  add(t('runtime'), t('runtimeValue'));
  add('Node.js', env.node);
  add('TensorFlow.js', env.tfjs);
  add('Sparse Studio', env.sparseStudio);
  return facts;
}

export function deviceFacts(value: DeviceDetailsResponse | undefined): DeviceFact[] {
  if (!value) return [];
  if ('kind' in value) return value.details ? hostFacts(value.details) : [];
  return phoneFacts(value);
}
