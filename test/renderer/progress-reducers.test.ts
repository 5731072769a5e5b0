import { test } from 'node:test';
import assert from 'node:assert/strict';
import { etaSeconds, initialTrainProgress, reduceTrainProgress, stepProgress } from '../../renderer/src/state/train-progress';
import { initialPruneProgress, latestSparsity, reducePruneProgress } from '../../renderer/src/state/prune-progress';
import { reduceBenchmarkProgress, runCount, type BenchmarkProgress } from '../../renderer/src/state/benchmark-progress';
import type { BenchmarkEvent } from '../../electron/core/devices/device';
import type { ModelBenchmark } from '../../shared/benchmark-result';

const batch = (step: number, msPerStep = 50) => ({
  kind: 'batch',
  epoch: Math.ceil(step / 4),
  step,
  stepInEpoch: ((step - 1) % 4) + 1,
  stepsPerEpoch: 4,
  loss: 2 - step * 0.1,
  accuracy: step * 0.05,
  imagesPerSecond: 1000,
  msPerStep,
});

test('train events fold into curves, progress and ETA', () => {
  let s = initialTrainProgress();
  s = reduceTrainProgress(s, { kind: 'dataset', progress: { phase: 'decode', done: 5, total: 10 } });
  assert.equal(s.dataset?.done, 5);
  s = reduceTrainProgress(s, { kind: 'start', backend: 'fast-cpu', train: 16, validation: 2, test: 4, parameters: 1234 });
  assert.equal(stepProgress(s, 3).total, undefined);
  for (let i = 1; i <= 4; i++) s = reduceTrainProgress(s, batch(i));
  s = reduceTrainProgress(s, {
    kind: 'epoch',
    epoch: 1,
    epochs: 3,
    loss: 1.8,
    accuracy: 0.1,
    valLoss: 1.9,
    valAccuracy: 0.2,
    seconds: 1,
  });
  s = reduceTrainProgress(s, batch(5, 150));
  assert.equal(s.batches.length, 5);
  assert.equal(s.epochs.length, 1);
  assert.deepEqual(stepProgress(s, 3), { done: 5, total: 12 });
  // 7 steps left at the mean of (50,50,50,50,150) = 70 ms.
  assert.ok(Math.abs((etaSeconds(s, 3) ?? 0) - 0.49) < 1e-9);
  s = reduceTrainProgress(s, { kind: 'test', loss: 1.5, accuracy: 0.4 });
  assert.equal(s.test?.accuracy, 0.4);
  assert.equal(reduceTrainProgress(s, { kind: 'unknown' }), s);
  assert.equal(reduceTrainProgress(s, null), s);
});

test('the ETA window keeps only recent steps', () => {
  let s = initialTrainProgress();
  for (let i = 1; i <= 30; i++) s = reduceTrainProgress(s, batch(i, i <= 10 ? 1000 : 10));
  assert.equal(s.recentMsPerStep.length, 20);
  assert.ok(s.recentMsPerStep.every((ms) => ms === 10));
});

test('prune events: fit progress plus per-epoch sparsity summaries', () => {
  let s = initialPruneProgress();
  s = reducePruneProgress(s, batch(1));
  s = reducePruneProgress(s, { epoch: 0, step: 4, tensors: [{ name: 'conv2d_1/kernel', sparsity: 0.25, threshold: 0.01 }] });
  s = reducePruneProgress(s, {
    kind: 'pruning',
    summary: { epoch: 1, step: 8, tensors: [{ name: 'conv2d_1/kernel', sparsity: 0.75, threshold: 0.05 }] },
  });
  assert.equal(s.fit.batches.length, 1);
  assert.equal(s.sparsity.length, 2);
  assert.deepEqual(latestSparsity(s), [{ name: 'conv2d_1/kernel', sparsity: 0.75 }]);
});

test('prune mask-update events: one point per update, the mean over the pruned tensors', () => {
  let s = initialPruneProgress();
  const update = (step: number, target: number, sparsities: number[]) => ({
    kind: 'mask-update',
    step,
    target,
    tensors: sparsities.map((sparsity, i) => ({ name: `conv2d_${i}/kernel`, sparsity })),
  });
  s = reducePruneProgress(s, update(1, 0.25, [0.25, 0.25]));
  s = reducePruneProgress(s, batch(1));
  s = reducePruneProgress(s, update(3, 0.5, [0.5, 0.4]));
  assert.deepEqual(s.maskUpdates, [
    { step: 1, target: 0.25, sparsity: 0.25 },
    { step: 3, target: 0.5, sparsity: 0.45 },
  ]);
  assert.equal(s.sparsity.length, 0, 'an update is not an epoch summary');
  assert.equal(s.fit.batches.length, 1);
});

test('benchmark events: per device; an unplugged phone fails alone, a failed model run does not stop its device', () => {
  const result = (device: string, repetition: number): ModelBenchmark => ({
    device: { id: device, kind: 'host', label: device },
    model: { file: '/run/tflite/dense.tflite', sha256: 'ab', bytes: 100 },
    repetition,
    flags: { numRuns: 10, warmupRuns: 1, numThreads: 1, useXnnpack: 'true', enableOpProfiling: false },
    stats: { count: 10, avg: 1000, min: 900, max: 1100, std: 50 },
    sparseInference: { engaged: 'unknown', reason: 'no profile' },
    tool: { name: 'tflite-wasm' },
    synthetic: false,
    startedAt: '2026-11-27T00:00:00Z',
  });
  const events: BenchmarkEvent[] = [
    { type: 'download', device: 'emu', bytes: 5, total: 10 },
    { type: 'push', device: 'emu', file: '/run/tflite/dense.tflite', bytes: 10, total: 100 },
    { type: 'run-start', device: 'host', model: '/run/tflite/dense.tflite', repetition: 0 },
    { type: 'run-done', device: 'host', result: result('host', 0) },
    {
      type: 'run-failed',
      device: 'host',
      failure: { model: '/run/tflite/pruned.tflite', repetition: 0, code: 'RUN_TIMEOUT', message: 'timed out' },
    },
    {
      type: 'run-failed',
      device: 'emu',
      failure: { code: 'DEVICE_DISCONNECTED', message: 'emu disconnected', hint: 'Reconnect it' },
    },
    { type: 'run-done', device: 'host', result: result('host', 1) },
  ];
  const s = events.reduce<BenchmarkProgress>(reduceBenchmarkProgress, {});
  assert.equal(s.emu?.phase, 'failed');
  assert.deepEqual(s.emu?.error, { code: 'DEVICE_DISCONNECTED', message: 'emu disconnected', hint: 'Reconnect it' });
  assert.deepEqual(events.slice(0, 2).reduce<BenchmarkProgress>(reduceBenchmarkProgress, {}).emu?.bytes, {
    done: 10,
    total: 100,
  });
  assert.equal(s.emu?.bytes, undefined, 'no byte progress once the device failed');
  assert.equal(s.host?.results.length, 2);
  assert.equal(s.host?.failures[0]?.model, '/run/tflite/pruned.tflite');
  assert.equal(s.host?.error, undefined);
  assert.deepEqual(runCount(s.host!, 4), { done: 3, total: 4 });
  assert.equal(s.host?.phase, 'measured dense.tflite');
  assert.equal(reduceBenchmarkProgress(s, { kind: 'progress' }), s, 'events that are not BenchmarkEvents are ignored');
});
