import type { ShellRunner } from '../device-shell';
import { cpuClusters, parseCpuMaxFreqListing, type CpuClusters } from '../parse/cpu-clusters';

/** Per-core max frequencies grouped into clusters, with the big cores' taskset mask. */
export async function readCpuClusters(shell: ShellRunner): Promise<CpuClusters> {
  return cpuClusters(parseCpuMaxFreqListing(await shell('grep . /sys/devices/system/cpu/cpu*/cpufreq/cpuinfo_max_freq')));
}
