import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCppDouble } from '../../electron/core/benchmark/parse/cpp-number';
import { parseDelegateLine } from '../../electron/core/benchmark/parse/delegate-line';
import { extractExitStatus, extractShellMarkers } from '../../electron/core/benchmark/parse/exit-status';
import { latencyStatsFromStatLine } from '../../electron/core/benchmark/parse/latency-stats';
import { normaliseLine } from '../../electron/core/benchmark/parse/lines';
import { readMemoryLine, type MemoryReport } from '../../electron/core/benchmark/parse/memory-lines';
import { parseParameterLine } from '../../electron/core/benchmark/parse/parameter-line';
import { parseStatLine } from '../../electron/core/benchmark/parse/stat-line';
import { parseTimingSummary } from '../../electron/core/benchmark/parse/summary-line';
import { parseOpRow, parseSummaryRow, parseTableHeader } from '../../electron/core/benchmark/parse/op-profile-table';
import { OpProfileReader } from '../../electron/core/benchmark/parse/op-profile-sections';
import { sparseInferenceFromOpProfile } from '../../electron/core/benchmark/parse/sparse-inference';

test('line prefixes: log levels, logcat (threadtime and brief), LiteRT source tags, CR', () => {
  const cases: [string, string, string | undefined][] = [
    ['INFO: STARTING!', 'STARTING!', 'INFO'],
    ['WARN: Unconsumed cmdline flags: --foo', 'Unconsumed cmdline flags: --foo', 'WARN'],
    ["ERROR: Could not open 'm.tflite'.\r", "Could not open 'm.tflite'.", 'ERROR'],
    [
      'VERBOSE: Replacing 3 out of 4 node(s) with delegate (TfLiteXNNPackDelegate) node, yielding 1 partitions.',
      'Replacing 3 out of 4 node(s) with delegate (TfLiteXNNPackDelegate) node, yielding 1 partitions.',
      'VERBOSE',
    ],
    ['05-12 14:03:21.123  4321  4321 I tflite  : Initialized session in 12.5ms.', 'Initialized session in 12.5ms.', undefined],
    ['05-12 14:03:21.123  4321  4350 E tflite  : ERROR: Failed to allocate tensors!', 'Failed to allocate tensors!', 'ERROR'],
    [
      'I/tflite  ( 4321): count=50 first=1 curr=1 min=1 max=1 avg=1 std=0',
      'count=50 first=1 curr=1 min=1 max=1 avg=1 std=0',
      undefined,
    ],
    ['INFO: [benchmark_litert_model.h:94] Model initialization: 23744.73 ms', 'Model initialization: 23744.73 ms', 'INFO'],
    ['#threads used for CPU inference: [4]', '#threads used for CPU inference: [4]', undefined],
    ['\t   STRIDED_SLICE\t 0.019', '\t   STRIDED_SLICE\t 0.019', undefined],
  ];
  for (const [raw, text, level] of cases) {
    const line = normaliseLine(raw);
    assert.equal(line.text, text, raw);
    assert.equal(line.level, level, raw);
  }
});

test('count= lines of every form', () => {
  assert.deepEqual(parseStatLine('count=50 first=119212 curr=118055 min=113737 max=124776 avg=119375 std=1948'), {
    count: 50,
    first: 119212,
    curr: 118055,
    min: 113737,
    max: 124776,
    avg: 119375,
    std: 1948,
  });
  assert.deepEqual(
    parseStatLine('count=50 first=52000 curr=51000 min=49000 max=70000 avg=52391.2 std=3311 p5=49620 median=51891 p95=68628'),
    {
      count: 50,
      first: 52000,
      curr: 51000,
      min: 49000,
      max: 70000,
      avg: 52391.2,
      std: 3311,
      p5: 49620,
      median: 51891,
      p95: 68628,
    },
  );
  assert.deepEqual(parseStatLine('count=3 first=2961377 curr=2950321 min=2941004 max=2961377 avg=2.95034e+06 std=8312'), {
    count: 3,
    first: 2961377,
    curr: 2950321,
    min: 2941004,
    max: 2961377,
    avg: 2950340,
    std: 8312,
  });
  assert.deepEqual(parseStatLine('count=1 curr=3512391'), { count: 1, curr: 3512391 });
  assert.deepEqual(parseStatLine('count=4 curr=120(all same)'), { count: 4, curr: 120, allSame: true });
  assert.deepEqual(parseStatLine('count=0'), { count: 0 });
  assert.equal(parseStatLine('Timings (microseconds): count=50 avg=1'), undefined);
  assert.equal(parseStatLine('counting sheep'), undefined);
});

