import type { ShellRunner } from '../device-shell';
import { parseDumpsysThermal, parseThermalZones, type ThermalState } from '../parse/thermal';

/** Thermal status and temperatures: the thermal service (Android 10+), else the kernel's thermal zones. */
export async function readThermal(shell: ShellRunner): Promise<ThermalState> {
  const service = parseDumpsysThermal(await shell('dumpsys thermalservice'));
  if (service.status !== undefined && service.temperatures.length > 0) return service;
  const zones = parseThermalZones(
    await shell('grep . /sys/class/thermal/thermal_zone*/type /sys/class/thermal/thermal_zone*/temp'),
  );
  return {
    ...zones,
    ...(service.status !== undefined ? { status: service.status } : {}),
    ...(service.statusName ? { statusName: service.statusName } : {}),
  };
}
