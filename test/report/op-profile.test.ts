import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareOpProfiles, isPointwiseOp, pointwiseShare, summariseOpProfiles } from '../../electron/core/report/op-profile';
import type { OpProfileRow } from '../../shared/benchmark-result';

describe('isPointwiseOp', () => {
  // Node types as XNNPACK and benchmark_model print them (reference: tflite-format.md §6, sample 01).
  const table: [string, string, boolean][] = [
    ['Convolution (NHWC, F32) GEMM', 'Delegate/Convolution (NHWC, F32) GEMM', true],
    ['Convolution (NCHW, F32) SPMM', 'Delegate/Convolution (NCHW, F32) SPMM', true],
    ['Convolution (NHWC, F32) IGEMM', 'Delegate/Convolution (NHWC, F32) IGEMM', false],
    ['Convolution (NCHW, F32) Conv2D HWC2CHW', 'Delegate/Convolution (NCHW, F32) Conv2D HWC2CHW', false],
    ['Convolution (NHWC, F32) DWConv', 'Delegate/Convolution (NHWC, F32) DWConv', false],
    ['Fully Connected (NC, F32) GEMM', 'Delegate/Fully Connected (NC, F32) GEMM', false],
    ['CONV_2D', 'sequential/conv2d_1/Conv2D', true],
    ['CONV_2D', '[model/conv2d_1/BiasAdd;model/conv2d_1/Conv2D]', true],
    ['CONV_2D', 'sequential/conv2d/Conv2D', false],
    ['CONV_2D', 'sequential/conv2d_10/Conv2D', false],
    ['TfLiteXNNPackDelegate', '[StatefulPartitionedCall:0]', false],
    // the TFLite WASM runtime's "Delegate internal:" rows (captured from a host run)
    ['DelegateOpInvoke', 'Delegate/Convolution (NHWC, F32) GEMM', true],
    ['DelegateOpInvoke', 'Delegate/Convolution (NCHW, F32) SPMM', true],
    ['DelegateOpInvoke', 'Delegate/Convolution (NHWC, F32) IGEMM', false],
    ['DelegateOpInvoke', 'Delegate/Fully Connected (NC, F32) GEMM', false],
    ['DelegateOpInvoke', 'Delegate/Copy (NC, X32)', false],
  ];
  for (const [nodeType, name, expected] of table) {
    it(`${nodeType} / ${name}`, () => assert.equal(isPointwiseOp({ nodeType, name }, ['conv2d_1', 'conv2d_2']), expected));
  }
});

const row = (op: string, avgMs: number, name?: string): OpProfileRow =>
  name === undefined
    ? { nodeType: 'DelegateOpInvoke', name: `Delegate/${op}`, avgMs, percent: 0, timesCalled: 1 }
    : { nodeType: op, name, avgMs, percent: 0, timesCalled: 1 };

describe('summariseOpProfiles', () => {
  it('averages over repetitions and skips the delegate node when its operators are listed', () => {
    const profile = (gemm: number): OpProfileRow[] => [
      row('TfLiteXNNPackDelegate', 0.05, '[StatefulPartitionedCall:0]'),
      row('Convolution (NHWC, F32) IGEMM', 0.01),
      row('Convolution (NHWC, F32) GEMM', gemm),
    ];
    const rows = summariseOpProfiles([profile(0.02), profile(0.04), []], []);
    assert.deepEqual(
      rows.map((r) => r.nodeType),
      ['Convolution (NHWC, F32) GEMM', 'Convolution (NHWC, F32) IGEMM'],
    );
    assert.ok(Math.abs(rows[0]!.avgMs - 0.03) < 1e-12);
    assert.ok(Math.abs(pointwiseShare(rows)! - 0.75) < 1e-12);
  });

  it('splits plain CONV_2D into 1x1 and other convolutions by layer name', () => {
    const rows = summariseOpProfiles(
      [[row('CONV_2D', 0.3, 'm/conv2d/Conv2D'), row('CONV_2D', 0.1, 'm/conv2d_1/Conv2D')]],
      ['conv2d_1'],
    );
    assert.deepEqual(
      rows.map((r) => [r.nodeType, r.pointwise]),
      [
        ['CONV_2D', false],
        ['CONV_2D (1x1)', true],
      ],
    );
    assert.ok(Math.abs(pointwiseShare(rows)! - 0.25) < 1e-12);
  });

  it('has no share without a profile', () => {
    assert.equal(pointwiseShare(summariseOpProfiles([[], []], [])), null);
  });

  it('lines dense and pruned operators up by kind of operation', () => {
    // operator names as the TFLite WASM runtime reported them for the guide model (dense NHWC, sparse NCHW)
    const dense = summariseOpProfiles(
      [
        [
          row('Convolution (NHWC, F32) IGEMM', 0.075),
          row('Convolution (NHWC, F32) DWConv', 0.03),
          row('Convolution (NHWC, F32) GEMM', 0.044),
          row('Convolution (NHWC, F32) DWConv', 0.003),
          row('Convolution (NHWC, F32) GEMM', 0.006),
          row('Global Average Pooling (NWC, F32)', 0.012),
          row('Copy (NC, X32)', 0.009),
        ],
      ],
      [],
    );
    const pruned = summariseOpProfiles(
      [
        [
          row('Convolution (NCHW, F32) Conv2D HWC2CHW', 0.017),
          row('Convolution (NCHW, F32) DWConv', 0.011),
          row('Convolution (NCHW, F32) SPMM', 0.014),
          row('Convolution (NCHW, F32) DWConv', 0.001),
          row('Global Average Pooling (NCW, F32)', 0),
        ],
      ],
      [],
    );
    const rows = compareOpProfiles(dense, pruned);
    const by = (kind: string) => rows.find((r) => r.nodeType === kind)!;
    assert.deepEqual(
      rows.map((r) => r.nodeType),
      ['other convolution (3x3)', '1x1 convolution', 'depthwise convolution', 'global average pooling', 'copy / reshape'],
    );
    assert.ok(Math.abs(by('1x1 convolution').denseMs! - 0.05) < 1e-12);
    assert.equal(by('1x1 convolution').prunedMs, 0.014);
    assert.equal(by('1x1 convolution').pointwise, true);
    assert.ok(Math.abs(by('depthwise convolution').prunedMs! - 0.012) < 1e-12);
    assert.equal(by('copy / reshape').prunedMs, null);
  });
});
