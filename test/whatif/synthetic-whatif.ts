// A what-if report from an emulated phone, every number SYNTHETIC (test data, labelled so on the device and its tool),
// built by the real buildWhatifReport: 0 / 50 / 75 / 90 % with the crossing between 50 and 75 %. The what-if HTML
// test and the scripted app (its whatif job and whatif.report) share it.
import type { ModelBenchmark, OpProfileRow } from '../../shared/benchmark-result';
import type { SparseVerdict, VerdictRule } from '../../electron/core/tflite/xnnpack-verdict';
import { englishVerdictReason, type VerdictReasonKey } from '../../shared/i18n/verdict-reasons-en';
import { buildWhatifReport, type WhatifFile, type WhatifReport } from '../../electron/core/whatif/whatif-report';

const DEVICE = { id: '127.0.0.1:5601', kind: 'adb', label: 'Emulated phone (synthetic)' } as const;
const LAYER = 'model/conv_pw/filter';
/** Synthetic median latency per sparsity, µs. */
const MEDIAN_US: Record<number, number> = { 0: 1500, 0.5: 1560, 0.75: 1200, 0.9: 1000 };

function verdict(sparsity: number): SparseVerdict {
  const because = (reasonKey: VerdictReasonKey, reasonValues: Record<string, string | number> = {}) => ({
    reasonKey,
    reasonValues,
    reason: englishVerdictReason(reasonKey, reasonValues),
  });
  const rules: VerdictRule[] = [
    {
      id: 'densify-weights',
      title: '1x1 weights stored sparse behind DENSIFY',
      pass: sparsity > 0,
      ...(sparsity > 0 ? because('densifyOk', { densified: 1, total: 1 }) : because('densifyMissing')),
    },
    {
      id: 'zeros-1x1',
      title: 'Enough zeros in the 1x1 kernels',
      pass: sparsity > 2 / 3,
      ...because('zerosShare', { zeros: Math.round(128 * sparsity), params: 128, share: (sparsity * 100).toFixed(1) }),
    },
  ];
  const failing = rules.find((r) => !r.pass);
  return { eligible: !failing, rules, summary: failing ? failing.reason : 'All rules pass' };
}

function file(sparsity: number): WhatifFile {
  return {
    sparsity,
    file: sparsity === 0 ? 'models/dense.tflite' : `models/sparse-${sparsity * 100}.tflite`,
    bytes: 20480 - Math.round(sparsity * 8000),
    layers:
      sparsity === 0
        ? []
        : [
            {
              subgraph: 0,
              tensor: LAYER,
              op: 'CONV_2D',
              shape: [16, 1, 1, 8],
              type: 'float32',
              zeroFraction: sparsity,
              encoding: 'csr+densify',
            },
          ],
    verdict: verdict(sparsity),
  };
}

function profile(medianUs: number, sparsity: number): OpProfileRow[] {
  const ms = medianUs / 1000;
  const pointwise = ms * (0.6 - sparsity * 0.3);
  return [
    { nodeType: 'CONV_2D', name: `[${LAYER}]:1`, avgMs: pointwise, percent: 0, timesCalled: 1 },
    { nodeType: 'DEPTHWISE_CONV_2D', name: 'model/conv_dw', avgMs: ms * 0.25, percent: 0, timesCalled: 1 },
    { nodeType: 'MEAN', name: 'model/pool', avgMs: ms * 0.05, percent: 0, timesCalled: 1 },
  ];
}

function result(f: WhatifFile): ModelBenchmark {
  const median = MEDIAN_US[f.sparsity]!;
  const runsUs = [0.97, 0.99, 1, 1.01, 1.06].map((k) => median * k);
  return {
    device: DEVICE,
    model: { file: `/tmp/ws/whatif-synthetic/${f.file}`, sha256: 'synthetic', bytes: f.bytes },
    repetition: 0,
    flags: { numRuns: runsUs.length, warmupRuns: 1, numThreads: 1, useXnnpack: 'true', enableOpProfiling: true },
    runsUs,
    stats: { count: runsUs.length, avg: median, min: runsUs[0]!, max: runsUs[4]!, std: 30 },
    opProfile: profile(median, f.sparsity),
    opProfileCalls: runsUs.length,
    opProfileSource: 'these-runs',
    sparseInference: f.verdict.eligible
      ? { engaged: 'yes', reason: 'synthetic: emulated phone' }
      : { engaged: 'no', reason: 'synthetic: emulated phone' },
    tool: { name: 'emulated benchmark_model', version: '(synthetic numbers)' },
    synthetic: true,
    startedAt: '2026-12-01T10:00:00.000Z',
  };
}

/** The files and the per-file results of the synthetic what-if (what a what-if job's events carry). */
export function syntheticWhatifRun(): { files: WhatifFile[]; results: ModelBenchmark[] } {
  const files = [0, 0.5, 0.75, 0.9].map(file);
  return { files, results: files.map(result) };
}

export function syntheticWhatifReport(runDir = '/tmp/ws/whatif-synthetic'): WhatifReport {
  const { files, results } = syntheticWhatifRun();
  return buildWhatifReport({
    source: { file: 'mobilenet-float.tflite', bytes: files[0]!.bytes },
    runDir,
    files,
    results,
    failures: [],
    config: { devices: [DEVICE.id], runs: 5, repeat: 1, threads: 1, includeFc: false },
  });
}
