// PruneForLatencyOnXNNPack over graphs (reference: ../shared/reference/tfmot-pruning.md §6, upstream pruning_policy.py):
// the start search over every input branch, the end search over every output branch, the middle check between them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LayerSpec, ModelSpec } from '../../shared/model-spec';
import { DEFAULT_INPUT_NAME } from '../../shared/model-spec';
import { graphShapes } from '../../electron/core/model/shapes';
import { initWeights } from '../../electron/core/model/weights';
import { checkXnnpack } from '../../electron/core/prune/xnnpack-policy';
import { fixForXnnpack } from '../../electron/core/prune/fix-for-xnnpack';
import { pruneLowMagnitude } from '../../electron/core/prune/pruned-model';
import { PruningController } from '../../electron/core/prune/pruning-controller';
import { ConstantSparsity } from '../../electron/core/prune/schedules';
import { stripPruning } from '../../electron/core/prune/strip-pruning';
import { FakeWeightAccess } from './fake-weights';
import { conv, edited, reshapeSqueezeExcite, miniMobileNet, pad, sameDepthwise, sameStem, set } from './graph-models';

// Upstream's messages, verbatim from the reference (pruning_policy.py; the end message is TFMOT v0.6's, the guide's).
const START =
  'Could not find `Conv2D 3x3` layer with stride 2x2, `input filters == 3` and `VALID` padding and preceding `ZeroPadding2D` with `padding == 1` in all input branches of the model';
const END = 'Could not find a `GlobalAveragePooling2D` layer with `keepdims = True` in all output branches';
const unsupported = (cls: string) => `Layer ${cls} is not supported for the PruneForLatencyOnXNNPack pruning policy`;

const activation = (name: string, act: string) => set({ activation: act, name });

/** A second branch from the input that merges into the stem's output without a start layer: `side` 3x3 s2 'same'. */
const sideInputBranch = (): ModelSpec =>
  edited(miniMobileNet(), {
    stem_relu: (relu) => [
      { ...relu, name: 'stem_relu_a' },
      conv('side', DEFAULT_INPUT_NAME, 8, 3, 2, { padding: 'same' } as Partial<LayerSpec>),
      { type: 'Add', name: 'stem_relu', inputs: ['stem_relu_a', 'side'] },
    ],
  });

/** A second output branch whose pooling lacks keepdims: logits read Add(Flatten(head_pool), side_pool). */
const sideOutputBranch = (): ModelSpec =>
  edited(miniMobileNet(), {
    flatten: (flatten) => [
      { ...flatten, name: 'flatten_a' },
      { type: 'GlobalAveragePooling2D', name: 'side_pool', inputs: ['head_conv'], keepdims: false },
      { type: 'Add', name: 'flatten', inputs: ['flatten_a', 'side_pool'] },
    ],
  });

const asymmetric = (name: string) =>
  set({
    padding: [
      [0, 1],
      [0, 1],
    ],
    name,
  });

