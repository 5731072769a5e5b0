import type { ShellRunner } from '../device-shell';
import { parseDumpsysBattery, type BatteryState } from '../parse/battery';

export async function readBattery(shell: ShellRunner): Promise<BatteryState> {
  return parseDumpsysBattery(await shell('dumpsys battery'));
}
