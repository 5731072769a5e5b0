import type { ListedDevice } from './list-devices';

/** One human-readable line for `devices`. */
export function describeDevice(device: ListedDevice): string {
  if (!device.details) return `${device.serial}  ${device.state}${device.advice ? `  — ${device.advice}` : ''}`;
  const { identity, cpu, memory, battery, thermal } = device.details;
  const parts: string[] = [];
  const name = [identity?.manufacturer, identity?.model].filter(Boolean).join(' ');
  if (name) parts.push(name);
  if (identity?.androidVersion) parts.push(`Android ${identity.androidVersion}${identity.sdk ? ` (SDK ${identity.sdk})` : ''}`);
  if (identity?.abis[0]) parts.push(identity.abis[0]);
  if (identity?.soc) parts.push(`SoC ${identity.soc}`);
  if (cpu && cpu.clusters.length > 0) {
    const clusters = cpu.clusters.map((c) => `${c.cpus.length}×${(c.maxFreqKhz / 1e6).toFixed(2)} GHz`).join(' + ');
    parts.push(`CPU ${clusters}${cpu.bigCoreMask ? ` (big cores mask ${cpu.bigCoreMask})` : ''}`);
  }
  if (memory?.totalKb) parts.push(`RAM ${(memory.totalKb / 1024 / 1024).toFixed(1)} GB`);
  if (battery?.level !== undefined)
    parts.push(`battery ${battery.level}%${battery.temperatureC !== undefined ? ` ${battery.temperatureC.toFixed(1)} °C` : ''}`);
  if (thermal?.statusName) parts.push(`thermal ${thermal.statusName}`);
  return `${device.serial}  ${device.state}  ${parts.join(' · ')}`;
}