const cases: { name: string; spec: () => ModelSpec; message?: string; diagnostics: [string | null, string][] }[] = [
  {
    name: 'the compliant graph (residual Add, SE block, hard_swish, Dropout after the end)',
    spec: miniMobileNet,
    diagnostics: [],
  },
  {
    name: "3x3 stride-2 'same' stem (Keras MobileNetV2/V3)",
    spec: () => sameStem(),
    message: START,
    diagnostics: [['stem', 'start-layer']],
  },
  {
    name: 'asymmetric ZeroPadding2D before the stem',
    spec: () => edited(miniMobileNet(), { stem_pad: asymmetric('stem_pad') }),
    message: START,
    diagnostics: [['stem', 'start-layer']],
  },
  {
    name: 'a second input branch without a start layer',
    spec: sideInputBranch,
    message: START,
    diagnostics: [['side', 'start-layer']],
  },
  {
    name: 'a second output branch without keepdims',
    spec: sideOutputBranch,
    message: END,
    diagnostics: [['side_pool', 'end-layer']],
  },
  {
    name: "3x3 stride-2 'same' depthwise",
    spec: () => sameDepthwise(),
    message: unsupported('DepthwiseConv2D'),
    diagnostics: [['down_dw', 'layer-support']],
  },
  {
    name: "asymmetric ((0, 1), (0, 1)) padding before a stride-2 3x3 depthwise (Keras' correct_pad)",
    spec: () => edited(miniMobileNet(), { down_pad: asymmetric('down_pad') }),
    message: unsupported('DepthwiseConv2D'),
    diagnostics: [['down_dw', 'layer-support']],
  },
  {
    name: '5x5 stride-2 depthwise after ZeroPadding2D(2) passes, after ZeroPadding2D(1) fails',
    spec: () => edited(miniMobileNet(), { down_dw: set({ kernelSize: [5, 5] }) }),
    message: unsupported('DepthwiseConv2D'),
    diagnostics: [['down_dw', 'layer-support']],
  },
  {
    name: '5x5 stride-2 depthwise after ZeroPadding2D(2)',
    spec: () => edited(miniMobileNet(), { down_dw: set({ kernelSize: [5, 5] }), down_pad: set({ padding: pad(2) }) }),
    diagnostics: [],
  },
  {
    name: 'dilated depthwise in the residual block',
    spec: () => edited(miniMobileNet(), { dw: set({ dilationRate: [2, 2] }) }),
    message: unsupported('DepthwiseConv2D'),
    diagnostics: [['dw', 'layer-support']],
  },
  {
    name: 'dilated 1x1 Conv2D',
    spec: () => edited(miniMobileNet(), { expand: set({ dilationRate: [2, 2] }) }),
    message: unsupported('Conv2D'),
    diagnostics: [['expand', 'layer-support']],
  },
  {
    name: '3x3 Conv2D on the residual branch',
    spec: () => edited(miniMobileNet(), { project: set({ kernelSize: [3, 3], padding: 'same' }) }),
    message: unsupported('Conv2D'),
    diagnostics: [['project', 'layer-support']],
  },
  {
    name: 'SE block pooling without keepdims + Reshape',
    spec: reshapeSqueezeExcite,
    message: unsupported('GlobalAveragePooling2D'),
    diagnostics: [
      ['se_pool', 'layer-support'],
      ['se_reshape', 'layer-support'],
    ],
  },
  {
    name: "Activation('swish') is rejected",
    spec: () => edited(miniMobileNet(), { down_act: activation('down_act', 'swish') }),
    message: unsupported('Activation'),
    diagnostics: [['down_act', 'layer-support']],
  },
  {
    name: "Activation('linear') is rejected",
    spec: () => edited(miniMobileNet(), { se_gate: activation('se_gate', 'linear') }),
    message: unsupported('Activation'),
    diagnostics: [['se_gate', 'layer-support']],
  },
  {
    name: 'Activation sigmoid / relu6 pass',
    spec: () => edited(miniMobileNet(), { se_gate: activation('se_gate', 'sigmoid'), down_act: activation('down_act', 'relu6') }),
    diagnostics: [],
  },
  {
    name: 'Rescaling before the stem is not checked',
    spec: () =>
      edited(miniMobileNet(), {
        stem_pad: (zp) => [
          { type: 'Rescaling', name: 'rescale', inputs: [DEFAULT_INPUT_NAME], scale: 2, offset: -1 },
          { ...zp, inputs: ['rescale'] } as LayerSpec,
        ],
      }),
    diagnostics: [],
  },
  {
    name: 'Rescaling in the middle is rejected',
    spec: () =>
      edited(miniMobileNet(), {
        head_conv: (c) => [
          { type: 'Rescaling', name: 'rescale', inputs: ['down_act'], scale: 2, offset: 0 },
          { ...c, inputs: ['rescale'] } as LayerSpec,
        ],
      }),
    message: unsupported('Rescaling'),
    diagnostics: [['rescale', 'layer-support']],
  },
  {
    name: 'start and middle failures together: the start message first, both named',
    spec: () => sameDepthwise(sameStem()),
    message: START,
    diagnostics: [
      ['stem', 'start-layer'],
      ['down_dw', 'layer-support'],
    ],
  },
  {
    name: 'three middle failures in graph order',
    spec: () => edited(sameDepthwise(), { dw: set({ dilationRate: [2, 2] }), se_gate: activation('se_gate', 'swish') }),
    message: unsupported('DepthwiseConv2D'),
    diagnostics: [
      ['dw', 'layer-support'],
      ['se_gate', 'layer-support'],
      ['down_dw', 'layer-support'],
    ],
  },
];

