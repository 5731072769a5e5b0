// Failure outputs. Short texts built from the failure strings in shared/reference/benchmark-model-and-adb.md §2.3
// (sample 08 and 09 are the real ones, tested in samples.test.ts), as the runner receives them: stdout+stderr merged
// and, when present, the `__RC=<n>` marker line the runner appends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBenchmarkOutput } from '../../electron/core/benchmark/parse/parse-benchmark-output';
import type { BenchmarkFailureKind } from '../../electron/core/benchmark/parse/types';

const START = 'INFO: STARTING!\nINFO: Log parameter values verbosely: [0]\nINFO: Graph: [/data/local/tmp/ss/m.tflite]\n';
const LOADED = START + 'INFO: Loaded model /data/local/tmp/ss/m.tflite\n';
const RESULTS =
  'INFO: Initialized session in 3.2ms.\n' +
  'INFO: Running benchmark for at least 1 iterations and at least 0.5 seconds but terminate if exceeding 150 seconds.\n' +
  'INFO: count=420 first=1200 curr=1170 min=1090 max=1400 avg=1180 std=45\n\n' +
  'INFO: Running benchmark for at least 50 iterations and at least 1 seconds but terminate if exceeding 150 seconds.\n' +
  'INFO: count=50 first=1200 curr=1100 min=1050 max=1300 avg=1123.4 std=40\n\n' +
  'INFO: Inference timings in us: Init: 3200, First inference: 1200, Warmup (avg): 1180, Inference (avg): 1123.4\n';

