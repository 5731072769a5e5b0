import { errorMessage } from '../../util/errors';
import type { ShellRunner } from '../device-shell';
import type { BatteryState } from '../parse/battery';
import type { CpuClusters } from '../parse/cpu-clusters';
import type { DeviceIdentity } from '../parse/device-identity';
import type { MemInfo } from '../parse/meminfo';
import type { ThermalState } from '../parse/thermal';
import { readBattery } from './battery';
import { readCpuClusters } from './cpu';
import { readIdentity } from './identity';
import { readMemory } from './memory';
import { readThermal } from './thermal';

/** Everything known about a phone; each part is absent when the phone does not provide it. */
export interface DeviceDetails {
  identity?: DeviceIdentity;
  cpu?: CpuClusters;
  memory?: MemInfo;
  battery?: BatteryState;
  thermal?: ThermalState;
  /** Sources that failed, with the reason (a detail never stops the others). */
  unavailable: Record<string, string>;
}

const SOURCES = {
  identity: readIdentity,
  cpu: readCpuClusters,
  memory: readMemory,
  battery: readBattery,
  thermal: readThermal,
} as const;

export async function gatherDeviceDetails(shell: ShellRunner): Promise<DeviceDetails> {
  const details: DeviceDetails = { unavailable: {} };
  for (const [name, read] of Object.entries(SOURCES)) {
    try {
      (details as unknown as Record<string, unknown>)[name] = await read(shell);
    } catch (error) {
      details.unavailable[name] = errorMessage(error);
    }
  }
  return details;
}

/** Thermal status and battery temperature, recorded before and after each benchmark run. */
export interface DeviceConditions {
  thermalStatus?: number;
  maxCpuC?: number;
  batteryC?: number;
  at: string;
}

export async function readDeviceConditions(shell: ShellRunner): Promise<DeviceConditions> {
  const conditions: DeviceConditions = { at: new Date().toISOString() };
  const [thermal, battery] = await Promise.allSettled([readThermal(shell), readBattery(shell)]);
  if (thermal.status === 'fulfilled') {
    if (thermal.value.status !== undefined) conditions.thermalStatus = thermal.value.status;
    if (thermal.value.maxCpuC !== undefined) conditions.maxCpuC = thermal.value.maxCpuC;
  }
  if (battery.status === 'fulfilled' && battery.value.temperatureC !== undefined)
    conditions.batteryC = battery.value.temperatureC;
  return conditions;
}
