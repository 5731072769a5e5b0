// One real adb server on a private port plus emulated phones, for the device tests.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAdbConnection } from '../../electron/core/devices/adb-connection';
import type { AdbClient } from '../../electron/core/devices/adbkit';
import { findAdb, startPrivateAdbServer, type PrivateAdbServer } from './adb-server';
import { EmulatedPhone, type PhoneOptions } from './emulated-phone';
import { standinBinary } from './standin-benchmark-model';

export const ADB_MISSING = 'adb is not installed (apt install adb): skipping the tests against a real adb server';

export interface Rig {
  server: PrivateAdbServer;
  client: AdbClient;
  phones: EmulatedPhone[];
  /** A temp folder for models, binaries and results; removed by stop(). */
  dir: string;
  /** The stand-in benchmark_model (a 64-bit ARM ELF header + marker). */
  binaryPath: string;
  addPhone(options?: PhoneOptions, connect?: boolean): Promise<EmulatedPhone>;
  waitForState(serial: string, state: string | undefined, timeoutMs?: number): Promise<void>;
  writeModel(name: string, bytes: number): string;
  stop(): Promise<void>;
}

export async function startRig(): Promise<Rig | undefined> {
  const adb = findAdb();
  if (!adb) return undefined;
  const server = await startPrivateAdbServer(adb);
  const { client } = await openAdbConnection({ server: `127.0.0.1:${server.port}` });
  const dir = mkdtempSync(join(tmpdir(), 'sparse-rig-'));
  const binaryPath = join(dir, 'android_aarch64_benchmark_model');
  writeFileSync(binaryPath, standinBinary(64));
  const phones: EmulatedPhone[] = [];
  const rig: Rig = {
    server,
    client,
    phones,
    dir,
    binaryPath,
    async addPhone(options = {}, connect = true) {
      const phone = new EmulatedPhone(options);
      await phone.start();
      phones.push(phone);
      if (connect) {
        await server.run('connect', phone.serial);
        await rig.waitForState(phone.serial, options.auth === 'unauthorized' ? 'unauthorized' : 'device');
      }
      return phone;
    },
    async waitForState(serial, state, timeoutMs = 8000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const devices = (await client.listDevices()) as { id: string; type: string }[];
        const found = devices.find((d) => d.id === serial);
        if (found?.type === state || (state === undefined && !found)) return;
        if (Date.now() > deadline)
          throw new Error(`${serial} did not reach state ${state ?? 'gone'} (now ${found?.type ?? 'gone'})`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    writeModel(name, bytes) {
      const path = join(dir, name);
      const data = Buffer.alloc(bytes);
      for (let i = 0; i < bytes; i++) data[i] = (i * 31 + name.length) & 0xff;
      data.write('TFL3', 4, 'latin1');
      writeFileSync(path, data);
      return path;
    },
    async stop() {
      await Promise.all(phones.map((p) => p.stop()));
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return rig;
}