const CASES: { name: string; output: string; kind: BenchmarkFailureKind; message: RegExp; hint: RegExp; exitStatus?: number }[] =
  [
    {
      name: 'model missing (current wording)',
      output:
        START +
        "ERROR: Could not open '/data/local/tmp/ss/m.tflite'.\nERROR: Failed to load model /data/local/tmp/ss/m.tflite\nBenchmarking failed.\n__RC=1\n",
      kind: 'model-not-found',
      message: /could not open the model \/data\/local\/tmp\/ss\/m\.tflite/,
      hint: /Push the \.tflite file again/,
      exitStatus: 1,
    },
    {
      name: 'model missing (old mmap wording)',
      output: 'STARTING!\nGraph: [/sdcard/m.tflite]\nFailed to mmap model /sdcard/m.tflite\nBenchmarking failed.\n',
      kind: 'model-not-found',
      message: /\/sdcard\/m\.tflite/,
      hint: /--graph/,
    },
    {
      name: 'no --graph',
      output:
        'INFO: STARTING!\nERROR: Please specify the name of your TF Lite input file with --graph\nBenchmarking failed.\n__RC=1',
      kind: 'missing-graph-flag',
      message: /without --graph/,
      hint: /--graph=/,
    },
    {
      name: 'unsupported builtin op without version',
      output:
        LOADED +
        "ERROR: Didn't find op for builtin opcode 'STABLEHLO_COMPOSITE'\nERROR: Registration failed.\nFailed to initialize the interpreter\nBenchmarking failed.\n",
      kind: 'unsupported-op',
      message: /STABLEHLO_COMPOSITE/,
      hint: /newer benchmark_model/,
    },
    {
      name: 'Select TF op without the flex build',
      output:
        LOADED +
        'ERROR: Encountered unresolved custom op: FlexErf.\nERROR: Node number 12 (FlexErf) failed to prepare.\nFailed to allocate tensors!\nBenchmarking failed.\n',
      kind: 'unsupported-custom-op',
      message: /custom op FlexErf/,
      hint: /_plus_flex/,
    },
    {
      name: 'registration failed alone',
      output: LOADED + 'ERROR: Registration failed.\n\nFailed to initialize the interpreter\nBenchmarking failed.\n',
      kind: 'registration-failed',
      message: /could not build an interpreter/,
      hint: /newer benchmark_model/,
    },
    {
      name: 'node failed to prepare, then allocation failed',
      output:
        LOADED +
        'ERROR: Node number 57 (BATCH_MATMUL) failed to prepare.\nERROR: Failed to allocate tensors!\nBenchmarking failed.\n__RC=1\n',
      kind: 'prepare-failed',
      message: /Node 57 \(BATCH_MATMUL\) failed to prepare/,
      hint: /shapes/,
    },
    {
      name: 'allocation failed',
      output: LOADED + 'ERROR: Failed to allocate tensors!\nBenchmarking failed.\n',
      kind: 'allocate-failed',
      message: /allocate the model tensors/,
      hint: /memory/,
    },
    {
      name: 'NNAPI delegate failure',
      output:
        LOADED +
        'INFO: Created TensorFlow Lite delegate for NNAPI.\nERROR: NN API returned error ANEURALNETWORKS_BAD_DATA at line 1046 while adding operation.\n' +
        'ERROR: Restored original execution plan after delegate application failure.\nFailed to apply NNAPI delegate.\nBenchmarking failed.\n__RC=1\n',
      kind: 'delegate-failed',
      message: /NNAPI delegate failed/,
      hint: /CPU \(XNNPACK\)/,
    },
    {
      name: 'GPU delegate node failed to prepare',
      output:
        LOADED +
        'ERROR: TfLiteGpuDelegate Init: MUL: Node has 3 inputs\nERROR: Node number 31 (TfLiteGpuDelegateV2) failed to prepare.\nBenchmarking failed.\n',
      kind: 'delegate-failed',
      message: /delegate failed/,
      hint: /delegate/,
    },
    {
      name: 'full delegation required',
      output: LOADED + 'ERROR: Disallowed CPU fallback detected.\nBenchmarking failed.\n',
      kind: 'cpu-fallback-disallowed',
      message: /require_full_delegation/,
      hint: /require_full_delegation/,
    },
    {
      name: 'no execute permission (noexec /sdcard)',
      output: "/system/bin/sh: /sdcard/benchmark_model: can't execute: Permission denied\n__RC=126\n",
      kind: 'binary-permission-denied',
      message: /\/sdcard\/benchmark_model: Permission denied/,
      hint: /0755/,
      exitStatus: 126,
    },
    {
      name: 'arm32 binary on a 64-bit-only SoC',
      output: '/system/bin/sh: /data/local/tmp/ss/android_arm_benchmark_model: not executable: 32-bit ELF file\n__RC=126\n',
      kind: 'binary-wrong-abi-32bit',
      message: /android_arm_benchmark_model is a 32-bit program/,
      hint: /android_aarch64_benchmark_model/,
    },
    {
      name: 'binary missing',
      output: '/system/bin/sh: /data/local/tmp/ss/benchmark_model: inaccessible or not found\n__RC=127\n',
      kind: 'binary-not-found',
      message: /\/data\/local\/tmp\/ss\/benchmark_model was not found/,
      hint: /Push benchmark_model again/,
    },
    {
      name: 'segfault printed by the shell (GPU driver)',
      output: LOADED + 'INFO: Created TensorFlow Lite delegate for GPU.\nSegmentation fault \n__RC=139\n',
      kind: 'crashed-sigsegv',
      message: /segmentation fault \(SIGSEGV, exit status 139\)/,
      hint: /CPU only/,
      exitStatus: 139,
    },
    {
      name: 'SIGSEGV known only from the exit status, after the results',
      output: LOADED + RESULTS + '__RC=139',
      kind: 'crashed-sigsegv',
      message: /after printing its results/,
      hint: /CPU only/,
    },
    {
      name: 'FATAL log line then abort',
      output: LOADED + 'FATAL: Check failed: tensor->data.raw != nullptr\nAborted \n__RC=134\n',
      kind: 'aborted',
      message: /SIGABRT, exit status 134.*Check failed/,
      hint: /CPU only/,
    },
    {
      name: 'abort known only from the exit status',
      output: LOADED + '__RC=134\n',
      kind: 'aborted',
      message: /exit status 134/,
      hint: /CPU only/,
    },
    {
      name: 'killed (cancel or low-memory killer)',
      output: LOADED + 'Killed \n__RC=137\n',
      kind: 'killed',
      message: /SIGKILL/,
      hint: /free memory/,
    },
    {
      name: 'bad flag value prints usage',
      output: 'INFO: STARTING!\nusage: benchmark_model\nFlags:\n--num_runs=50\tint32\toptional\tmin number of runs\n__RC=1\n',
      kind: 'invalid-flags',
      message: /rejected its command-line flags/,
      hint: /--help/,
    },
    {
      name: '"Benchmarking failed." with no known cause',
      output: LOADED + 'ERROR: Something new went wrong\nBenchmarking failed.\n',
      kind: 'benchmark-failed',
      message: /Something new went wrong/,
      hint: /raw output/,
    },
    {
      name: 'non-zero status with no text',
      output: LOADED + '__RC=2\n',
      kind: 'nonzero-exit',
      message: /status 2/,
      hint: /raw output/,
    },
    { name: 'nothing at all', output: '\n__RC=0\n', kind: 'empty-output', message: /printed nothing/, hint: /--help/ },
    {
      name: 'cut off before the results',
      output: LOADED + 'INFO: Initialized session in 3.2ms.\n',
      kind: 'incomplete-output',
      message: /no inference timings/,
      hint: /whole output/,
    },
  ];

