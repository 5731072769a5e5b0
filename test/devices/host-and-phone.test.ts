import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { benchmarkTargets } from '../../electron/core/benchmark/benchmark-targets';
import { HOST_DEVICE_ID, resolveDevices } from '../../electron/core/benchmark/device-registry';
import { HostDevice } from '../../electron/core/benchmark/host-device';
import { safeName } from '../../electron/core/benchmark/result-files';
import { AdbDevice } from '../../electron/core/devices/adb-device';
import type { BenchmarkRequest } from '../../electron/core/devices/device';
import { convertToTflite } from '../../electron/core/tflite/convert';
import { ADB_MISSING, startRig, type Rig } from '../rig/test-rig';
import { testModel } from '../tflite/test-model';

const rig = await startRig();
const skip = rig ? false : ADB_MISSING;

// "This computer" and an emulated phone (SYNTHETIC latencies) chosen by id and driven through the one Device interface.
describe('This computer and a phone through the device registry', { skip, timeout: 120_000 }, () => {
  const r = rig as Rig;
  after(async () => r.stop());
  const settingsPath = join(mkdtempSync(join(tmpdir(), 'host-phone-settings-')), 'devices.json');
  const options = () => ({ adbServer: `127.0.0.1:${r.server.port}`, settingsPath });
  const request = (models: string[], outDir: string, numThreads = 1): BenchmarkRequest => ({
    models,
    flags: { numRuns: 5, warmupRuns: 1, numThreads, useXnnpack: 'true', enableOpProfiling: false },
    bigCores: false,
    repeat: 1,
    cooldownMs: 0,
    timeoutMs: 30_000,
    keepFiles: false,
    outDir,
    binaryPath: r.binaryPath,
  });
  const realModel = (): string => {
    const { spec, weights } = testModel(3);
    const file = join(r.dir, 'real.tflite');
    writeFileSync(file, convertToTflite(spec, weights, { sparse: false }).bytes);
    return file;
  };

  it('resolves host and a serial to Device objects; host alone never needs adb', async () => {
    const phone = await r.addPhone({ model: 'Registry Phone' });
    const devices = await resolveDevices([HOST_DEVICE_ID, phone.serial], options());
    assert.deepEqual(
      devices.map((d) => [d.constructor.name, d.ref.id, d.ref.kind]),
      [
        [AdbDevice.name, phone.serial, 'adb'],
        [HostDevice.name, HOST_DEVICE_ID, 'host'],
      ],
    );
    // A broken adb server address does not matter when only this computer is chosen.
    const hostOnly = await resolveDevices([HOST_DEVICE_ID], { adbServer: '127.0.0.1:1', settingsPath });
    assert.deepEqual(
      hostOnly.map((d) => d.ref.id),
      [HOST_DEVICE_ID],
    );
    const details = (await devices[1]!.details()) as Record<string, unknown>;
    assert.equal(details.kind, 'host');
    assert.equal(typeof details.cpuCount, 'number');
  });

  it('benchmarks the same model on both; each writes its own results', async () => {
    const phone = r.phones[0]!;
    const outDir = join(r.dir, 'out-both');
    const outcomes = await benchmarkTargets({ targets: [HOST_DEVICE_ID, phone.serial], ...options() }, request([realModel()], outDir));
    assert.deepEqual(
      outcomes.map((o) => [o.device.id, o.failures.length, o.results.length]),
      [
        [phone.serial, 0, 1],
        [HOST_DEVICE_ID, 0, 1],
      ],
    );
    const [onPhone, onHost] = outcomes.map((o) => o.results[0]!);
    assert.equal(onPhone!.synthetic, true, 'the emulated phone is labelled synthetic');
    assert.equal(onHost!.synthetic, false, 'this computer runs the real runtime');
    assert.equal(onHost!.stats.count, 5);
    assert.ok(existsSync(join(outDir, safeName(phone.serial))));
    assert.ok(existsSync(join(outDir, HOST_DEVICE_ID)));
  });

  it('one failing device does not stop the other: host refuses, the phone runs', async () => {
    const phone = r.phones[0]!;
    // 9 threads is past the WebAssembly runtime's pool; the phone takes it.
    const outcomes = await benchmarkTargets(
      { targets: [phone.serial, HOST_DEVICE_ID], ...options() },
      request([realModel()], join(r.dir, 'out-host-fails'), 9),
    );
    const [onPhone, onHost] = outcomes;
    assert.equal(onPhone!.results.length, 1);
    assert.deepEqual(onPhone!.failures, []);
    assert.equal(onHost!.results.length, 0);
    assert.equal(onHost!.failures[0]?.code, 'BAD_OPTION');
    assert.match(onHost!.failures[0]!.message, /^This computer: --threads must be between 1 and 8/);
  });

  it('one failing device does not stop the other: the phone crashes, host runs', async () => {
    const crash = await r.addPhone({ model: 'Crash' });
    crash.benchmarkFault = 'crash';
    const outcomes = await benchmarkTargets(
      { targets: [HOST_DEVICE_ID, crash.serial], ...options() },
      request([realModel()], join(r.dir, 'out-phone-fails')),
    );
    const [onPhone, onHost] = outcomes;
    assert.equal(onPhone!.results.length, 0);
    assert.match(onPhone!.failures[0]?.code ?? '', /^crashed-sigsegv$/);
    assert.deepEqual(onHost!.failures, []);
    assert.equal(onHost!.results.length, 1);
  });
});
