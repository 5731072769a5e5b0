import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, it } from 'node:test';
import { benchmarkDevices } from '../../electron/core/benchmark/benchmark-devices';
import { AdbDevice } from '../../electron/core/devices/adb-device';
import type { BenchmarkEvent, BenchmarkRequest } from '../../electron/core/devices/device';
import { runCli } from '../../electron/cli/main';
import { ADB_MISSING, startRig, type Rig } from '../rig/test-rig';

const rig = await startRig();
const skip = rig ? false : ADB_MISSING;
const NASTY = "a b'c;$(touch pwned).tflite";

function findFiles(dir: string, name: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => p.split('/').pop() === name);
}

describe('benchmarks on two emulated phones through the real adb server', { skip, timeout: 60_000 }, () => {
  const r = rig as Rig;
  after(async () => r.stop());

  it(
    'runs two models with repeats (A B A B) on both phones in parallel, quoting a hostile file name',
    { timeout: 30_000 },
    async () => {
      const [one, two] = [await r.addPhone({ model: 'Phone One' }), await r.addPhone({ model: 'Phone Two' })];
      const dense = r.writeModel(NASTY, 40_000);
      const sparse = r.writeModel('model_sparse.tflite', 40_000);
      const outDir = join(r.dir, 'out-parallel');
      const events: BenchmarkEvent[] = [];
      const request: BenchmarkRequest = {
        models: [dense, sparse],
        flags: { numRuns: 20, warmupRuns: 2, numThreads: 1, useXnnpack: 'true', enableOpProfiling: true },
        bigCores: true,
        repeat: 2,
        cooldownMs: 10,
        timeoutMs: 10_000,
        keepFiles: false,
        outDir,
        binaryPath: r.binaryPath,
        onEvent: (e) => events.push(e),
      };
      const outcomes = await benchmarkDevices(
        [new AdbDevice(r.client, one!.serial), new AdbDevice(r.client, two!.serial)],
        request,
      );
      for (const outcome of outcomes) {
        assert.deepEqual(outcome.failures, [], `no failure on ${outcome.device.id}`);
        assert.deepEqual(
          outcome.results.map((x) => `${x.model.file.split('/').pop()}#${x.repetition}`),
          [`${NASTY}#0`, 'model_sparse.tflite#0', `${NASTY}#1`, 'model_sparse.tflite#1'],
        );
        for (const result of outcome.results) {
          assert.equal(result.synthetic, true);
          assert.equal(result.stats.count, 20);
          assert.ok(result.stats.avg > 0);
          assert.equal(result.flags.bigCoresMask, '80');
          assert.equal(result.tool.name, 'benchmark_model');
          assert.match(result.tool.sha256 ?? '', /^[0-9a-f]{64}$/);
          assert.equal(result.sparseInference.engaged, result.model.file.endsWith('model_sparse.tflite') ? 'yes' : 'no');
          const record = JSON.parse(readFileSync(result.rawOutputFile!.replace(/\.output\.txt$/, '.json'), 'utf8')) as {
            conditions: { before: { thermalStatus: number; batteryC: number }; after: unknown };
          };
          assert.equal(record.conditions.before.thermalStatus, 0);
          assert.equal(record.conditions.before.batteryC, 31.2);
          assert.ok(record.conditions.after);
          assert.match(readFileSync(result.rawOutputFile!, 'utf8'), /Inference timings in us/);
        }
      }
      // Both phones really ran in parallel: their first runs started before either finished all four.
      const starts = events.filter((e) => e.type === 'run-start').map((e) => (e as { device: string }).device);
      assert.ok(starts.indexOf(two!.serial) < starts.lastIndexOf(one!.serial), 'runs interleave across phones');
      assert.ok(events.some((e) => e.type === 'push' && e.bytes === e.total));
      // The model name reached the tool intact, and nothing was executed from it.
      for (const phone of [one!, two!]) {
        assert.ok(
          phone.shellLog.some((c) => c.includes('__PID=')),
          'benchmark command sent',
        );
        assert.deepEqual(phone.fs.findByName('pwned'), []);
        assert.equal(
          [...phone.fs.files.keys()].filter((p) => p.startsWith('/data/local/tmp/sparse-studio')).length,
          0,
          'device files removed',
        );
      }
      assert.deepEqual(findFiles(r.dir, 'pwned'), []);
      assert.deepEqual(findFiles(process.cwd(), 'pwned'), []);
    },
  );

  it('keeps files with keepFiles, and then skips pushing them again', { timeout: 20_000 }, async () => {
    const phone = await r.addPhone({ model: 'Keeper' });
    const model = r.writeModel('kept.tflite', 10_000);
    const events: BenchmarkEvent[] = [];
    const request: BenchmarkRequest = {
      models: [model],
      flags: { numRuns: 5, warmupRuns: 1, numThreads: 2, useXnnpack: 'default', enableOpProfiling: false },
      bigCores: false,
      repeat: 1,
      cooldownMs: 0,
      timeoutMs: 10_000,
      keepFiles: true,
      outDir: join(r.dir, 'out-keep'),
      binaryPath: r.binaryPath,
      onEvent: (e) => events.push(e),
    };
    const device = new AdbDevice(r.client, phone.serial);
    assert.deepEqual((await device.benchmark(request)).failures, []);
    const binary = phone.fs.files.get('/data/local/tmp/sparse-studio/benchmark_model');
    assert.equal(binary?.mode, 0o755);
    assert.ok(phone.fs.files.has('/data/local/tmp/sparse-studio/kept.tflite'));
    events.length = 0;
    assert.deepEqual((await device.benchmark({ ...request, keepFiles: false })).failures, []);
    const pushes = events.filter((e) => e.type === 'push') as Extract<BenchmarkEvent, { type: 'push' }>[];
    assert.deepEqual(
      pushes.map((p) => p.skipped),
      [true, true],
    );
    assert.ok(!phone.fs.isDir('/data/local/tmp/sparse-studio'));
  });

  it('the bench CLI writes one JSON per run and prints JSON lines', { timeout: 20_000 }, async () => {
    const phone = await r.addPhone({ model: 'Cli' });
    const model = r.writeModel('cli.tflite', 8_000);
    const outDir = join(r.dir, 'out-cli');
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let text = '';
    stdout.on('data', (c: Buffer) => (text += c.toString()));
    let errText = '';
    stderr.on('data', (c: Buffer) => (errText += c.toString()));
    const code = await runCli(
      [
        'bench',
        '--device',
        phone.serial,
        '--model',
        model,
        '--binary',
        r.binaryPath,
        '--runs',
        '5',
        '--repeat',
        '2',
        '--op-profiling',
        '--adb-server',
        `127.0.0.1:${r.server.port}`,
        '--out',
        outDir,
        '--json',
      ],
      { stdout, stderr, interactive: false },
    );
    assert.equal(code, 0, errText);
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; devices?: { runs: number }[] });
    assert.equal(lines.filter((l) => l.type === 'run-done').length, 2);
    assert.equal(lines.at(-1)?.type, 'summary');
    assert.equal(lines.at(-1)?.devices?.[0]?.runs, 2);
    const files = readdirSync(join(outDir, phone.serial.replace(':', '_'))).sort();
    assert.deepEqual(files, ['cli.r0.json', 'cli.r0.output.txt', 'cli.r1.json', 'cli.r1.output.txt']);
  });

  it('the devices CLI lists phones with details', { timeout: 15_000 }, async () => {
    const stdout = new PassThrough();
    let text = '';
    stdout.on('data', (c: Buffer) => (text += c.toString()));
    const home = process.env.SPARSE_STUDIO_HOME;
    process.env.SPARSE_STUDIO_HOME = join(r.dir, 'home');
    try {
      const code = await runCli(['devices', '--adb-server', `127.0.0.1:${r.server.port}`], {
        stdout,
        stderr: new PassThrough(),
        interactive: false,
      });
      assert.equal(code, 0);
    } finally {
      if (home === undefined) delete process.env.SPARSE_STUDIO_HOME;
      else process.env.SPARSE_STUDIO_HOME = home;
    }
    assert.match(
      text,
      /Sparse Studio Phone One · Android 14 \(SDK 34\) · arm64-v8a · SoC Emulated EMU8000 · CPU 4×1\.80 GHz \+ 3×2\.42 GHz \+ 1×2\.84 GHz \(big cores mask 80\) · RAM 7\.5 GB · battery 87% 31\.2 °C · thermal NONE/,
    );
  });
});
