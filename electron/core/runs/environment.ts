import { cpus, platform, arch, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { appVersion } from '../util/app-root';

const require = createRequire(import.meta.url);

function packageVersion(name: string): string | undefined {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return undefined;
  }
}

function ownVersion(): string | undefined {
  try {
    return appVersion();
  } catch {
    return undefined;
  }
}

/** Versions and machine facts recorded in every run, so results can be compared honestly. */
export function environmentInfo(): Record<string, unknown> {
  return {
    sparseStudio: ownVersion(),
    node: process.versions.node,
    electron: process.versions.electron,
    platform: platform(),
    arch: arch(),
    cpu: cpus()[0]?.model,
    cpuCount: cpus().length,
    memoryBytes: totalmem(),
    tfjs: packageVersion('@tensorflow/tfjs'),
  };
}
