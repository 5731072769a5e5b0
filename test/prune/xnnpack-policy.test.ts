import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LayerSpec } from '../../shared/model-spec';
import { guideModel } from '../../electron/core/model/baseline';
import { initWeights } from '../../electron/core/model/weights';
import { checkXnnpack, XnnpackPolicyError } from '../../electron/core/prune/xnnpack-policy';
import { fixForXnnpack } from '../../electron/core/prune/fix-for-xnnpack';
import { pruneLowMagnitude } from '../../electron/core/prune/pruned-model';
import { denseModel, patched, rechained, sameStemModel, withLayer } from './models';

const START =
  'Could not find `Conv2D 3x3` layer with stride 2x2, `input filters == 3` and `VALID` padding and preceding `ZeroPadding2D` with `padding == 1` in all input branches of the model';
const END = 'Could not find a `GlobalAveragePooling2D` layer with `keepdims = True` in all output branches';
const unsupported = (cls: string) => `Layer ${cls} is not supported for the PruneForLatencyOnXNNPack pruning policy`;

test("the guide's baseline without keepdims fails with the guide's message; the keepdims variant passes", () => {
  const check = checkXnnpack(guideModel(false));
  assert.equal(check.ok, false);
  assert.equal(check.message, END);
  assert.deepEqual(
    check.diagnostics.map((d) => [d.layer, d.rule]),
    [['global_average_pooling2d', 'end-layer']],
  );
  assert.match(check.diagnostics[0]!.fix, /keepdims=True/);
  assert.deepEqual(checkXnnpack(guideModel(true)), { ok: true, diagnostics: [] });
});

test('policy checks, first message in upstream order, one diagnostic per failed check', () => {
  const dw = (l: LayerSpec, o: object) => ({ ...l, ...o }) as LayerSpec;
  const cases: {
    name: string;
    spec: ReturnType<typeof guideModel>;
    message: string | undefined;
    diagnostics: [string | null, string][];
  }[] = [
    { name: "3x3 stride-2 'same' stem", spec: sameStemModel(), message: START, diagnostics: [['conv2d', 'start-layer']] },
    {
      name: 'stem without ZeroPadding2D and GAP without keepdims: start first',
      spec: patched(sameStemModel(), { global_average_pooling2d: { keepdims: false } }),
      message: START,
      diagnostics: [
        ['conv2d', 'start-layer'],
        ['global_average_pooling2d', 'end-layer'],
      ],
    },
    {
      name: 'stem with ZeroPadding2D(2)',
      spec: withLayer(
        'zero_padding2d',
        (l) =>
          ({
            ...l,
            padding: [
              [2, 2],
              [2, 2],
            ],
          }) as LayerSpec,
      ),
      message: START,
      diagnostics: [['conv2d', 'start-layer']],
    },
    {
      name: 'stride-1 stem',
      spec: withLayer('conv2d', (l) => dw(l, { strides: [1, 1] })),
      message: START,
      diagnostics: [['conv2d', 'start-layer']],
    },
    {
      name: 'no convolution at all',
      spec: denseModel(),
      message: START,
      diagnostics: [
        [null, 'start-layer'],
        [null, 'end-layer'],
      ],
    },
    {
      name: "depthwise 3x3 stride-2 'same' in the middle",
      spec: patched(
        withLayer('zero_padding2d_1', () => []),
        { depthwise_conv2d_1: { padding: 'same' } },
      ),
      message: unsupported('DepthwiseConv2D'),
      diagnostics: [['depthwise_conv2d_1', 'layer-support']],
    },
    {
      name: "depthwise 'valid' stride 2 without its ZeroPadding2D(1)",
      spec: withLayer('zero_padding2d_1', () => []),
      message: unsupported('DepthwiseConv2D'),
      diagnostics: [['depthwise_conv2d_1', 'layer-support']],
    },
    {
      name: 'depthwise multiplier 2',
      spec: withLayer('depthwise_conv2d', (l) => dw(l, { depthMultiplier: 2 })),
      message: unsupported('DepthwiseConv2D'),
      diagnostics: [['depthwise_conv2d', 'layer-support']],
    },
    {
      name: 'depthwise 5x5 same stride 1',
      spec: withLayer('depthwise_conv2d', (l) => dw(l, { kernelSize: [5, 5] })),
      message: undefined,
      diagnostics: [],
    },
    {
      name: '3x3 Conv2D in the middle',
      spec: withLayer('conv2d_1', (l) => dw(l, { kernelSize: [3, 3], padding: 'same' })),
      message: unsupported('Conv2D'),
      diagnostics: [['conv2d_1', 'layer-support']],
    },
    {
      name: '1x1 Conv2D with stride 2',
      spec: withLayer('conv2d_2', (l) => dw(l, { strides: [2, 2] })),
      message: unsupported('Conv2D'),
      diagnostics: [['conv2d_2', 'layer-support']],
    },
    {
      name: 'ReLU6 and extra ZeroPadding2D are fine',
      spec: withLayer('re_lu_2', (l) => [
        dw(l, { maxValue: 6 }),
        {
          type: 'ZeroPadding2D',
          name: 'zp',
          padding: [
            [0, 0],
            [0, 0],
          ],
        },
      ]),
      message: undefined,
      diagnostics: [],
    },
    {
      name: 'two failures in the middle are both reported, the first is the message',
      spec: patched(guideModel(true), {
        conv2d_1: { kernelSize: [3, 3], padding: 'same' },
        depthwise_conv2d: { depthMultiplier: 2 },
      }),
      message: unsupported('DepthwiseConv2D'),
      diagnostics: [
        ['depthwise_conv2d', 'layer-support'],
        ['conv2d_1', 'layer-support'],
      ],
    },
  ];
  for (const c of cases) {
    const check = checkXnnpack(c.spec);
    assert.equal(check.message, c.message, c.name);
    assert.equal(check.ok, c.message === undefined, c.name);
    assert.deepEqual(
      check.diagnostics.map((d) => [d.layer, d.rule]),
      c.diagnostics,
      c.name,
    );
    for (const d of check.diagnostics) assert.ok(d.fix.length > 10, `${c.name}: a fix is given`);
  }
});

