import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseProfileSummary } from '../../electron/core/host/profile-summary';
import { observeSparseInference } from '../../electron/core/host/sparse-inference-check';
import { steadyProfile } from '../../electron/core/host/steady-profile';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.txt`, import.meta.url), 'utf8');

// Captured from the TFLite WebAssembly runtime's GetProfilingSummary() (3 runs each).
const CASES = [
  {
    file: 'guide-sparse',
    engaged: 'yes',
    delegateOps: [
      'Delegate/Convolution (NCHW, F32) Conv2D HWC2CHW',
      'Delegate/Convolution (NCHW, F32) DWConv',
      'Delegate/Convolution (NCHW, F32) SPMM',
      'Delegate/Convolution (NCHW, F32) DWConv',
      'Delegate/Convolution (NCHW, F32) SPMM',
      'Delegate/Global Average Pooling (NCW, F32)',
      'Delegate/Copy (NC, X32)',
      'Delegate/Fully Connected (NC, F32) GEMM',
    ],
  },
  {
    file: 'guide-dense',
    engaged: 'no',
    delegateOps: [
      'Delegate/Convolution (NHWC, F32) IGEMM',
      'Delegate/Convolution (NHWC, F32) DWConv',
      'Delegate/Convolution (NHWC, F32) GEMM',
      'Delegate/Convolution (NHWC, F32) DWConv',
      'Delegate/Convolution (NHWC, F32) GEMM',
      'Delegate/Global Average Pooling (NWC, F32)',
      'Delegate/Copy (NC, X32)',
      'Delegate/Fully Connected (NC, F32) GEMM',
    ],
  },
  {
    // A pruned graph whose constant MUL after the first 1x1 conv ends the NCHW part: only the stem ran NCHW.
    file: 'graph-stem-only-nchw',
    engaged: 'no',
    delegateOps: [
      'Delegate/Convolution (NCHW, F32) Conv2D HWC2CHW',
      'Delegate/Convolution (NHWC, F32) GEMM',
      'Delegate/Multiply (ND, F32)',
      'Delegate/Add (ND, F32)',
      'Delegate/Convolution (NHWC, F32) GEMM',
      'Delegate/Global Average Pooling (NWC, F32)',
      'Delegate/Copy (NC, X32)',
      'Delegate/Fully Connected (NC, F32) GEMM',
    ],
  },
  {
    file: 'hello-world-float',
    engaged: 'no',
    delegateOps: [
      'Delegate/Fully Connected (NC, F32) GEMM',
      'Delegate/Fully Connected (NC, F32) GEMM',
      'Delegate/Fully Connected (NC, F32) GEMM',
    ],
  },
] as const;

for (const c of CASES) {
  test(`profile summary ${c.file}: delegate operators and sparse verdict`, () => {
    const text = fixture(c.file);
    const parsed = parseProfileSummary(text);
    assert.deepEqual(
      parsed.delegateOps.map((r) => r.name),
      c.delegateOps,
    );
    assert.deepEqual(
      parsed.nodes.map((r) => r.nodeType),
      ['TfLiteXNNPackDelegate'],
    );
    for (const r of [...parsed.nodes, ...parsed.delegateOps]) {
      assert.ok(r.avgMs >= 0 && r.percent >= 0 && r.percent <= 100 && r.timesCalled === 3, JSON.stringify(r));
    }
    assert.equal(observeSparseInference(text, undefined).engaged, c.engaged);
  });
}

test('a profile with no delegate section says unknown', () => {
  const observed = observeSparseInference('Number of nodes executed: 0\n', undefined);
  assert.equal(observed.engaged, 'unknown');
});

test('steady profile: each op without its first call (from the [first] and mean columns), median over interpreters', () => {
  // guide-sparse, captured after 3 calls: the stem convolution's first call 0.409 ms, mean 5.950 ms; the delegate
  // node's first call 0.839 ms, mean 6.121 ms.
  const text = fixture('guide-sparse');
  const sparse = steadyProfile([text], 3);
  assert.equal(sparse.delegateOps[0]!.name, 'Delegate/Convolution (NCHW, F32) Conv2D HWC2CHW');
  assert.ok(Math.abs(sparse.delegateOps[0]!.avgMs - (3 * 5.95 - 0.409) / 2) < 1e-9);
  assert.ok(Math.abs(sparse.nodes[0]!.avgMs - (3 * 6.121 - 0.839) / 2) < 1e-9);
  assert.equal(sparse.nodes[0]!.timesCalled, 2, 'two calls counted, the first left out');
  assert.ok(Math.abs(sparse.delegateOps.reduce((sum, r) => sum + r.percent, 0) - 100) < 1e-9);
  // A second interpreter whose stem was slowed down (the same capture with that mean changed): the median of three
  // ignores it, the median of two is the midpoint.
  const slowed = text.replace(/(\t {4}0\.409\t {4})5\.950(\t)/, '$19.950$2');
  assert.notEqual(slowed, text);
  const stem = (summaries: string[]) => steadyProfile(summaries, 3).delegateOps[0]!.avgMs;
  assert.ok(Math.abs(stem([text, slowed, text]) - sparse.delegateOps[0]!.avgMs) < 1e-9);
  assert.ok(Math.abs(stem([text, slowed]) - (3 * 7.95 - 0.409) / 2) < 1e-9);
  assert.equal(steadyProfile([text, slowed, text], 3).delegateOps[0]!.timesCalled, 6);
  assert.throws(() => steadyProfile([text, fixture('guide-dense')], 3), /different delegate operators/);
  assert.throws(() => steadyProfile([text], 4), /called 3 times, expected 4/);
});
