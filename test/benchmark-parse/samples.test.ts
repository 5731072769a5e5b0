import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBenchmarkOutput } from '../../electron/core/benchmark/parse/parse-benchmark-output';
import { splitSampleHeader } from '../../electron/core/benchmark/parse/sample-header';
import { SAMPLE_EXPECTATIONS } from './sample-expectations';
import { sharedPath } from '../support/shared-dir';

const REFERENCE_DIR = sharedPath('reference', 'benchmark-output-samples');
const FIXTURE_DIR = join(import.meta.dirname, '../fixtures/benchmark-output');

function parseFile(path: string) {
  const { meta, body } = splitSampleHeader(readFileSync(path, 'utf8'));
  assert.match(meta.source ?? '', /\S/, `${path} keeps its "# source:" header`);
  return parseBenchmarkOutput(body);
}

function checkGeneric(file: string, result: ReturnType<typeof parseBenchmarkOutput>): void {
  if (result.ok) assert.ok(result.stats || result.inferenceAvgUs !== undefined, `${file}: ok needs timings`);
  else assert.ok(result.error.message && result.error.hint, `${file}: a failure says what happened and what to do`);
}

const referenceFiles = existsSync(REFERENCE_DIR) ? readdirSync(REFERENCE_DIR).filter((f) => f.endsWith('.txt')) : [];

test('every reference sample parses as expected', { skip: referenceFiles.length === 0 && `${REFERENCE_DIR} is absent` }, () => {
  for (const file of referenceFiles) {
    const result = parseFile(join(REFERENCE_DIR, file));
    checkGeneric(file, result);
    const expect = SAMPLE_EXPECTATIONS[file];
    if (expect) expect(result);
    else console.log(`note: new reference sample ${file} has no specific expectations yet (generic checks only)`);
  }
});

test(
  'the fixture copies are byte-identical to the reference samples',
  { skip: referenceFiles.length === 0 && `${REFERENCE_DIR} is absent` },
  () => {
    for (const file of referenceFiles.filter((f) => SAMPLE_EXPECTATIONS[f])) {
      assert.equal(readFileSync(join(FIXTURE_DIR, file), 'utf8'), readFileSync(join(REFERENCE_DIR, file), 'utf8'), file);
    }
  },
);

test('every real sample copied into test/fixtures parses as expected', () => {
  const files = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.txt'));
  assert.deepEqual(files.sort(), Object.keys(SAMPLE_EXPECTATIONS).sort());
  for (const file of files) {
    const result = parseFile(join(FIXTURE_DIR, file));
    checkGeneric(file, result);
    SAMPLE_EXPECTATIONS[file]?.(result);
  }
});

// Generations with no real sample in shared/reference: fixtures written from the documented formats (each file's
// header says so), one per generation, each checked for the fields that generation prints.
const DIR = join(FIXTURE_DIR, 'constructed');
const parse = (file: string) => parseBenchmarkOutput(splitSampleHeader(readFileSync(join(DIR, file), 'utf8')).body);

test('2018-19 "Average inference timings ... no stats:" summary, no prefixes, "Initialized session in Xms" without dot', () => {
  const r = parse('c01-2018-average-timings-no-stats.txt');
  assert.equal(r.ok, true);
  assert.equal(r.generation, 'classic-2018');
  assert.deepEqual(r.summary, { form: 'average-2018', warmupAvgUs: 76605.9, initUs: 9933, inferenceAvgUs: 66767.6 });
  assert.deepEqual(r.stats, { count: 50, avg: 66767.6, min: 65941, max: 68419, std: 519 });
  assert.equal(r.initSessionMs, 9.933);
  assert.equal(r.firstInferenceUs, undefined);
  assert.equal(r.known.useNnapi, false, 'old "Use nnapi : [0]" label');
});

test('2019 README "Average inference timings ... Inference:" summary', () => {
  const r = parse('c02-2019-readme-average-inference.txt');
  assert.equal(r.ok, true);
  assert.equal(r.inferenceAvgUs, 79760.9);
  assert.equal(r.warmupAvgUs, 83235);
  assert.equal(r.initUs, 38467);
  assert.equal(r.stats?.avg, 79760.9);
});