test('count= lines to LatencyStats: never invents a median or p90', () => {
  const classic = latencyStatsFromStatLine({ count: 50, first: 1, curr: 2, min: 10, max: 30, avg: 20.5, std: 4 });
  assert.deepEqual(classic, { count: 50, avg: 20.5, min: 10, max: 30, std: 4 });
  assert.equal(classic && 'median' in classic, false);
  assert.deepEqual(latencyStatsFromStatLine({ count: 5, min: 1, max: 9, avg: 5, std: 2, p5: 1, median: 4, p95: 9 }), {
    count: 5,
    avg: 5,
    min: 1,
    max: 9,
    std: 2,
    median: 4,
    p5: 1,
    p95: 9,
  });
  assert.deepEqual(latencyStatsFromStatLine({ count: 1, curr: 3512391 }), {
    count: 1,
    avg: 3512391,
    median: 3512391,
    min: 3512391,
    max: 3512391,
    std: 0,
  });
  assert.deepEqual(latencyStatsFromStatLine({ count: 4, curr: 120, allSame: true }), {
    count: 4,
    avg: 120,
    median: 120,
    min: 120,
    max: 120,
    std: 0,
  });
  assert.equal(latencyStatsFromStatLine({ count: 0 }), undefined);
});

test('summary lines of every generation', () => {
  assert.deepEqual(
    parseTimingSummary(
      'Inference timings in us: Init: 870557, First inference: 130565, Warmup (avg): 122373, Inference (avg): 119375',
    ),
    {
      form: 'current',
      initUs: 870557,
      firstInferenceUs: 130565,
      warmupAvgUs: 122373,
      inferenceAvgUs: 119375,
    },
  );
  assert.deepEqual(
    parseTimingSummary(
      'Inference timings in us: Init: 145200, First inference: 3012345, Warmup (avg): 3.01234e+06, Inference (avg): 1.24027e+06',
    ),
    {
      form: 'current',
      initUs: 145200,
      firstInferenceUs: 3012345,
      warmupAvgUs: 3012340,
      inferenceAvgUs: 1240270,
    },
  );
  assert.deepEqual(parseTimingSummary('Average inference timings in us: Warmup: 76605.9, Init: 9933, no stats: 66767.6'), {
    form: 'average-2018',
    warmupAvgUs: 76605.9,
    initUs: 9933,
    inferenceAvgUs: 66767.6,
  });
  assert.deepEqual(parseTimingSummary('Average inference timings in us: Warmup: 83235, Init: 38467, Inference: 79760.9'), {
    form: 'average-2018',
    warmupAvgUs: 83235,
    initUs: 38467,
    inferenceAvgUs: 79760.9,
  });
  assert.equal(parseTimingSummary('Running benchmark for at least 50 iterations'), undefined);
});

