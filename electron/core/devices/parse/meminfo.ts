export interface MemInfo {
  totalKb?: number;
  availableKb?: number;
}

/** `/proc/meminfo`: `MemTotal:  7645056 kB`, `MemAvailable:  3012344 kB` (MemAvailable exists since Linux 3.14). */
export function parseMeminfo(text: string): MemInfo {
  const info: MemInfo = {};
  const total = /^MemTotal:\s+(\d+)\s*kB/m.exec(text);
  const available = /^MemAvailable:\s+(\d+)\s*kB/m.exec(text);
  if (total) info.totalKb = Number(total[1]);
  if (available) info.availableKb = Number(available[1]);
  return info;
}
