import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchHost } from '../../electron/core/host/benchmark';
import { latencyStats } from '../../electron/core/host/latency-stats';
import { convertToTflite } from '../../electron/core/tflite/convert';
import { UserError } from '../../electron/core/util/errors';
import { HostRuntime } from '../../electron/core/host/runtime';
import { profileOnHost } from '../../electron/core/host/profile-run';
import { runRuntimeRequest } from '../../electron/core/host/runtime-worker';
import { HOST_PROFILE_PLAN, profiledCalls } from '../../electron/core/host/steady-profile';
import { summariseOpProfiles } from '../../electron/core/report/op-profile';
import { randomImages, testModel } from './test-model';

test('latency statistics: benchmark_model definitions', () => {
  const s = latencyStats([5, 1, 4, 2, 3, 10, 6, 7, 8, 9]);
  assert.deepEqual(
    { ...s, std: Number(s.std.toFixed(6)) },
    { count: 10, avg: 5.5, median: 5.5, min: 1, max: 10, std: 2.872281, p90: 9 },
  );
  assert.equal(latencyStats([3, 1, 2]).median, 2);
});

test('benchHost: one fresh runtime per measurement, alternating order, stats and sparse status per model', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bench-host-'));
  try {
    const { spec, weights } = testModel(2);
    const dense = join(dir, 'dense.tflite');
    const sparse = join(dir, 'sparse.tflite');
    await writeFile(dense, convertToTflite(spec, weights, { sparse: false }).bytes);
    await writeFile(sparse, convertToTflite(spec, weights, { sparse: true }).bytes);
    const seen: string[] = [];
    const results = await benchHost([dense, sparse], {
      runs: 30,
      warmup: 3,
      threads: 1,
      repeat: 2,
      onResult: (r) => seen.push(r.model.file),
    });
    assert.deepEqual(seen, [dense, sparse, sparse, dense]);
    assert.equal(results.length, 4);
    for (const r of results) {
      assert.equal(r.device.kind, 'host');
      assert.equal(r.synthetic, false);
      assert.equal(r.runsUs!.length, 30);
      assert.equal(r.stats.count, 30);
      assert.ok(r.stats.min > 0 && r.stats.min <= r.stats.median! && r.stats.median! <= r.stats.max);
      assert.ok(r.initUs! > 0 && r.firstInferenceUs! > 0);
      assert.match(r.model.sha256, /^[0-9a-f]{64}$/);
      assert.equal(r.sparseInference.engaged, r.model.file === sparse ? 'yes' : 'no');
      assert.equal(r.flags.enableOpProfiling, false, 'the timed runs are not profiled');
      if (r.repetition === 0) {
        // The one profiling run per model (before the timed ones) goes with the first repetition, saying what it covers.
        assert.ok(r.opProfile!.some((row) => row.name.includes('Convolution')));
        assert.equal(r.opProfileCalls, profiledCalls(HOST_PROFILE_PLAN));
        assert.ok(r.opProfileWarmupExcluded! >= HOST_PROFILE_PLAN.warmup + HOST_PROFILE_PLAN.interpreters);
        assert.equal(r.opProfileSource, 'separate-run');
      } else {
        assert.equal(r.opProfile, undefined, `repetition ${r.repetition} took no profile and must carry none`);
        assert.equal(r.opProfileCalls, undefined);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the host op profile leaves warm-up out: its time per call matches the measured median latency', async () => {
  // The first calls of a process run WebAssembly that V8 has not optimised yet, and an interpreter's first call packs
  // XNNPACK's weights: a profile that counts them is many times the steady latency (the old 3-call profile: 10x+).
  const { spec, weights } = testModel(2);
  for (const sparse of [false, true]) {
    const bytes = convertToTflite(spec, weights, { sparse }).bytes;
    const file = sparse ? 'sparse.tflite' : 'dense.tflite';
    const observed = await profileOnHost(bytes, file);
    // The operators' time per call, as the report counts it (the delegate's operators, not the delegate node, whose
    // time also holds the profiler's own timing of those operators).
    const profileUs = 1000 * summariseOpProfiles([observed.opProfile], []).reduce((sum, r) => sum + r.avgMs, 0);
    // Enough warm-up for V8 to optimise the runtime's code in this fresh worker (a small model needs many calls).
    const measured = await runRuntimeRequest('measure', { bytes, file, runs: 100, warmup: 1000 });
    const medianUs = latencyStats(measured.runsUs).median!;
    const ratio = profileUs / medianUs;
    assert.ok(
      // Within a factor of 3: these models take 15-35 µs, where this machine's noise is large; the old profile was ~1000x.
      ratio > 1 / 3 && ratio < 3,
      `${file}: profile ${profileUs.toFixed(1)} µs per call vs median ${medianUs.toFixed(1)} µs`,
    );
    assert.equal(observed.profileCalls, profiledCalls(HOST_PROFILE_PLAN));
    assert.ok(observed.opProfile.every((r) => r.timesCalled === profiledCalls(HOST_PROFILE_PLAN)));
  }
});

test('benchHost: thread counts outside 1..8 are refused with an explanation', async () => {
  for (const threads of [0, 9, 1.5]) {
    await assert.rejects(
      benchHost(['x.tflite'], { runs: 1, warmup: 0, threads, repeat: 1 }),
      (e: unknown) => e instanceof UserError && /--threads must be between 1 and 8/.test(e.message),
    );
  }
});

test('the threaded WebAssembly build runs a model on 2 threads with the single-thread logits', async () => {
  const { spec, weights } = testModel(2);
  const bytes = convertToTflite(spec, weights, { sparse: true }).bytes;
  const outputs: Float32Array[] = [];
  for (const threads of [1, 2]) {
    const runtime = await HostRuntime.forThreads(threads);
    assert.equal(runtime.threaded, threads > 1);
    const model = runtime.loadModel(bytes, 'sparse.tflite', { threads, profiling: false });
    model.setInput(randomImages(1, 8));
    model.infer();
    outputs.push(model.output());
    model.dispose();
  }
  for (let i = 0; i < 10; i++) assert.ok(Math.abs(outputs[0]![i]! - outputs[1]![i]!) < 1e-5);
});