test('memory lines of every era', () => {
  const cases: [string[], MemoryReport][] = [
    [['Peak memory footprint (MB): init=0 overall=12.8672'], { label: 'peak-2020', initMb: 0, overallMb: 12.8672 }],
    [
      ['Memory footprint delta from the start of the tool (MB): init=5.66016 overall=140.508'],
      { label: 'delta', initMb: 5.66016, overallMb: 140.508 },
    ],
    [['Overall peak memory footprint (MB) via periodic monitoring: 93.2383'], { peakMb: 93.2383 }],
    [
      ['Memory status at the end of exeution:', '- VmRSS : 13 MB', '+ RssAnnon : 7 MB', '+ RssFile + RssShmem : 6 MB'],
      { endStatus: { vmRssMb: 13, rssAnonMb: 7, rssFileShmemMb: 6 } },
    ],
    [
      ['Init footprint:       6391.74 MB', 'Overall footprint:    6391.74 MB', 'Peak memory:          7001.5 MB'],
      { label: 'litert', initMb: 6391.74, overallMb: 6391.74, peakMb: 7001.5 },
    ],
  ];
  for (const [lines, expected] of cases) {
    const report: MemoryReport = {};
    for (const line of lines) readMemoryLine(line, report);
    assert.deepEqual(report, expected, lines[0]);
  }
});

test('parameter lines', () => {
  assert.deepEqual(parseParameterLine('Num threads: [4]'), { label: 'Num threads', value: '4' });
  assert.deepEqual(parseParameterLine('Use nnapi : [0]'), { label: 'Use nnapi', value: '0' });
  assert.deepEqual(parseParameterLine('#threads used for CPU inference: [4]'), {
    label: '#threads used for CPU inference',
    value: '4',
  });
  assert.deepEqual(parseParameterLine('NNAPI accelerators available: [qti-default,qti-dsp,qti-gpu]'), {
    label: 'NNAPI accelerators available',
    value: 'qti-default,qti-dsp,qti-gpu',
  });
  assert.deepEqual(parseParameterLine('Graph: [/data/local/tmp/a b.tflite]'), {
    label: 'Graph',
    value: '/data/local/tmp/a b.tflite',
  });
  assert.equal(parseParameterLine('Loaded model /data/local/tmp/m.tflite'), undefined);
  assert.equal(parseParameterLine('\t[node type]\t[first]'), undefined);
});

test('delegate messages', () => {
  const cases: [string, string, string, Record<string, number>?][] = [
    ['Explicitly applied GPU delegate, and the model graph will be completely executed by the delegate.', 'GPU', 'complete'],
    [
      'Explicitly applied NNAPI delegate, and the model graph will be partially executed by the delegate w/ 3 delegate kernels.',
      'NNAPI',
      'partial',
      { kernels: 3 },
    ],
    [
      'Though XNNPACK delegate is explicitly applied, the model graph will not be executed by the delegate.',
      'XNNPACK',
      'not-executed',
    ],
    ['Failed to apply NNAPI delegate.', 'NNAPI', 'failed'],
    ['Created TensorFlow Lite XNNPACK delegate for CPU.', 'XNNPACK', 'created'],
    ['Created TensorFlow Lite delegate for GPU.', 'GPU', 'created'],
    [
      'Replacing 27 out of 31 node(s) with delegate (TfLiteXNNPackDelegate) node, yielding 3 partitions for the whole graph.',
      'TfLiteXNNPackDelegate',
      'replaced',
      { nodesReplaced: 27, nodesTotal: 31, partitions: 3 },
    ],
  ];
  for (const [text, delegate, status, extra] of cases) {
    const event = parseDelegateLine(text);
    assert.equal(event?.delegate, delegate, text);
    assert.equal(event?.status, status, text);
    for (const [k, v] of Object.entries(extra ?? {}))
      assert.equal((event as unknown as Record<string, number>)[k], v, `${text} ${k}`);
  }
  assert.equal(parseDelegateLine('Loaded model m.tflite'), undefined);
});

