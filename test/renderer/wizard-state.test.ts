// The wizard screens' pure helpers: form limits read from the contract's zod schemas, the chance-level test, the
// no-mask-update warning (against the core's own PolynomialDecay), run kinds, device facts (from the core's parsers
// fed with device-format text), the benchmark summary, what a comparison's runs differ in, and step locks.
import { test } from 'node:test';
import type { HostDetails } from '../../electron/core/benchmark/host-device';
import assert from 'node:assert/strict';
import { benchmarkJobConfig, commandRequests, pruneJobConfig, trainJobConfig } from '../../shared/contract';
import { limitsText, numberLimits, numberProblem } from '../../renderer/src/forms/number-limits';
import { atChance } from '../../renderer/src/state/chance';
import { GUIDE_SCHEDULE, largestPruningFrequency, schedulePlot } from '../../renderer/src/state/schedule-points';
import { runKind } from '../../renderer/src/state/run-list';
import { describeMissing } from '../../renderer/src/state/missing-items';
import { configDifferences } from '../../renderer/src/state/config-diff';
import { deviceFacts } from '../../renderer/src/state/device-facts';
import { deviceName, isNetworkDevice, stateAdvice } from '../../renderer/src/state/devices';
import { summariseBenchmark } from '../../renderer/src/state/benchmark-summary';
import { stepLock } from '../../renderer/src/app/step-locks';
import { deviceIdentityFromProps } from '../../electron/core/devices/parse/device-identity';
import { parseGetprop } from '../../electron/core/devices/parse/getprop';
import { parseMeminfo } from '../../electron/core/devices/parse/meminfo';
import { cpuClusters, parseCpuMaxFreqListing } from '../../electron/core/devices/parse/cpu-clusters';
import type { ModelBenchmark } from '../../shared/benchmark-result';

test('form limits come from the contract schema, so any value the form accepts passes validation', () => {
  const epochs = trainJobConfig.shape.epochs;
  assert.deepEqual(numberLimits(epochs), {
    min: 1,
    max: 1_000_000,
    minExclusive: false,
    maxExclusive: false,
    integer: true,
    optional: false,
  });
  assert.equal(limitsText(numberLimits(epochs)), '1 – 1,000,000');
  assert.equal(numberProblem(epochs, -3), 'Enter a value in the range 1 – 1,000,000.');
  assert.equal(numberProblem(epochs, 2.5), 'Enter a whole number.');
  assert.equal(numberProblem(epochs, Number.NaN), 'Enter a number.');
  assert.equal(numberProblem(epochs, 3), undefined);
  const final = pruneJobConfig.shape.finalSparsity;
  assert.equal(limitsText(numberLimits(final)), '0 ≤ x < 1');
  assert.match(numberProblem(final, 1) ?? '', /0 ≤ x < 1/);
  const limit = commandRequests['data.inspect'].shape.limit;
  assert.equal(numberProblem(limit, undefined), undefined, 'an empty optional field is fine');
  // Every value the limits allow passes, every value they refuse fails: the two can never disagree.
  for (const schema of [epochs, final, benchmarkJobConfig.shape.threads, benchmarkJobConfig.shape.cooldownSeconds]) {
    for (const v of [-1, 0, 0.5, 1, 63, 64, 65, 999_999, 1_000_000, 1_000_001, 3600, 3601]) {
      assert.equal(numberProblem(schema, v) === undefined, schema.safeParse(v).success, `${v}`);
    }
  }
});

test('accuracy at chance level: below 1/k plus two standard deviations of guessing', () => {
  assert.equal(atChance(0.1, 10, 20), true);
  assert.equal(atChance(0.2, 10, 20), true, '20 images: 0.2 is within 2 sd (0.134) of 0.1');
  assert.equal(atChance(0.32, 10, 2000), false);
  assert.equal(atChance(0.11, 10, 10000), false);
});

