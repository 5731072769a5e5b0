// adbkit is CommonJS; under Node's ESM loader the default import is `module.exports`, whose `Adb` property holds
// the class (the typings describe the class itself as the default export, which is wrong at runtime: adbkit #432).
import adbkitModule from '@devicefarmer/adbkit';

export type AdbClass = typeof adbkitModule;
export type AdbClient = ReturnType<AdbClass['createClient']>;
export type AdbDeviceClient = ReturnType<AdbClient['getDevice']>;
export type AdbTracker = Awaited<ReturnType<AdbClient['trackDevices']>>;

const moduleExports = adbkitModule as unknown as { Adb?: AdbClass; createClient?: unknown };
export const Adb: AdbClass = moduleExports.Adb ?? (adbkitModule as AdbClass);
