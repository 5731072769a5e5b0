import type { BenchmarkParseResult } from '../../electron/core/benchmark/parse/types';
import assert from 'node:assert/strict';

/** What each real sample (shared/reference/benchmark-output-samples, copied to test/fixtures) must parse to. */
export const SAMPLE_EXPECTATIONS: Record<string, (r: BenchmarkParseResult) => void> = {
  '01-xiaomi-mi11-nightly2021-nnapi-op-profiling.txt': (r) => {
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.error.kind, 'incomplete-output');
    assert.equal(r.stats, undefined);
    assert.equal(r.opProfiles.length, 2);
    const [init, regular] = r.opProfiles;
    assert.equal(init?.phase, 'initialization');
    assert.deepEqual(
      init?.runOrder.map((row) => [row.nodeType, row.startMs, row.firstMs, row.avgMs, row.timesCalled]),
      [
        ['ModifyGraphWithDelegate', 0, 552.75, 552.75, 1],
        ['AllocateTensors', 345.459, 414.653, 207.33, 2],
      ],
    );
    assert.deepEqual(init?.timings, { count: 1, curr: 967410 });
    assert.equal(regular?.phase, 'regular');
    assert.equal(regular?.runOrder.length, 14);
    assert.equal(regular?.topByComputation.length, 10);
    assert.equal(regular?.nodesExecuted, 14);
    assert.equal(regular?.nodesObserved, 14);
    assert.deepEqual(regular?.runOrder[6], {
      nodeType: 'TfLiteNnapiDelegate',
      name: '[model/tf.math.multiply_23/Mul, model/tf.math.multiply_38/Mul, model/tf.math.multiply_49/Mul]:270',
      startMs: 8.366,
      firstMs: 86.415,
      avgMs: 83.75,
      percent: 50.878,
      cdfPercent: 55.945,
      memKb: 0,
      timesCalled: 1,
    });
    assert.deepEqual(
      regular?.summaryByNodeType.map((s) => [s.nodeType, s.count, s.avgMs, s.percent]),
      [
        ['TfLiteNnapiDelegate', 3, 152.261, 92.504],
        ['STRIDED_SLICE', 6, 8.338, 5.066],
        ['TRANSPOSE', 3, 3.148, 1.913],
        ['RESIZE_NEAREST_NEIGHBOR', 2, 0.853, 0.518],
      ],
    );
    assert.equal(regular?.timings?.avg, 164609);
    assert.equal(r.sparseInference.engaged, 'unknown');
  },
  '03-android-arm-prebuilt-2020-gpu-delegate.txt': (r) => {
    assert.equal(r.ok, true);
    assert.equal(r.generation, 'classic');
    assert.deepEqual(r.stats, { count: 50, avg: 119375, min: 113737, max: 124776, std: 1948 });
    assert.deepEqual(r.warmup, { count: 4, first: 130565, curr: 120829, min: 117370, max: 130565, avg: 122373, std: 4930 });
    assert.equal(r.initUs, 870557);
    assert.equal(r.firstInferenceUs, 130565);
    assert.equal(r.warmupAvgUs, 122373);
    assert.equal(r.inferenceAvgUs, 119375);
    assert.equal(r.initSessionMs, 870.557);
    assert.equal(r.modelSizeMb, 7.07479);
    assert.equal(r.modelPath, '/data/local/tmp/tflite/denoising_32bit.tflite');
    assert.deepEqual(r.known, {
      numRuns: 50,
      numThreads: 4,
      warmupRuns: 1,
      graph: '/data/local/tmp/tflite/denoising_32bit.tflite',
      enableOpProfiling: true,
      useGpu: true,
    });
    assert.equal(r.parameters['#threads used for CPU inference'], '4');
    assert.deepEqual(
      r.delegates.map((d) => [d.delegate, d.status]),
      [
        ['GPU', 'created'],
        ['GPU', 'complete'],
      ],
    );
  },
  '05-android-2020-tf23-peak-memory-old-label.txt': (r) => {
    assert.equal(r.ok, true);
    assert.deepEqual(r.memory, { label: 'peak-2020', initMb: 0, overallMb: 12.8672 });
    assert.deepEqual(r.warnings, ['Duplicate flags: num_threads']);
    assert.equal(r.stats?.avg, 33209.4);
    assert.equal(r.warmupAvgUs, 34825.1);
    assert.equal(r.initSessionMs, 0.855);
    assert.equal(r.modelSizeMb, 0.004448);
    assert.equal(r.opProfiles.length, 1);
    assert.equal(r.opProfiles[0]?.phase, 'initialization');
  },
  '07-linux-tf213-info-prefix-cmake-build.txt': (r) => {
    assert.equal(r.ok, true);
    assert.deepEqual(r.stats, { count: 50, avg: 116066, min: 111222, max: 121324, std: 1906 });
    assert.deepEqual(r.memory, { label: 'delta', initMb: 3.75, overallMb: 12.1914 });
    assert.equal(r.initUs, 530);
    assert.equal(r.initSessionMs, 0.53);
    assert.equal(r.modelPath, './mobilenet_v1_1.0_224_quant.tflite');
    assert.equal(r.known.graph, './mobilenet_v1_1.0_224_quant.tflite');
  },
  '08-prebuilt-2021-unsupported-op-version.txt': (r) => {
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.kind, 'unsupported-op-version');
    assert.match(r.error.message, /version 5 of the MUL op/);
    assert.match(r.error.hint, /newer benchmark_model/);
    assert.deepEqual(r.errors.length, 2);
    assert.equal(r.stats, undefined);
  },
  '09-android-armv7-abi-mismatch-not-executable.txt': (r) => {
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.kind, 'binary-wrong-abi-64bit');
    assert.match(r.error.message, /\/data\/local\/install-docker-arm64 is a 64-bit program/);
    assert.match(r.error.hint, /android_arm_benchmark_model/);
  },
  '11-litert-compiledmodel-benchmark-results-2026.txt': (r) => {
    assert.equal(r.ok, true);
    assert.equal(r.generation, 'litert');
    assert.deepEqual(r.stats, { count: 10, avg: 7430200, min: 7416400, max: 7448860, std: 9920 });
    assert.equal(r.initUs, 23744730);
    assert.equal(r.firstInferenceUs, 7441040);
    assert.equal(r.warmupAvgUs, 7441040);
    assert.equal(r.litert?.signature, 'prefill_1024');
    assert.equal(r.litert?.warmupRuns, 1);
    assert.equal(r.litert?.throughputMbPerSec, 27.46);
    assert.equal(r.litert?.peakMemoryAvailable, false);
    assert.deepEqual(r.memory, { label: 'litert', initMb: 6391.74, overallMb: 6391.74 });
  },
};