test('logcat copy with CRLF, p5/median/p95 tail, exponent notation, single warm-up run, every memory line', () => {
  const r = parse('c03-logcat-apk-percentiles-exponent-crlf.txt');
  assert.equal(r.ok, true);
  assert.deepEqual(r.warmup, { count: 1, curr: 3012345 });
  assert.deepEqual(r.stats, {
    count: 5,
    avg: 2950340,
    min: 2941004,
    max: 2961377,
    std: 7801,
    median: 2950321,
    p5: 2941004,
    p95: 2961377,
  });
  assert.equal(r.warmupAvgUs, 3012340);
  assert.equal(r.inferenceAvgUs, 2950340);
  assert.deepEqual(r.memory, {
    label: 'delta',
    initMb: 101.23,
    overallMb: 205.5,
    peakMb: 231.75,
    endStatus: { vmRssMb: 229, rssAnonMb: 120, rssFileShmemMb: 109 },
  });
  assert.equal(r.modelPath, '/data/local/tmp/large_model.tflite');
  const replaced = r.delegates.find((d) => d.status === 'replaced');
  assert.deepEqual([replaced?.nodesReplaced, replaced?.nodesTotal, replaced?.partitions], [63, 64, 2]);
  assert.equal(r.delegates.find((d) => d.status === 'partial')?.kernels, 1);
});

test('TF 2.10+ tables without [start], XNNPACK sparse operators, graph heading -> sparse inference yes', () => {
  const r = parse('c04-tf210-xnnpack-sparse-op-profile-no-start.txt');
  assert.equal(r.ok, true);
  assert.equal(r.sparseInference.engaged, 'yes');
  assert.match(r.sparseInference.reason, /2 SPMM/);
  const regular = r.opProfiles.find((s) => s.phase === 'regular');
  assert.deepEqual(regular?.graph, { name: 'main' });
  assert.equal(regular?.runOrder.length, 7);
  assert.equal(regular?.runOrder[0]?.startMs, undefined);
  assert.equal(regular?.runOrder[0]?.nodeType, 'Convolution (NCHW, F32) Conv2D HWC2CHW');
  assert.equal(regular?.runOrder[0]?.firstMs, 0.031);
  assert.equal(regular?.summaryByNodeType.find((s) => s.nodeType === 'Convolution (NCHW, F32) SPMM')?.count, 2);
  assert.equal(r.opProfiles.filter((s) => s.phase === 'regular').length, 1, 'the graph heading names the phase section');
});

test('tables whose tabs became spaces, [start] column, node type wider than its column, names with commas', () => {
  const r = parse('c05-2021-op-profile-tabs-as-spaces-wide-node-type.txt');
  assert.equal(r.ok, true);
  assert.equal(r.modelPath, '/data/local/tmp/ssd mobilenet v2.tflite');
  const rows = r.opProfiles[0]?.runOrder ?? [];
  assert.deepEqual(
    rows.map((row) => [row.nodeType, row.startMs, row.avgMs, row.percent, row.timesCalled]),
    [
      ['TfLiteXNNPackDelegate', 0, 20.903, 84.166, 1],
      ['TFLite_Detection_PostProcess', 20.921, 3.932, 15.834, 1],
    ],
  );
  assert.equal(
    rows[0]?.name,
    '[MobilenetV2/Conv/Relu6, MobilenetV2/expanded_conv/depthwise/Relu6, BoxPredictor_5/BoxEncodingPredictor/BiasAdd]:112',
  );
  assert.deepEqual(
    r.opProfiles[0]?.summaryByNodeType.map((s) => s.nodeType),
    ['TfLiteXNNPackDelegate', 'TFLite_Detection_PostProcess'],
  );
  assert.equal(r.sparseInference.engaged, 'unknown');
});

test('logcat table with spaces, node type containing a space, dense XNNPACK operators -> sparse inference no', () => {
  const r = parse('c06-logcat-dense-xnnpack-nhwc-tabs-as-spaces.txt');
  assert.equal(r.ok, true);
  const rows = r.opProfiles[0]?.runOrder ?? [];
  assert.equal(rows.length, 5);
  assert.deepEqual([rows[0]?.nodeType, rows[0]?.name], ['Teflon Delegate', '[conv1, conv2, conv3]:0']);
  assert.deepEqual([rows[3]?.nodeType, rows[3]?.avgMs], ['Global Average Pooling (NWC, F32)', 0.079]);
  assert.equal(r.sparseInference.engaged, 'no');
  assert.equal(r.stats?.avg, 1939.7);
});
