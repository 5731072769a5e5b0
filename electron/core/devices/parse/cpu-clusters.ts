export interface CoreMaxFreq {
  cpu: number;
  /** kHz, from cpuN/cpufreq/cpuinfo_max_freq; absent for offline cores without cpufreq. */
  maxFreqKhz?: number;
}

export interface CpuCluster {
  maxFreqKhz: number;
  cpus: number[];
  /** taskset mask (hex, no 0x) of this cluster's cores. */
  mask: string;
}

export interface CpuClusters {
  /** Slowest first. */
  clusters: CpuCluster[];
  /** taskset mask of the fastest cluster, e.g. `f0` for cores 4-7. */
  bigCoreMask?: string;
  bigCores: number[];
  /** Cores whose max frequency is unknown (offline, no cpufreq). */
  unknownCores: number[];
}

/**
 * Reads `grep . /sys/devices/system/cpu/cpu*\/cpufreq/cpuinfo_max_freq` output (`path:value`; `path value` also
 * accepted) into per-core maximum frequencies.
 */
export function parseCpuMaxFreqListing(text: string): CoreMaxFreq[] {
  const cores = new Map<number, CoreMaxFreq>();
  for (const line of text.replace(/\r/g, '').split('\n')) {
    const match = /\/cpu(\d+)\/cpufreq\/cpuinfo_max_freq[:\s]+(\S+)?/.exec(line);
    if (!match) continue;
    const cpu = Number(match[1]);
    const khz = Number(match[2]);
    cores.set(cpu, Number.isFinite(khz) && khz > 0 ? { cpu, maxFreqKhz: khz } : { cpu });
  }
  return [...cores.values()].sort((a, b) => a.cpu - b.cpu);
}

export function maskForCpus(cpus: number[]): string {
  const mask = cpus.reduce((m, cpu) => m | (1n << BigInt(cpu)), 0n);
  return mask.toString(16);
}

/** Groups cores by maximum frequency (little / mid / big clusters) and gives the big cores' taskset mask. */
export function cpuClusters(cores: CoreMaxFreq[]): CpuClusters {
  const byFreq = new Map<number, number[]>();
  const unknownCores: number[] = [];
  for (const core of cores) {
    if (core.maxFreqKhz === undefined) unknownCores.push(core.cpu);
    else byFreq.set(core.maxFreqKhz, [...(byFreq.get(core.maxFreqKhz) ?? []), core.cpu]);
  }
  const clusters = [...byFreq.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([maxFreqKhz, cpus]) => ({ maxFreqKhz, cpus: cpus.sort((a, b) => a - b), mask: maskForCpus(cpus) }));
  const big = clusters[clusters.length - 1];
  const result: CpuClusters = { clusters, bigCores: big ? big.cpus : [], unknownCores };
  if (big) result.bigCoreMask = big.mask;
  return result;
}