test('no mask update in a short run: warned before it starts, with the largest frequency that prunes', () => {
  // The case: 58 steps, masks every 100 steps.
  const form = { ...GUIDE_SCHEDULE, epochs: 1, endEpoch: 1, frequency: 100, batchSize: 32 };
  const images = 58 * 32;
  const plot = schedulePlot(form, images);
  assert.equal(plot.totalSteps, 58);
  assert.deepEqual(plot.updates, []);
  const frequency = largestPruningFrequency(form, images);
  assert.ok(frequency !== undefined && frequency <= 58);
  assert.ok(schedulePlot({ ...form, frequency }, images).updates.length > 0, 'the suggested frequency does prune');
  assert.equal(schedulePlot({ ...form, frequency: frequency + 1 }, images).updates.length, 0, 'and it is the largest');
  assert.ok(schedulePlot(GUIDE_SCHEDULE, 45_000).updates.length > 0);
});

test('run kinds: pipeline, or the steps the run went through', () => {
  const steps = (...names: string[]) => names.map((name) => ({ name, status: 'completed', error: null }));
  assert.equal(runKind({ kind: 'pipeline', steps: steps('train', 'prune') }), 'pipeline');
  assert.equal(runKind({ kind: 'train', steps: steps('train') }), 'train');
  assert.equal(runKind({ kind: 'prune', steps: steps('prune') }), 'prune');
  assert.equal(
    runKind({ kind: 'train', steps: steps('train', 'prune', 'convert', 'validate', 'benchmark', 'report') }),
    'train → prune → convert → benchmark',
  );
  assert.match(describeMissing('benchmarks/'), /step 6 Benchmark/);
  assert.match(describeMissing('pruning-metrics.json'), /not pruned/);
});

test("device details as a person reads them: a phone's getprop/meminfo/cpufreq and this computer's environment", () => {
  const getprop = `[ro.build.version.release]: [14]
[ro.build.version.sdk]: [34]
[ro.product.cpu.abilist]: [arm64-v8a,armeabi-v7a,armeabi]
[ro.product.manufacturer]: [Google]
[ro.product.model]: [Pixel 7]
[ro.soc.manufacturer]: [Google]
[ro.soc.model]: [GS201]
`;
  const cpufreq = [0, 1, 2, 3]
    .map((c) => `/sys/devices/system/cpu/cpu${c}/cpufreq/cpuinfo_max_freq:1803000`)
    .concat([4, 5].map((c) => `/sys/devices/system/cpu/cpu${c}/cpufreq/cpuinfo_max_freq:2348000`))
    .concat([6, 7].map((c) => `/sys/devices/system/cpu/cpu${c}/cpufreq/cpuinfo_max_freq:2850000`))
    .join('\n');
  const facts = deviceFacts({
    identity: deviceIdentityFromProps(parseGetprop(getprop)),
    cpu: cpuClusters(parseCpuMaxFreqListing(cpufreq)),
    memory: parseMeminfo('MemTotal:        7645056 kB\nMemAvailable:    3012344 kB\n'),
    unavailable: { battery: 'dumpsys battery: not found' },
  });
  const byLabel = Object.fromEntries(facts.map((f) => [f.label, f.value]));
  assert.equal(byLabel.Model, 'Google Pixel 7');
  assert.equal(byLabel.Android, 'Android 14 (API 34)');
  assert.equal(byLabel.SoC, 'Google GS201');
  assert.equal(byLabel['CPU cores'], '8');
  assert.match(byLabel['CPU clusters'] ?? '', /^4 × 1\.80 GHz .*; 2 × 2\.35 GHz .*; 2 × 2\.85 GHz/);
  assert.equal(byLabel.RAM, '7.29 GiB (2.87 GiB available)');
  assert.equal(byLabel['battery (unavailable)'], 'dumpsys battery: not found');
  const hostDetails: HostDetails = {
    id: 'host',
    kind: 'host',
    label: 'This computer (AMD EPYC, WebAssembly)',
    sparseStudio: '0.1.0',
    node: '20.19.0',
    electron: undefined,
    platform: 'linux',
    arch: 'x64',
    cpu: 'AMD EPYC',
    cpuCount: 2,
    memoryBytes: 25276071936,
    tfjs: '4.22.0',
  };
  const host = deviceFacts({ id: 'host', kind: 'host', label: hostDetails.label, state: 'device', details: hostDetails });
  assert.deepEqual(host.slice(0, 3), [
    { label: 'CPU', value: 'AMD EPYC' },
    { label: 'CPU cores', value: '2' },
    { label: 'RAM', value: '23.5 GiB' },
  ]);
  assert.ok(
    facts.every((f) => !/\./.test(f.label.split(' ')[0] ?? '')),
    'no raw dotted keys',
  );
});

