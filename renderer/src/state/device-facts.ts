// `devices.details` as the facts a person reads: "RAM 23.5 GiB", "SoC Qualcomm SM8750", "CPU 8 cores in 3 clusters".
// Phones answer the core's DeviceDetails (electron/core/devices/details/device-details.ts); "This computer" answers
// its device entry with its HostDetails (electron/core/benchmark/host-device.ts) under `details`.
import type { HostDetails } from '../../../electron/core/benchmark/host-device';
import type { DeviceDetails } from '../../../electron/core/devices/details/device-details';
import type { DeviceDetailsResponse } from '../api/responses';
import { formatBytes } from '../format/numbers';

export interface DeviceFact {
  label: string;
  value: string;
}

const THERMAL = ['none', 'light', 'moderate', 'severe', 'critical', 'emergency', 'shutdown'];

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
    add('Model', [id.manufacturer, id.model].filter(Boolean).join(' ') || undefined);
    add('Android', id.androidVersion ? `Android ${id.androidVersion}${id.sdk ? ` (API ${id.sdk})` : ''}` : undefined);
    add('SoC', id.soc);
    add('ABIs', id.abis.join(', ') || undefined);
    add('Security patch', id.securityPatch);
  }
  if (d.cpu) {
    const cores = d.cpu.clusters.reduce((n, c) => n + c.cpus.length, 0) + d.cpu.unknownCores.length;
    add('CPU cores', String(cores));
    add(
      'CPU clusters',
      d.cpu.clusters.map((c) => `${c.cpus.length} × ${ghz(c.maxFreqKhz)} (cores ${c.cpus.join(', ')})`).join('; ') || undefined,
    );
    add('Big cores', d.cpu.bigCores.length ? d.cpu.bigCores.join(', ') : undefined);
  }
  if (d.memory?.totalKb !== undefined) {
    add(
      'RAM',
      d.memory.availableKb !== undefined
        ? `${formatBytes(d.memory.totalKb * 1024)} (${formatBytes(d.memory.availableKb * 1024)} available)`
        : formatBytes(d.memory.totalKb * 1024),
    );
  }
  if (d.battery) {
    const level = d.battery.level !== undefined ? `${d.battery.level} %` : undefined;
    const temperature = d.battery.temperatureC !== undefined ? `${d.battery.temperatureC.toFixed(1)} °C` : undefined;
    add('Battery', [level, temperature, d.battery.charging ? 'charging' : undefined].filter(Boolean).join(', ') || undefined);
  }
  if (d.thermal) {
    const status =
      d.thermal.status !== undefined ? (THERMAL[d.thermal.status] ?? String(d.thermal.status)) : d.thermal.statusName;
    const hottest = d.thermal.maxCpuC !== undefined ? `hottest CPU sensor ${d.thermal.maxCpuC.toFixed(1)} °C` : undefined;
    add('Thermal throttling', [status, hottest].filter(Boolean).join(', ') || undefined);
  }
  for (const [source, reason] of Object.entries(d.unavailable ?? {})) add(`${source} (unavailable)`, reason);
  return facts;
}

function hostFacts(env: HostDetails): DeviceFact[] {
  const facts: DeviceFact[] = [];
  const add = (label: string, value: string | undefined): void => {
    if (value) facts.push({ label, value });
  };
  add('CPU', env.cpu);
  add('CPU cores', String(env.cpuCount));
  add('RAM', formatBytes(env.memoryBytes));
  add('System', [env.platform, env.arch].filter(Boolean).join(' ') || undefined);
  add('Runtime', 'TensorFlow Lite in WebAssembly (XNNPACK)');
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
