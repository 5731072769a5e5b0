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
// A type alias, not an interface: run.json keeps it as a plain Record<string, unknown>.
export type EnvironmentInfo = {
  sparseStudio: string | undefined;
  node: string;
  /** Absent outside Electron (CLI, browser mode, tests). */
  electron: string | undefined;
  platform: string;
  arch: string;
  cpu: string | undefined;
  cpuCount: number;
  memoryBytes: number;
  tfjs: string | undefined;
};

export function environmentInfo(): EnvironmentInfo {
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