test('exit status and pid markers appended by the runner', () => {
  assert.deepEqual(extractShellMarkers('Benchmarking failed.\n__RC=1\n'), { output: 'Benchmarking failed.\n', exitStatus: 1 });
  assert.deepEqual(extractShellMarkers('Segmentation fault\r\n__RC=139\r\n'), {
    output: 'Segmentation fault\n',
    exitStatus: 139,
  });
  assert.deepEqual(extractShellMarkers('no newline at the end__RC=0'), { output: 'no newline at the end', exitStatus: 0 });
  assert.deepEqual(extractShellMarkers('__PID=4242\nINFO: STARTING!\n__RC=137\n'), {
    output: 'INFO: STARTING!\n',
    exitStatus: 137,
    pid: 4242,
  });
  assert.deepEqual(extractShellMarkers('still running'), { output: 'still running' });
  assert.equal(extractExitStatus('x\n__RC=134'), 134);
  assert.equal(extractExitStatus('echo __RC=5 was in the middle\nmore'), undefined);
});

test('C++ default float formatting (6 significant digits, exponent from 1e6)', () => {
  const cases: [number, string][] = [
    [119375, '119375'],
    [34825.1, '34825.1'],
    [2950340, '2.95034e+06'],
    [1240270, '1.24027e+06'],
    [0.004448, '0.004448'],
    [12.8672, '12.8672'],
    [0, '0'],
    [870.557, '870.557'],
    [999999.5, '1e+06'],
    [0.00001234, '1.234e-05'],
    [78.4, '78.4'],
  ];
  for (const [value, text] of cases) assert.equal(formatCppDouble(value), text, String(value));
});

const WITH_START =
  parseTableHeader(
    '\t             [node type]\t          [start]\t  [first]\t [avg ms]\t     [%]\t  [cdf%]\t  [mem KB]\t[times called]\t[Name]',
  ) ?? [];
const NO_START =
  parseTableHeader('\t             [node type]\t  [first]\t [avg ms]\t     [%]\t  [cdf%]\t  [mem KB]\t[times called]\t[Name]') ??
  [];
const SUMMARY =
  parseTableHeader('\t             [Node type]\t  [count]\t  [avg ms]\t    [avg %]\t    [cdf %]\t  [mem KB]\t[times called]') ??
  [];

test('table headers with and without [start]', () => {
  assert.deepEqual(WITH_START, ['node type', 'start', 'first', 'avg ms', '%', 'cdf%', 'mem kb', 'times called', 'name']);
  assert.deepEqual(NO_START, ['node type', 'first', 'avg ms', '%', 'cdf%', 'mem kb', 'times called', 'name']);
  assert.deepEqual(SUMMARY, ['node type', 'count', 'avg ms', 'avg %', 'cdf %', 'mem kb', 'times called']);
  assert.equal(parseTableHeader('Number of nodes executed: 3'), undefined);
});

test('rows split on tabs, or on spaces when tabs were lost', () => {
  const rows: [string, string[], Record<string, unknown>][] = [
    [
      '\tTFLite_Detection_PostProcess\t           20.921\t    3.981\t    3.932\t 15.834%\t100.000%\t     0.000\t        1\tTFLite_Detection_PostProcess:113',
      WITH_START,
      {
        nodeType: 'TFLite_Detection_PostProcess',
        startMs: 20.921,
        avgMs: 3.932,
        percent: 15.834,
        cdfPercent: 100,
        timesCalled: 1,
        name: 'TFLite_Detection_PostProcess:113',
      },
    ],
    [
      '           Teflon Delegate            1.204           1.187        61.221%         61.221%             0.000              1       [conv 1, conv 2]:0',
      NO_START,
      { nodeType: 'Teflon Delegate', firstMs: 1.204, avgMs: 1.187, percent: 61.221, timesCalled: 1, name: '[conv 1, conv 2]:0' },
    ],
    [
      '  Convolution (NCHW, F32) SPMM   0.009   0.008  11.429%  70.000%   0.000   12   Delegate/Convolution (NCHW, F32) SPMM:2',
      NO_START,
      {
        nodeType: 'Convolution (NCHW, F32) SPMM',
        avgMs: 0.008,
        percent: 11.429,
        timesCalled: 12,
        name: 'Delegate/Convolution (NCHW, F32) SPMM:2',
      },
    ],
    [
      // A node type that ends in a number must not swallow the first numeric column.
      '  Custom Op 2   0.009   0.008  11.429%  70.000%   0.000   1   op:2',
      NO_START,
      { nodeType: 'Custom Op 2', firstMs: 0.009, avgMs: 0.008, name: 'op:2' },
    ],
  ];
  for (const [text, columns, expected] of rows) {
    const row = parseOpRow(text, columns);
    assert.ok(row, text);
    for (const [key, value] of Object.entries(expected))
      assert.equal((row as unknown as Record<string, unknown>)[key], value, `${key} in ${text}`);
  }
  assert.deepEqual(
    parseSummaryRow(
      '\t     TfLiteNnapiDelegate\t        3\t   152.261\t    92.504%\t    92.504%\t     0.000\t        3',
      SUMMARY,
    ),
    {
      nodeType: 'TfLiteNnapiDelegate',
      count: 3,
      avgMs: 152.261,
      percent: 92.504,
      cdfPercent: 92.504,
      memKb: 0,
      timesCalled: 3,
    },
  );
  assert.equal(parseOpRow('Number of nodes executed: 14', NO_START), undefined);
});

