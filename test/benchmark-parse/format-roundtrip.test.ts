import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBenchmarkOutput, type BenchmarkOutputInput } from '../../electron/core/benchmark/parse/format';
import { parseBenchmarkOutput } from '../../electron/core/benchmark/parse/parse-benchmark-output';
import { modelBenchmarkFields } from '../../electron/core/benchmark/parse/model-benchmark-fields';
import { userErrorFromFailure } from '../../electron/core/benchmark/parse/failure-error';

const INPUT: BenchmarkOutputInput = {
  synthetic: true,
  graph: "/data/local/tmp/sparse-studio/a b'c.tflite",
  flags: { numRuns: 100, warmupRuns: 5, numThreads: 1, useXnnpack: 'true', enableOpProfiling: true },
  modelSizeMb: 0.021484,
  initUs: 4812,
  warmup: { count: 5, first: 212, curr: 74, min: 71, max: 212, avg: 101.4, std: 55 },
  inference: { count: 100, first: 80, curr: 77, min: 70, max: 311, avg: 77.9, std: 7 },
  memory: { initMb: 1.125, overallMb: 1.5 },
  opProfile: [
    {
      nodeType: 'Convolution (NCHW, F32) Conv2D HWC2CHW',
      name: 'Delegate/Convolution (NCHW, F32) Conv2D HWC2CHW:0',
      avgMs: 0.03,
      percent: 0,
      timesCalled: 1,
    },
    {
      nodeType: 'Convolution (NCHW, F32) SPMM',
      name: 'Delegate/Convolution (NCHW, F32) SPMM:1',
      avgMs: 0.008,
      percent: 0,
      timesCalled: 1,
    },
    {
      nodeType: 'Fully Connected (NC, F32) GEMM',
      name: 'Delegate/Fully Connected (NC, F32) GEMM:2',
      avgMs: 0.003,
      percent: 0,
      timesCalled: 1,
    },
  ],
};

test('formatBenchmarkOutput prints the current format and parses back to the same numbers', () => {
  const text = formatBenchmarkOutput(INPUT);
  assert.match(text, /^INFO: STARTING!\n/);
  assert.match(
    text,
    /\nINFO: Inference timings in us: Init: 4812, First inference: 212, Warmup \(avg\): 101\.4, Inference \(avg\): 77\.9\n/,
  );
  assert.doesNotMatch(text, /\[start\]/);
  const r = parseBenchmarkOutput(text);
  assert.equal(r.ok, true);
  assert.equal(r.synthetic, true);
  assert.equal(r.generation, 'classic');
  assert.equal(r.modelPath, INPUT.graph);
  assert.equal(r.known.graph, INPUT.graph);
  assert.deepEqual(r.known, {
    numRuns: 100,
    warmupRuns: 5,
    numThreads: 1,
    graph: INPUT.graph,
    enableOpProfiling: true,
    useXnnpack: true,
  });
  assert.deepEqual(r.warmup, INPUT.warmup);
  assert.deepEqual(r.inference, INPUT.inference);
  assert.deepEqual(r.stats, { count: 100, avg: 77.9, min: 70, max: 311, std: 7 });
  assert.equal(r.initUs, 4812);
  assert.equal(r.initSessionMs, 4.812);
  assert.equal(r.firstInferenceUs, 212);
  assert.equal(r.modelSizeMb, 0.021484);
  assert.deepEqual(r.memory, { label: 'delta', initMb: 1.125, overallMb: 1.5 });
  assert.deepEqual(
    r.delegates.map((d) => d.status),
    ['created', 'complete'],
  );
  const rows = r.opProfiles[0]?.runOrder ?? [];
  assert.deepEqual(
    rows.map((row) => [row.nodeType, row.name, row.avgMs]),
    INPUT.opProfile?.map((row) => [row.nodeType, row.name, row.avgMs]),
  );
  assert.equal(r.opProfiles[0]?.summaryByNodeType.length, 3);
  assert.equal(r.opProfiles[0]?.nodesExecuted, 3);
  assert.equal(r.sparseInference.engaged, 'yes');
});

test('large latencies come out in exponent notation and parse back', () => {
  const big = { count: 3, first: 2961377, curr: 2950321, min: 2941004, max: 2961377, avg: 2950340, std: 8312 };
  const text = formatBenchmarkOutput({
    ...INPUT,
    synthetic: false,
    opProfile: undefined,
    warmup: big,
    inference: big,
    flags: { ...INPUT.flags, useXnnpack: 'default', enableOpProfiling: false },
  });
  assert.match(text, /avg=2\.95034e\+06/);
  assert.match(text, /Inference \(avg\): 2\.95034e\+06/);
  const r = parseBenchmarkOutput(text);
  assert.equal(r.synthetic, false);
  assert.equal(r.stats?.avg, 2950340);
  assert.equal(r.known.useXnnpack, undefined);
  assert.deepEqual(
    r.delegates.map((d) => d.status),
    ['created'],
  );
  assert.equal(r.opProfiles.length, 0);
});

test('--use_xnnpack=false prints no XNNPACK delegate line', () => {
  const text = formatBenchmarkOutput({ ...INPUT, flags: { ...INPUT.flags, useXnnpack: 'false' } });
  assert.doesNotMatch(text, /XNNPACK delegate/);
  assert.equal(parseBenchmarkOutput(text).known.useXnnpack, false);
});

test('modelBenchmarkFields takes what a ModelBenchmark needs from a parsed output', () => {
  const fields = modelBenchmarkFields(parseBenchmarkOutput(formatBenchmarkOutput(INPUT)));
  assert.deepEqual(fields?.stats, { count: 100, avg: 77.9, min: 70, max: 311, std: 7 });
  assert.deepEqual([fields?.initUs, fields?.firstInferenceUs, fields?.warmupAvgUs, fields?.synthetic], [4812, 212, 101.4, true]);
  assert.deepEqual(fields?.memory, { initMb: 1.125, overallMb: 1.5 });
  assert.equal(fields?.opProfile?.length, 3);
  assert.deepEqual(Object.keys(fields?.opProfile?.[0] ?? {}).sort(), ['avgMs', 'name', 'nodeType', 'percent', 'timesCalled']);
  assert.equal(fields?.sparseInference.engaged, 'yes');
  assert.equal(modelBenchmarkFields(parseBenchmarkOutput('Benchmarking failed.\n')), undefined);
});

test('userErrorFromFailure names the device and keeps the hint', () => {
  const result = parseBenchmarkOutput('/system/bin/sh: ./benchmark_model: not executable: 64-bit ELF file\n__RC=126\n');
  assert.equal(result.ok, false);
  if (result.ok) return;
  const error = userErrorFromFailure(result.error, 'Phone R58M123 (Galaxy A10)');
  assert.equal(error.code, 'BENCHMARK_BINARY_WRONG_ABI_64BIT');
  assert.match(error.message, /^Phone R58M123 \(Galaxy A10\): \.\/benchmark_model is a 64-bit program/);
  assert.equal(error.hint, result.error.hint);
});
