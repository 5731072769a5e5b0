// A fake-but-labelled run folder for report tests. Every number here is made up by a seeded generator and the
// device labels say "fixture"; nothing here is a measurement. The "phone" is marked synthetic, as an emulated
// phone's results are; the "host" one is not, so tests can check that only synthetic numbers are marked.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { guideModel } from '../../electron/core/model/baseline';
import { saveModel } from '../../electron/core/model/io';
import { initWeights } from '../../electron/core/model/weights';
import { RUN_SCHEMA_VERSION, type RunManifest } from '../../electron/core/runs/manifest';
import { createRng } from '../../electron/core/util/rng';
import { convertToTflite } from '../../electron/core/tflite/convert';
import { inspectTfliteBytes } from '../../electron/core/tflite/inspect';
import { testModel } from '../tflite/test-model';
import type { ModelBenchmark, OpProfileRow } from '../../shared/benchmark-result';

export interface FixtureOptions {
  id: string;
  repetitions: number;
  /** Leave out benchmarks/ and tflite/conversion.json, as a run interrupted before converting would. */
  partial?: boolean;
  status?: RunManifest['status'];
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

function latencies(rng: ReturnType<typeof createRng>, base: number, count: number): number[] {
  return Array.from({ length: count }, () => base * (1 + 0.08 * (rng.next() - 0.5)) + (rng.next() < 0.05 ? base * 0.3 : 0));
}

function stats(runs: number[]): ModelBenchmark['stats'] {
  const sorted = [...runs].sort((a, b) => a - b);
  const avg = runs.reduce((a, b) => a + b, 0) / runs.length;
  const std = Math.sqrt(runs.reduce((s, v) => s + (v - avg) ** 2, 0) / (runs.length - 1));
  return { count: runs.length, avg, min: sorted[0]!, max: sorted[sorted.length - 1]!, std };
}

function profile(role: 'dense' | 'pruned', scale: number): OpProfileRow[] {
  const xnn = (op: string, ms: number): OpProfileRow => ({
    nodeType: 'DelegateOpInvoke',
    name: `Delegate/${op}`,
    avgMs: ms * scale,
    percent: 0,
    timesCalled: 1,
  });
  const ops =
    role === 'dense'
      ? [
          xnn('Convolution (NHWC, F32) IGEMM', 0.012),
          xnn('Convolution (NHWC, F32) DWConv', 0.009),
          xnn('Convolution (NHWC, F32) GEMM', 0.02),
          xnn('Global Average Pooling (NWC, F32)', 0.002),
          xnn('Fully Connected (NC, F32) GEMM', 0.001),
        ]
      : [
          xnn('Convolution (NCHW, F32) Conv2D HWC2CHW', 0.012),
          xnn('Convolution (NCHW, F32) DWConv', 0.009),
          xnn('Convolution (NCHW, F32) SPMM', 0.008),
          xnn('Global Average Pooling (NCW, F32)', 0.002),
          xnn('Fully Connected (NC, F32) GEMM', 0.001),
        ];
  const total = ops.reduce((s, r) => s + r.avgMs, 0);
  return [
    { nodeType: 'TfLiteXNNPackDelegate', name: '[StatefulPartitionedCall:0]', avgMs: total, percent: 100, timesCalled: 1 },
    ...ops,
  ];
}

/** Writes the fixture run into `root/<id>` and returns its path. */
export async function writeFixtureRun(root: string, options: FixtureOptions): Promise<string> {
  const dir = join(root, options.id);
  const rng = createRng(1234 + options.repetitions);
  await mkdir(join(dir, 'tflite'), { recursive: true });
  const now = '2026-01-02T03:04:05.000Z';
  const manifest: RunManifest = {
    schemaVersion: RUN_SCHEMA_VERSION,
    id: options.id,
    kind: 'pipeline',
    createdAt: now,
    updatedAt: now,
    status: options.status ?? 'completed',
    owner: { pid: 1, host: 'fixture-host' },
    config: { fixture: 'synthetic test data, not a measurement', epochs: 3, pruneEpochs: 2 },
    environment: { node: process.versions.node },
    steps: {
      train: { status: 'completed', startedAt: now, endedAt: now },
      prune: { status: 'completed', startedAt: now, endedAt: now },
      ...(options.partial
        ? { convert: { status: 'failed' as const, startedAt: now, endedAt: now, error: 'fixture: left unfinished' } }
        : {}),
    },
  };
  await writeFile(join(dir, 'run.json'), json(manifest));

  const epochs = [0, 1, 2].map((epoch) => ({
    kind: 'epoch',
    epoch,
    epochs: 3,
    loss: 2 - epoch * 0.4,
    accuracy: 0.25 + epoch * 0.1,
    valLoss: 2.1 - epoch * 0.35,
    valAccuracy: 0.22 + epoch * 0.1,
    seconds: 1.5,
  }));
  await writeFile(
    join(dir, 'train-metrics.json'),
    json({
      backend: 'fixture',
      dataset: { source: 'fixture (synthetic)', fingerprint: 'f'.repeat(16), train: 90, validation: 10, test: 20 },
      epochs,
      batches: Array.from({ length: 9 }, (_, i) => ({ step: i + 1, loss: 2.3 - i * 0.1, accuracy: 0.1 + i * 0.03 })),
      test: { loss: 1.3, accuracy: 0.45 },
    }),
  );

  const spec = guideModel(true);
  const dense = initWeights(spec, 7);
  await saveModel(join(dir, 'dense'), spec, dense);
  const pruned = dense.clone();
  for (const name of ['conv2d_1/kernel', 'conv2d_2/kernel']) {
    const values = pruned.get(name).values;
    for (let i = 0; i < values.length; i++) if (i % 4 !== 0) values[i] = 0;
  }
  await saveModel(join(dir, 'pruned'), spec, pruned);
  const targets = Array.from({ length: 6 }, (_, i) => (i < 1 ? null : Math.min(0.75, 0.75 * (1 - (1 - (i - 1) / 4) ** 3))));
  await writeFile(
    join(dir, 'pruning-metrics.json'),
    json({
      backend: 'fixture',
      epochs: [0, 1].map((epoch) => ({
        epoch,
        loss: 1.3 + epoch * 0.02,
        accuracy: 0.44,
        valLoss: 1.4,
        valAccuracy: 0.42,
        seconds: 1.2,
      })),
      pruning: {
        schedule: {
          class_name: 'PolynomialDecay',
          config: { initial_sparsity: 0, final_sparsity: 0.75, power: 3, begin_step: 1, end_step: 5, frequency: 1 },
        },
        policy: 'PruneForLatencyOnXNNPack',
        blockSize: [1, 1],
        blockPooling: 'AVG',
        tensors: ['conv2d_1/kernel', 'conv2d_2/kernel'],
        epochs: [
          {
            epoch: 0,
            step: 3,
            tensors: [
              { name: 'conv2d_1/kernel', sparsity: 0.5, threshold: 0.1 },
              { name: 'conv2d_2/kernel', sparsity: 0.5, threshold: 0.12 },
            ],
          },
          {
            epoch: 1,
            step: 6,
            tensors: [
              { name: 'conv2d_1/kernel', sparsity: 0.75, threshold: 0.2 },
              { name: 'conv2d_2/kernel', sparsity: 0.75, threshold: 0.22 },
            ],
          },
        ],
        targetPerStep: targets,
        maskUpdateSteps: [2, 3, 4, 5],
      },
      test: { loss: 1.35, accuracy: 0.44 },
    }),
  );
  if (options.partial) return dir;

  const files = {
    dense: new TextEncoder().encode('fixture dense model bytes (not a real .tflite)'),
    pruned: new TextEncoder().encode('fixture pruned bytes'),
  };
  const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
  // The verdicts are real: the checker's rules on the guide model converted dense and sparse.
  const verdict = (sparse: boolean) => {
    const { spec, weights } = testModel(4);
    const v = inspectTfliteBytes(convertToTflite(spec, weights, { sparse }).bytes, 'fixture.tflite').sparseInference;
    return { eligible: v.eligible, reasons: v.rules.map((r) => `${r.pass ? 'pass' : 'FAIL'} ${r.title}: ${r.reason}`), rules: v.rules };
  };
  await writeFile(join(dir, 'tflite', 'dense.tflite'), files.dense);
  await writeFile(join(dir, 'tflite', 'pruned.tflite'), files.pruned);
  await writeFile(
    join(dir, 'tflite', 'conversion.json'),
    json({
      files: [
        {
          role: 'dense',
          file: 'tflite/dense.tflite',
          bytes: 9876,
          weightBytes: 7000,
          sparseTensors: [],
          xnnpackVerdict: verdict(false),
          validation: { maxAbsDiff: 2e-6, agreement: 1, accuracyTflite: 0.45 },
        },
        {
          role: 'pruned',
          file: 'tflite/pruned.tflite',
          bytes: 8765,
          weightBytes: 5800,
          sparseTensors: [
            { name: 'conv2d_1/kernel', zeros: 96, bytesSaved: 300 },
            { name: 'conv2d_2/kernel', zeros: 384, bytesSaved: 1200 },
          ],
          xnnpackVerdict: verdict(true),
          validation: { maxAbsDiff: 3e-6, agreement: 0.995, accuracyTflite: 0.44 },
        },
      ],
    }),
  );

  const devices = [
    { id: 'host', kind: 'host' as const, label: 'This computer (fixture)', synthetic: false, base: 60 },
    { id: 'emulator-5554', kind: 'adb' as const, label: 'Emulated phone (fixture)', synthetic: true, base: 1700 },
  ];
  for (const device of devices) {
    await mkdir(join(dir, 'benchmarks', device.id), { recursive: true });
    for (let repetition = 0; repetition < options.repetitions; repetition++) {
      for (const role of ['dense', 'pruned'] as const) {
        const runs = latencies(rng, device.base * (role === 'pruned' ? 0.7 : 1), 40);
        const result: ModelBenchmark = {
          device: { id: device.id, kind: device.kind, label: device.label },
          model: { file: `tflite/${role}.tflite`, sha256: sha(files[role]), bytes: files[role].length },
          repetition,
          // As the real tools do: phones profile their timed runs; this computer profiles once per model, separately.
          flags: { numRuns: 40, warmupRuns: 5, numThreads: 1, useXnnpack: 'true', enableOpProfiling: device.kind === 'adb' },
          ...(device.kind === 'host' ? { runsUs: runs } : {}),
          stats: stats(runs),
          initUs: 20000 + rng.next() * 1000,
          firstInferenceUs: device.base * 3,
          ...(device.kind === 'adb' ? { memory: { initMb: 3.1, overallMb: 5.2, peakMb: 6.4 } } : {}),
          ...(device.kind === 'adb'
            ? { opProfile: profile(role, device.base / 60), opProfileCalls: 40, opProfileSource: 'these-runs' as const }
            : repetition === 0
              ? { opProfile: profile(role, device.base / 60), opProfileCalls: 3, opProfileSource: 'separate-run' as const }
              : {}),
          sparseInference:
            role === 'pruned'
              ? { engaged: 'yes', reason: 'fixture: SPMM listed' }
              : { engaged: 'no', reason: 'fixture: dense model' },
          tool:
            device.kind === 'host'
              ? { name: 'fixture wasm runtime', version: '0.0.0-fixture' }
              : { name: 'benchmark_model', version: 'fixture 2.16', sha256: 'b'.repeat(64) },
          synthetic: device.synthetic,
          startedAt: now,
          rawOutputFile: `benchmarks/${device.id}/${role}.r${repetition}.output.txt`,
          // Phones record thermal status and temperatures around each run (PhoneRunRecord).
          ...(device.kind === 'adb'
            ? {
                conditions: {
                  before: { thermalStatus: 0, maxCpuC: 31.5, batteryC: 29, at: now },
                  after: { thermalStatus: 1, maxCpuC: 36, batteryC: 30.5, at: now },
                },
                exitStatus: 0,
              }
            : {}),
        } as ModelBenchmark;
        await writeFile(join(dir, 'benchmarks', device.id, `${role}.r${repetition}.json`), json(result));
      }
    }
  }
  // A failed run leaves a failure record instead of a result.
  await writeFile(
    join(dir, 'benchmarks', 'emulator-5554', `dense.r${options.repetitions}.json`),
    json({
      device: { id: 'emulator-5554' },
      model: 'tflite/dense.tflite',
      repetition: options.repetitions,
      startedAt: now,
      failure: { code: 'BENCHMARK_CRASHED', message: 'fixture: benchmark_model exited with 139' },
    }),
  );
  await writeFile(
    join(dir, 'benchmarks', 'devices.json'),
    json({
      host: { id: 'host', kind: 'host', label: 'This computer (fixture)', cpu: 'fixture cpu', cpuCount: 2 },
      'emulator-5554': {
        identity: { manufacturer: 'Fixture', model: 'FixturePhone', android: '14', sdk: 34, abis: ['arm64-v8a'] },
        thermal: { status: 0, statusName: 'none' },
        unavailable: { memory: 'fixture: not recorded' },
      },
    }),
  );
  return dir;
}