test('multi-subgraph profiles and delegate-internal sections', () => {
  const reader = new OpProfileReader();
  const banner = (t: string) => `${'='.repeat(30)} ${t} ${'='.repeat(30)}`;
  const header = '\t[node type]\t[first]\t[avg ms]\t[%]\t[cdf%]\t[mem KB]\t[times called]\t[Name]';
  const lines = [
    'Operator-wise Profiling Info for Regular Benchmark Runs:',
    'Primary graph (name: main) profile:',
    banner('Run Order'),
    header,
    '\tWHILE\t0.500\t0.400\t80.000%\t80.000%\t0.000\t1\t[while]:0',
    '',
    'Subgraph (index: 1, name: while_body) profile:',
    banner('Run Order'),
    header,
    '\tADD\t0.010\t0.010\t100.000%\t100.000%\t0.000\t10\t[add]:0',
    '',
    'Delegate internal:',
    banner('Run Order'),
    header,
    '\tConvolution (NHWC, F32) IGEMM\t0.1\t0.1\t100.000%\t100.000%\t0.000\t1\tDelegate/Convolution (NHWC, F32) IGEMM:0',
    '',
  ];
  for (const line of lines) reader.read(line);
  assert.deepEqual(
    reader.sections.map((s) => [s.phase, s.graph, s.delegateInternal, s.runOrder.length]),
    [
      ['regular', { name: 'main' }, undefined, 1],
      ['regular', { index: 1, name: 'while_body' }, undefined, 1],
      ['regular', undefined, true, 1],
    ],
  );
});

test('sparse inference verdict from XNNPACK operator names', () => {
  const row = (nodeType: string, name = `Delegate/${nodeType}:0`) => ({ nodeType, name });
  const cases: [{ nodeType: string; name: string }[], string][] = [
    [[row('Convolution (NCHW, F32) SPMM'), row('Fully Connected (NC, F32) GEMM')], 'yes'],
    [[row('Convolution (NCHW, F32) DWConv')], 'yes'],
    [[row('Global Average Pooling (NCW, F32)')], 'yes'],
    [[row('TfLiteXNNPackDelegate', 'Delegate/Convolution (NCHW, F32) SpMM:3')], 'yes'],
    [
      [row('Convolution (NHWC, F32) IGEMM'), row('Convolution (NHWC, F32) DWConv'), row('Global Average Pooling (NWC, F32)')],
      'no',
    ],
    [[row('Fully Connected (NC, F32) GEMM')], 'no'],
    [[row('TfLiteXNNPackDelegate', '[conv1, conv2]:12'), row('CONV_2D', '[conv]:1')], 'unknown'],
    [[], 'unknown'],
  ];
  for (const [rows, verdict] of cases) {
    const reading = sparseInferenceFromOpProfile(rows);
    assert.equal(reading.engaged, verdict, JSON.stringify(rows));
    assert.match(reading.reason, /\S/);
  }
});
