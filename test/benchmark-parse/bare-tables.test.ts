import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBenchmarkOutput } from '../../electron/core/benchmark/parse/parse-benchmark-output';

// Profiling tables pasted without their "=== title ===" banner or any other line, as in bug reports and forum posts.
// The excerpts are cut from the shipped fixture copies: 01 is captured output (Xiaomi Mi11, 2021 nightly), c05 is
// constructed (tabs turned into spaces, a node type wider than its 24-character column).

const FIXTURES = join(import.meta.dirname, '../fixtures/benchmark-output');
const captured = readFileSync(join(FIXTURES, '01-xiaomi-mi11-nightly2021-nnapi-op-profiling.txt'), 'utf8');
const constructed = readFileSync(join(FIXTURES, 'constructed/c05-2021-op-profile-tabs-as-spaces-wide-node-type.txt'), 'utf8');

/** The header row and rows of the `nth` table titled `title`, without the banner, up to the blank line after it. */
function bareTable(text: string, title: string, nth: number, rows = Infinity): string {
  const lines = text.split('\n');
  const banners = lines.flatMap((line, i) => (line.includes(`= ${title} =`) ? [i] : []));
  const start = banners[nth]! + 1;
  const end = lines.findIndex((line, i) => i > start && line.trim() === '');
  return lines.slice(start, Math.min(end, start + 1 + rows)).join('\n');
}

const spaced = (text: string): string => text.replace(/\t/g, '  ');

type Row = [string, number, number, number, number];
const REGULAR: Row[] = [
  ['TfLiteNnapiDelegate', 3, 152.261, 92.504, 3],
  ['STRIDED_SLICE', 6, 8.338, 5.066, 6],
  ['TRANSPOSE', 3, 3.148, 1.913, 3],
  ['RESIZE_NEAREST_NEIGHBOR', 2, 0.853, 0.518, 2],
];

const SUMMARY_CASES: { what: string; excerpt: string; rows: Row[] }[] = [
  { what: 'captured, tabs kept', excerpt: bareTable(captured, 'Summary by node type', 1), rows: REGULAR },
  { what: 'captured, tabs turned into spaces', excerpt: spaced(bareTable(captured, 'Summary by node type', 1)), rows: REGULAR },
  {
    what: 'captured initialization table (node types filling their column)',
    excerpt: bareTable(captured, 'Summary by node type', 0),
    rows: [
      ['ModifyGraphWithDelegate', 1, 552.75, 57.137, 1],
      ['AllocateTensors', 1, 414.66, 42.863, 2],
    ],
  },
  {
    what: 'constructed, spaces, node type wider than its column',
    excerpt: bareTable(constructed, 'Summary by node type', 0),
    rows: [
      ['TfLiteXNNPackDelegate', 1, 20.903, 84.166, 1],
      ['TFLite_Detection_PostProcess', 1, 3.932, 15.834, 1],
    ],
  },
];

for (const { what, excerpt, rows } of SUMMARY_CASES) {
  test(`a bare "Summary by node type" table is read: ${what}`, () => {
    assert.doesNotMatch(excerpt, /={5}/, 'the excerpt has no banner');
    const profiles = parseBenchmarkOutput(excerpt).opProfiles;
    assert.equal(profiles.length, 1);
    assert.deepEqual(
      profiles[0]!.summaryByNodeType.map((s) => [s.nodeType, s.count, s.avgMs, s.percent, s.timesCalled]),
      rows,
    );
    assert.deepEqual(profiles[0]!.runOrder, []);
  });
}

test('a bare operator table (Run Order columns) is read as one', () => {
  const excerpt = bareTable(captured, 'Run Order', 1, 3);
  const profile = parseBenchmarkOutput(excerpt).opProfiles[0];
  assert.deepEqual(
    profile?.runOrder.map((r) => [r.nodeType, r.startMs, r.avgMs, r.percent, r.timesCalled, r.name]),
    [
      ['STRIDED_SLICE', 0.019, 2.086, 1.267, 1, '[model/tf.strided_slice/StridedSlice]:0'],
      ['STRIDED_SLICE', 2.107, 1.029, 0.625, 1, '[model/tf.strided_slice_1/StridedSlice]:1'],
      ['STRIDED_SLICE', 3.137, 2.159, 1.312, 1, '[model/tf.strided_slice_2/StridedSlice3]:2'],
    ],
  );
  assert.deepEqual(profile?.summaryByNodeType, []);
});