test('policy on graphs: upstream message first, one diagnostic per layer naming the layer, the rule and the fix', () => {
  for (const c of cases) {
    const spec = c.spec();
    graphShapes(spec); // every case is a valid graph
    const check = checkXnnpack(spec);
    assert.equal(check.message, c.message, c.name);
    assert.equal(check.ok, c.message === undefined, c.name);
    assert.deepEqual(
      check.diagnostics.map((d) => [d.layer, d.rule]),
      c.diagnostics,
      c.name,
    );
    for (const d of check.diagnostics) {
      assert.ok(d.layer !== null && d.fix.includes(`'${d.layer}'`), `${c.name}: the fix names the layer: ${d.fix}`);
      assert.ok(d.requirement.length > 20, `${c.name}: the requirement is stated`);
    }
  }
});

test("hard_swish / hard_sigmoid pass, swish does not: they are Keras MobileNetV3's compositions of accepted layers", () => {
  // Upstream's Activation rule allows relu, relu6, leaky_relu, elu, sigmoid only, so Activation('hard_swish') would be
  // rejected; but Keras' MobileNetV3 builds hard_sigmoid as ReLU(6.)(x + 3.) * (1. / 6.) and hard_swish as
  // Multiply()([x, hard_sigmoid(x)]): TFOpLambda add/multiply, ReLU and Multiply, all accepted (§6). Our spec's
  // hard_sigmoid / hard_swish are defined as exactly those functions (shared/model-spec.ts), so they stand for that
  // accepted composition and pass; swish (EfficientNet's Activation('swish')) and linear are rejected as upstream.
  for (const act of ['hard_swish', 'hard_sigmoid', 'relu', 'relu6', 'sigmoid']) {
    const check = checkXnnpack(edited(miniMobileNet(), { down_act: activation('down_act', act) }));
    assert.equal(check.ok, true, act);
  }
  for (const act of ['swish', 'linear']) {
    const check = checkXnnpack(edited(miniMobileNet(), { down_act: activation('down_act', act) }));
    assert.equal(check.message, unsupported('Activation'), act);
  }
});

test('no convolution or pooling on a branch: the diagnostic names the output it reaches', () => {
  const flatOnly = edited(miniMobileNet(), {}, ['logits']);
  const noConv: ModelSpec = {
    ...flatOnly,
    layers: [
      { type: 'Flatten', name: 'flat', inputs: [DEFAULT_INPUT_NAME] },
      { type: 'Dense', name: 'logits', inputs: ['flat'], units: 10, useBias: true, activation: 'linear' },
    ],
  };
  const check = checkXnnpack(noConv);
  assert.equal(check.message, START);
  assert.deepEqual(
    check.diagnostics.map((d) => [d.layer, d.rule]),
    [
      [null, 'start-layer'],
      [null, 'end-layer'],
    ],
  );
  assert.match(check.diagnostics[0]!.fix, /reaches the output 'logits' without any Conv2D/);
});

