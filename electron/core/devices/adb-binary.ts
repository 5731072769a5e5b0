import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { UserError } from '../util/errors';

const EXE = process.platform === 'win32' ? 'adb.exe' : 'adb';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The adb program: a configured path, else ANDROID_HOME / ANDROID_SDK_ROOT platform-tools, else PATH. */
export function findAdbBinary(configured: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (configured) {
    if (executable(configured)) return configured;
    throw new UserError(
      'ADB_NOT_FOUND',
      `The configured adb '${configured}' does not exist or is not executable`,
      'Fix the adb path in the device settings, or remove it to use adb from PATH.',
    );
  }
  const candidates: string[] = [];
  for (const sdk of [env.ANDROID_HOME, env.ANDROID_SDK_ROOT]) if (sdk) candidates.push(join(sdk, 'platform-tools', EXE));
  for (const dir of (env.PATH ?? '').split(delimiter)) if (dir) candidates.push(join(dir, EXE));
  const found = candidates.find(executable);
  if (found) return found;
  throw new UserError(
    'ADB_NOT_FOUND',
    'adb (Android platform-tools) is not installed: it is not in ANDROID_HOME/platform-tools nor on PATH',
    'Install platform-tools (https://developer.android.com/tools/releases/platform-tools, or `apt install adb`), or point to a running adb server with --adb-server HOST:PORT.',
  );
}