test('devices: names shown once; network and USB devices get their own offline advice', () => {
  assert.equal(deviceName({ id: 'R58M', label: 'R58M' }), 'R58M');
  assert.equal(deviceName({ id: 'R58M', label: 'Pixel 7' }), 'Pixel 7');
  assert.equal(isNetworkDevice({ id: '10.0.0.5:5555', kind: 'adb' }), true);
  assert.equal(isNetworkDevice({ id: 'R58M', kind: 'adb' }), false);
  assert.doesNotMatch(stateAdvice('offline', true)?.steps.join(' ') ?? '', /cable/);
  assert.doesNotMatch(stateAdvice('offline', false)?.steps.join(' ') ?? '', /network/);
});

test('benchmark summary: median over repetitions per model, dense/pruned speed-up, op profile by node type', () => {
  const run = (file: string, repetition: number, median: number, profile?: { nodeType: string; avgMs: number }[]) =>
    ({
      device: { id: 'host', kind: 'host', label: 'This computer' },
      model: { file, sha256: '', bytes: 1 },
      repetition,
      stats: { count: 10, avg: median + 1, median, min: median, max: median + 2, std: 0.5 },
      opProfile: profile?.map((p) => ({ ...p, name: p.nodeType, percent: 0, timesCalled: 1 })),
      synthetic: false,
    }) as unknown as ModelBenchmark;
  const rows = summariseBenchmark({
    host: {
      device: 'host',
      phase: 'done',
      bytes: undefined,
      failures: [],
      error: undefined,
      results: [
        run('/r/tflite/dense.tflite', 0, 15, [{ nodeType: 'CONV_2D', avgMs: 0.01 }]),
        run('/r/tflite/pruned.tflite', 0, 10, [{ nodeType: 'CONV_2D', avgMs: 0.006 }]),
        run('/r/tflite/dense.tflite', 1, 17, [{ nodeType: 'CONV_2D', avgMs: 0.012 }]),
        run('/r/tflite/pruned.tflite', 1, 9, [{ nodeType: 'CONV_2D', avgMs: 0.004 }]),
        run('/r/tflite/dense.tflite', 2, 16),
        run('/r/tflite/pruned.tflite', 2, 11),
      ],
    },
  });
  assert.deepEqual(
    rows[0]?.models.map((m) => [m.model, m.repetitions, m.medianUs]),
    [
      ['dense.tflite', 3, 16],
      ['pruned.tflite', 3, 10],
    ],
  );
  assert.equal(rows[0]?.speedup, 1.6);
  assert.equal(rows[0]?.opProfile[0]?.nodeType, 'CONV_2D');
  assert.ok(Math.abs((rows[0]?.opProfile[0]?.ms['dense.tflite'] ?? 0) - 0.011) < 1e-12);
});

test('comparison: only the settings that differ, without each run’s own folders', () => {
  const diff = configDifferences([
    { id: 'a', config: { train: { epochs: 10, batchSize: 32, out: '/w/a' }, prune: { frequency: 100 } } },
    { id: 'b', config: { train: { epochs: 3, batchSize: 32, out: '/w/b' } } },
  ]);
  assert.deepEqual(diff, [
    { key: 'prune.frequency', values: ['100', '—'], shared: false },
    { key: 'train.epochs', values: ['10', '3'], shared: true },
  ]);
});

test('locked steps say what they need', () => {
  const none = { runDir: undefined, pruned: false, tfliteFiles: [] };
  assert.equal(stepLock(3, none), undefined);
  assert.match(stepLock(4, none) ?? '', /trained model/);
  assert.match(stepLock(5, { ...none, runDir: '/r' }) ?? '', /pruned model/);
  assert.equal(stepLock(6, { runDir: '/r', pruned: true, tfliteFiles: ['/r/tflite/dense.tflite'] }), undefined);
});