test('layers after the final GlobalAveragePooling2D are not checked (Flatten, Dense)', () => {
  const check = checkXnnpack(withLayer('dense', (l) => [l, { type: 'ReLU', name: 'head_relu', maxValue: null }]));
  assert.equal(check.ok, true);
});

test('pruneLowMagnitude with the policy refuses a failing model with the message and the diagnostics', () => {
  const spec = guideModel(false);
  assert.throws(
    () => pruneLowMagnitude(spec, initWeights(spec, 1), { pruningPolicy: 'PruneForLatencyOnXNNPack' }),
    (e: unknown) =>
      e instanceof XnnpackPolicyError && e.message === END && e.diagnostics.length === 1 && e.code === 'XNNPACK_POLICY',
  );
});

test('fixForXnnpack: GAP keepdims keeps the weights and the function', () => {
  const spec = guideModel(false);
  const weights = initWeights(spec, 3);
  const fixed = fixForXnnpack(spec, weights);
  assert.deepEqual(fixed.spec, { ...guideModel(true), name: 'baseline' });
  assert.deepEqual(
    fixed.changes.map((c) => [c.layer, c.kind, c.exact, c.needsFineTuning]),
    [['global_average_pooling2d', 'gap-keepdims', true, false]],
  );
  assert.deepEqual(fixed.weights.tensors, weights.tensors);
  assert.equal(checkXnnpack(fixed.spec).ok, true);
});

test('fixForXnnpack without a Flatten after the GAP adds one, so the Dense still gets a flat input', () => {
  const spec = rechained(
    guideModel(false),
    guideModel(false).layers.filter((l) => l.type !== 'Flatten'),
  );
  const fixed = fixForXnnpack(spec, initWeights(spec, 1));
  assert.deepEqual(
    fixed.spec.layers.slice(-3).map((l) => l.type),
    ['GlobalAveragePooling2D', 'Flatten', 'Dense'],
  );
  assert.equal(checkXnnpack(fixed.spec).ok, true);
});

test("fixForXnnpack: 3x3 stride-2 'same' stem -> ZeroPadding2D(1) + 'valid', same weights, grid moves on a 32x32 input", () => {
  const spec = sameStemModel();
  const weights = initWeights(spec, 5);
  const fixed = fixForXnnpack(spec, weights);
  assert.deepEqual(fixed.spec.layers.slice(0, 2), guideModel(true).layers.slice(0, 2));
  assert.deepEqual(fixed.weights.tensors, weights.tensors);
  const [change] = fixed.changes;
  assert.equal(fixed.changes.length, 1);
  assert.equal(change!.layer, 'conv2d');
  assert.equal(change!.exact, false);
  assert.equal(change!.needsFineTuning, true);
  assert.match(change!.description, /sampling grid moves by 1 pixel/);
  assert.equal(checkXnnpack(fixed.spec).ok, true);
  // On an odd input TF 'same' pads 1 on each side: the rewrite is exact.
  const odd = fixForXnnpack({ ...spec, inputShape: [33, 33, 3] }, weights);
  assert.equal(odd.changes[0]!.exact, true);
});

test("fixForXnnpack rewrites a depthwise 3x3 stride-2 'same' into ZeroPadding2D(1) + 'valid'", () => {
  const spec = patched(
    withLayer('zero_padding2d_1', () => []),
    { depthwise_conv2d_1: { padding: 'same' } },
  );
  const fixed = fixForXnnpack(spec, initWeights(spec, 2));
  assert.deepEqual(
    fixed.changes.map((c) => c.layer),
    ['depthwise_conv2d_1'],
  );
  assert.equal(checkXnnpack(fixed.spec).ok, true);
  assert.deepEqual(
    fixed.spec.layers.map((l) => l.name),
    guideModel(true).layers.map((l) => l.name),
  );
});

test('fixForXnnpack leaves a compliant model unchanged', () => {
  const spec = guideModel(true);
  const fixed = fixForXnnpack(spec, initWeights(spec, 1));
  assert.deepEqual(fixed.changes, []);
  assert.deepEqual(fixed.spec, spec);
});