test('with the policy, pruning wraps every 1x1 Conv2D in the graph (SE convs and head included), nothing else', () => {
  const spec = miniMobileNet();
  const pruned = pruneLowMagnitude(spec, initWeights(spec, 1), { pruningPolicy: 'PruneForLatencyOnXNNPack' });
  assert.deepEqual(pruned.wrappedLayers, ['expand', 'project', 'se_squeeze', 'se_excite', 'head_conv']);
  assert.deepEqual(
    pruned.tensors.map((t) => [t.name, t.shape]),
    [
      ['expand/kernel', [1, 1, 8, 16]],
      ['project/kernel', [1, 1, 16, 8]],
      ['se_squeeze/kernel', [1, 1, 8, 4]],
      ['se_excite/kernel', [1, 1, 4, 8]],
      ['head_conv/kernel', [1, 1, 8, 16]],
    ],
  );
});

test('pruning the graph: every 1x1 kernel gets 75 % zeros, the summary has one entry per pruned layer, the rest untouched', () => {
  const spec = miniMobileNet();
  const weights = initWeights(spec, 2);
  const pruned = pruneLowMagnitude(spec, weights, {
    pruningPolicy: 'PruneForLatencyOnXNNPack',
    pruningSchedule: new ConstantSparsity({ targetSparsity: 0.75, beginStep: 0, frequency: 1 }),
  });
  const access = new FakeWeightAccess(pruned.weights.clone());
  const controller = new PruningController(pruned);
  controller.onTrainBegin();
  controller.beforeTrainBatch(1, access);
  controller.onEpochEnd(0, access);
  const summary = controller.summary();
  assert.deepEqual(
    summary.epochs[0]!.tensors.map((t) => [t.name, t.sparsity]),
    pruned.wrappedLayers.map((layer) => [`${layer}/kernel`, 0.75]),
  );
  const stripped = stripPruning(pruned, access.weights);
  for (const tensor of stripped.weights.tensors) {
    const zeros = tensor.values.filter((v) => v === 0).length;
    const wrapped = pruned.tensors.some((t) => t.name === tensor.name);
    if (wrapped) assert.equal(zeros / tensor.values.length, 0.75, tensor.name);
    else assert.deepEqual(tensor.values, weights.get(tensor.name).values, `${tensor.name} untouched`);
  }
});

const fixCases: {
  name: string;
  spec: () => ModelSpec;
  changes: [string, string, boolean][];
  check?: (fixed: ModelSpec) => void;
}[] = [
  {
    name: "'same' stem",
    spec: () => sameStem(),
    changes: [['stem', 'same-to-explicit-padding', true]],
    check: (fixed) => {
      const pad1 = fixed.layers.find((l) => l.name === 'zero_padding2d')!;
      assert.deepEqual(
        [pad1.inputs, fixed.layers.find((l) => l.name === 'stem')!.inputs],
        [[DEFAULT_INPUT_NAME], ['zero_padding2d']],
      );
    },
  },
  { name: "3x3 s2 'same' depthwise", spec: () => sameDepthwise(), changes: [['down_dw', 'same-to-explicit-padding', true]] },
  {
    name: 'asymmetric padding before the stride-2 depthwise, in place',
    spec: () => edited(miniMobileNet(), { down_pad: asymmetric('down_pad') }),
    changes: [['down_dw', 'symmetric-padding', true]],
    check: (fixed) => assert.deepEqual(fixed, miniMobileNet()),
  },
  {
    name: 'asymmetric ((1, 2), (1, 2)) before a 5x5 stride-2 depthwise becomes 2',
    spec: () =>
      edited(miniMobileNet(), {
        down_dw: set({ kernelSize: [5, 5] }),
        down_pad: set({
          padding: [
            [1, 2],
            [1, 2],
          ],
        }),
      }),
    changes: [['down_dw', 'symmetric-padding', true]],
  },
  {
    name: 'asymmetric padding before the stem',
    spec: () => edited(miniMobileNet(), { stem_pad: asymmetric('stem_pad') }),
    changes: [['stem', 'symmetric-padding', true]],
  },
  {
    name: 'asymmetric padding shared with another reader: a new padding for the convolution',
    spec: () =>
      edited(miniMobileNet(), {
        down_pad: asymmetric('down_pad'),
        down_bn: (b) => [
          b,
          { type: 'Activation', name: 'pad_reader', inputs: ['down_pad'], activation: 'relu' },
          { type: 'GlobalAveragePooling2D', name: 'pad_pool', inputs: ['pad_reader'], keepdims: true },
          { type: 'Multiply', name: 'down_mix', inputs: ['down_bn', 'pad_pool'] },
        ],
        down_act: set({ inputs: ['down_mix'] }),
      }),
    changes: [['down_dw', 'symmetric-padding', true]],
    check: (fixed) => {
      assert.deepEqual(fixed.layers.find((l) => l.name === 'down_dw')!.inputs, ['down_pad_symmetric']);
      assert.deepEqual(fixed.layers.find((l) => l.name === 'pad_reader')!.inputs, ['down_pad']);
    },
  },
  { name: 'second input branch with a same stem', spec: sideInputBranch, changes: [['side', 'same-to-explicit-padding', true]] },
  {
    name: 'second output branch without keepdims: Flatten added, its reader rewired',
    spec: sideOutputBranch,
    changes: [['side_pool', 'gap-keepdims', false]],
    check: (fixed) => assert.deepEqual(fixed.layers.find((l) => l.name === 'flatten')!.inputs, ['flatten_a', 'flatten_1']),
  },
  {
    name: 'SE pooling without keepdims + Reshape: keepdims, Reshape dropped, readers rewired',
    spec: reshapeSqueezeExcite,
    changes: [['se_pool', 'gap-keepdims', false]],
    check: (fixed) => assert.deepEqual(fixed, miniMobileNet()),
  },
  {
    name: "'same' stem and 'same' depthwise together",
    spec: () => sameDepthwise(sameStem()),
    changes: [
      ['stem', 'same-to-explicit-padding', true],
      ['down_dw', 'same-to-explicit-padding', true],
    ],
  },
];

