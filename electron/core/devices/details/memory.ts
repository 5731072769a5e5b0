import type { ShellRunner } from '../device-shell';
import { parseMeminfo, type MemInfo } from '../parse/meminfo';

export async function readMemory(shell: ShellRunner): Promise<MemInfo> {
  return parseMeminfo(await shell('cat /proc/meminfo'));
}