for (const c of CASES) {
  test(`failure: ${c.name} -> ${c.kind}`, () => {
    const result = parseBenchmarkOutput(c.output);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.kind, c.kind);
    assert.match(result.error.message, c.message);
    assert.match(result.error.hint, c.hint);
    if (c.exitStatus !== undefined) assert.equal(result.exitStatus, c.exitStatus);
  });
}

test('a finished run whose delegate fell back to the CPU is a success with a warning', () => {
  const output =
    LOADED +
    'Though NNAPI delegate is explicitly applied, the model graph will not be executed by the delegate.\n' +
    RESULTS +
    '__RC=0\n';
  const result = parseBenchmarkOutput(output);
  assert.equal(result.ok, true);
  assert.equal(result.exitStatus, 0);
  assert.deepEqual(
    result.delegates.map((d) => [d.delegate, d.status]),
    [['NNAPI', 'not-executed']],
  );
  assert.match(result.warnings.join('\n'), /will not be executed by the delegate/);
  assert.equal(result.stats?.avg, 1123.4);
});

test('shell-like wording inside a finished run is not a verdict (GPU falls back when libOpenCL is missing)', () => {
  const output =
    LOADED +
    'INFO: Created TensorFlow Lite delegate for GPU.\n' +
    'ERROR: Can not open OpenCL library on this device - dlopen failed: library "libOpenCL.so" not found\n' +
    'ERROR: Falling back to OpenGL\n' +
    '/system/bin/sh: /vendor/bin/probe: not found\n' +
    RESULTS;
  const result = parseBenchmarkOutput(output);
  assert.equal(result.ok, true);
  assert.equal(result.stats?.avg, 1123.4);
  assert.match(result.errors.join('\n'), /libOpenCL\.so/);
});

test('a failure keeps what was read before it (parameters, model path)', () => {
  const result = parseBenchmarkOutput(LOADED + 'ERROR: Failed to allocate tensors!\nBenchmarking failed.\n');
  assert.equal(result.ok, false);
  assert.equal(result.known.graph, '/data/local/tmp/ss/m.tflite');
  assert.equal(result.modelPath, '/data/local/tmp/ss/m.tflite');
});

test('the caller can give the exit status instead of a marker', () => {
  const result = parseBenchmarkOutput(LOADED + RESULTS, { exitStatus: 139 });
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.error.kind, 'crashed-sigsegv');
});