test('check-xnnpack --fix on graphs: each rewrite, weights carried over, the check passes afterwards', () => {
  for (const c of fixCases) {
    const spec = c.spec();
    assert.equal(checkXnnpack(spec).ok, false, `${c.name}: fails before`);
    const weights = initWeights(spec, 3);
    const fixed = fixForXnnpack(spec, weights);
    assert.deepEqual(
      fixed.changes.map((ch) => [ch.layer, ch.kind, ch.needsFineTuning]),
      c.changes,
      c.name,
    );
    for (const ch of fixed.changes) assert.equal(ch.exact, !ch.needsFineTuning, c.name);
    for (const ch of fixed.changes.filter((x) => x.needsFineTuning)) assert.match(ch.description, /fine-tune the model/, c.name);
    graphShapes(fixed.spec);
    assert.deepEqual(checkXnnpack(fixed.spec), { ok: true, diagnostics: [] }, c.name);
    assert.deepEqual(
      fixed.weights.tensors.map((t) => [t.name, Array.from(t.values)]),
      weights.tensors.map((t) => [t.name, Array.from(t.values)]),
      `${c.name}: weights carried over`,
    );
    c.check?.(fixed.spec);
  }
});

test('what --fix cannot repair stays reported: dilation, and asymmetric padding whose output size would change', () => {
  const dilated = edited(miniMobileNet(), { dw: set({ dilationRate: [2, 2] }) });
  const after = checkXnnpack(fixForXnnpack(dilated, initWeights(dilated, 1)).spec);
  assert.deepEqual(
    after.diagnostics.map((d) => d.layer),
    ['dw'],
  );
  // 9x9 input: ((0, 1), (0, 1)) gives 10 -> 4 outputs, symmetric 1 would give 11 -> 5.
  const odd = edited(miniMobileNet([9, 9, 3]), { stem_pad: asymmetric('stem_pad') });
  const fixed = fixForXnnpack(odd, initWeights(odd, 1));
  assert.deepEqual(fixed.changes, []);
  assert.equal(checkXnnpack(fixed.spec).message, START);
});
