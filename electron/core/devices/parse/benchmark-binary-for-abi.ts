import { UserError } from '../../util/errors';

export type BenchmarkBinaryName = 'android_aarch64_benchmark_model' | 'android_arm_benchmark_model';

/**
 * Picks the official benchmark_model build for a device from its ABI list (ro.product.cpu.abilist, in the device's
 * order of preference): arm64-v8a -> android_aarch64, armeabi-v7a / armeabi -> android_arm. Other ABIs (x86, x86_64,
 * riscv64) have no Android build of the tool.
 */
export function benchmarkBinaryForAbis(abis: readonly string[], device = 'this device'): BenchmarkBinaryName {
  if (abis.includes('arm64-v8a')) return 'android_aarch64_benchmark_model';
  if (abis.includes('armeabi-v7a') || abis.includes('armeabi')) return 'android_arm_benchmark_model';
  if (abis.length === 0) {
    throw new UserError(
      'UNKNOWN_ABI',
      `${device} reports no CPU ABI (ro.product.cpu.abilist is empty).`,
      'Reconnect the device and check `adb shell getprop ro.product.cpu.abilist`.',
    );
  }
  throw new UserError(
    'UNSUPPORTED_ABI',
    `${device} has CPU ABI ${abis.join(', ')}; benchmark_model is published for Android only as arm64-v8a and armeabi-v7a.`,
    'Use an ARM phone, or build benchmark_model for this ABI yourself and point to it with --binary.',
  );
}
