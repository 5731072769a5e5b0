import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { benchmarkDevices } from '../../electron/core/benchmark/benchmark-devices';
import { AdbDevice } from '../../electron/core/devices/adb-device';
import type { BenchmarkRequest, DeviceBenchmarkOutcome } from '../../electron/core/devices/device';
import type { EmulatedPhone } from '../rig/emulated-phone';
import { ADB_MISSING, startRig, type Rig } from '../rig/test-rig';

const rig = await startRig();
const skip = rig ? false : ADB_MISSING;

function portClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

describe('every fault ends in a clear typed error, in time, without hurting the other phone', { skip, timeout: 60_000 }, () => {
  const r = rig as Rig;
  after(async () => {
    const port = r.server.port;
    await r.stop();
    assert.equal(await portClosed(port), true, 'the private adb server is gone');
  });

  it('runs a healthy phone next to phones that fail in every way', { timeout: 40_000 }, async () => {
    const healthy = await r.addPhone({ model: 'Healthy' });
    const faults: Record<string, { phone: EmulatedPhone; code: RegExp; message: RegExp }> = {};
    const add = async (name: string, phone: EmulatedPhone, code: RegExp, message: RegExp) =>
      (faults[name] = { phone, code, message });

    await add(
      'unauthorized',
      await r.addPhone({ auth: 'unauthorized' }),
      /^DEVICE_UNAUTHORIZED$/,
      /has not allowed USB debugging/,
    );
    const offline = await r.addPhone({ model: 'Offline' });
    offline.auth = 'offline';
    offline.dropConnection();
    await r.waitForState(offline.serial, 'offline');
    await add('offline', offline, /^DEVICE_OFFLINE$/, /is offline/);
    const dropPush = await r.addPhone({ model: 'DropPush' });
    dropPush.dropPushAfterBytes = 100_000;
    await add('drop during push', dropPush, /^DEVICE_CONNECTION_LOST$/, /connection broke|incomplete/);
    const dropRun = await r.addPhone({ model: 'DropRun' });
    dropRun.benchmarkFault = 'drop-connection';
    await add('drop during run', dropRun, /^DEVICE_CONNECTION_LOST$/, /connection broke during benchmark/);
    const noexec = await r.addPhone({ model: 'Noexec' });
    noexec.fs.noexec.add('/data/local/tmp');
    await add('noexec push location', noexec, /^binary-permission-denied$/, /Permission denied|permission/i);
    const readonly = await r.addPhone({ model: 'Readonly' });
    readonly.readonlyDirs.push('/data/local/tmp/sparse-studio');
    await add('push refused', readonly, /^PUSH_PERMISSION_DENIED$/, /cannot write/);
    const arm32 = await r.addPhone({
      model: 'Old32',
      userlandBits: 32,
      props: { 'ro.product.cpu.abilist': 'armeabi-v7a,armeabi', 'ro.product.cpu.abilist64': '' },
    });
    await add('32-bit userland', arm32, /^binary-wrong-abi-64bit$/, /64-bit/);
    const crash = await r.addPhone({ model: 'Crash' });
    crash.benchmarkFault = 'crash';
    await add('segfault', crash, /^crashed-sigsegv$/, /Segmentation fault|SIGSEGV|crash/i);
    const hang = await r.addPhone({ model: 'Hang' });
    hang.benchmarkFault = 'hang';
    await add('never ends', hang, /^BENCHMARK_TIMEOUT$/, /did not finish within 2 s; the process on the phone was killed/);

    const model = r.writeModel('fault_model.tflite', 300_000);
    const request: BenchmarkRequest = {
      models: [model],
      flags: { numRuns: 10, warmupRuns: 1, numThreads: 1, useXnnpack: 'default', enableOpProfiling: false },
      bigCores: false,
      repeat: 2,
      cooldownMs: 0,
      timeoutMs: 2000,
      keepFiles: false,
      outDir: join(r.dir, 'out-faults'),
      binaryPath: r.binaryPath,
    };
    const phones = [healthy, ...Object.values(faults).map((f) => f.phone)];
    const started = Date.now();
    const outcomes = await benchmarkDevices(
      phones.map((p) => new AdbDevice(r.client, p.serial)),
      request,
    );
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 20_000, `all settled in ${elapsed} ms`);
    const byId = new Map<string, DeviceBenchmarkOutcome>(outcomes.map((o) => [o.device.id, o]));

    const good = byId.get(healthy.serial)!;
    assert.deepEqual(good.failures, []);
    assert.equal(good.results.length, 2);
    assert.ok(good.results.every((x) => x.synthetic && x.stats.count === 10));

    for (const [name, { phone, code, message }] of Object.entries(faults)) {
      const outcome = byId.get(phone.serial)!;
      assert.equal(outcome.results.length, 0, `${name}: no result`);
      const first = outcome.failures[0];
      assert.ok(first, `${name}: a failure is reported`);
      assert.match(first.code, code, `${name}: code ${first.code} (${first.message})`);
      assert.match(first.message, message, `${name}: message`);
      assert.ok(first.hint && first.hint.length > 10, `${name}: has a hint (${first.hint})`);
      assert.equal(phone.processes.size, 0, `${name}: no process left on the phone`);
    }
    // The hung tool was killed through its PID, not just abandoned.
    assert.ok(
      hang.shellLog.some((c) => /^'kill' '\d+'$/.test(c)),
      'kill sent',
    );
  });

  it('cancel (AbortSignal) stops a running benchmark and kills it on the phone', { timeout: 15_000 }, async () => {
    const phone = await r.addPhone({ model: 'Cancel' });
    phone.benchmarkFault = 'hang';
    const controller = new AbortController();
    const model = r.writeModel('cancel.tflite', 1000);
    const pending = new AdbDevice(r.client, phone.serial).benchmark({
      models: [model],
      flags: { numRuns: 10, warmupRuns: 1, numThreads: 1, useXnnpack: 'default', enableOpProfiling: false },
      bigCores: false,
      repeat: 3,
      cooldownMs: 0,
      timeoutMs: 30_000,
      keepFiles: false,
      outDir: join(r.dir, 'out-cancel'),
      binaryPath: r.binaryPath,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'run-start') setTimeout(() => controller.abort(), 300);
      },
    });
    const started = Date.now();
    const outcome = await pending;
    assert.ok(Date.now() - started < 5000);
    assert.equal(outcome.failures[0]?.code, 'CANCELLED');
    assert.equal(outcome.failures.length, 2, 'the cancelled run and the first skipped one');
    assert.equal(phone.processes.size, 0);
    assert.ok(phone.shellLog.some((c) => /^'kill' '\d+'$/.test(c)));
  });
});
