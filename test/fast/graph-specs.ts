import type { Activation, LayerSpec, ModelSpec, Pair } from '../../shared/model-spec';
import { MODEL_SPEC_FORMAT, MODEL_SPEC_VERSION } from '../../shared/model-spec';

// Small hand-built graphs for the engine's whole-model tests: a residual block and a squeeze-excite block that between
// them use every new layer type and the fan-out / broadcast cases.

const conv = (
  name: string,
  input: string,
  filters: number,
  kernel: number,
  options: { strides?: number; padding?: 'same' | 'valid'; useBias?: boolean; activation?: Activation } = {},
): LayerSpec => ({
  type: 'Conv2D',
  name,
  inputs: [input],
  filters,
  kernelSize: [kernel, kernel],
  strides: [options.strides ?? 1, options.strides ?? 1],
  padding: options.padding ?? 'same',
  dilationRate: [1, 1],
  groups: 1,
  useBias: options.useBias ?? false,
  activation: options.activation ?? 'linear',
});

const depthwise = (
  name: string,
  input: string,
  kernel: number,
  options: { strides?: number; padding?: 'same' | 'valid'; useBias?: boolean; activation?: Activation } = {},
): LayerSpec => ({
  type: 'DepthwiseConv2D',
  name,
  inputs: [input],
  kernelSize: [kernel, kernel],
  strides: [options.strides ?? 1, options.strides ?? 1],
  padding: options.padding ?? 'same',
  dilationRate: [1, 1],
  depthMultiplier: 1,
  useBias: options.useBias ?? false,
  activation: options.activation ?? 'linear',
});

const bn = (name: string, input: string): LayerSpec => ({
  type: 'BatchNormalization',
  name,
  inputs: [input],
  axis: 3,
  epsilon: 1e-3,
  momentum: 0.99,
});

const relu = (name: string, input: string, maxValue: number | null, negativeSlope = 0, threshold = 0): LayerSpec => ({
  type: 'ReLU',
  name,
  inputs: [input],
  maxValue,
  negativeSlope,
  threshold,
});

const act = (name: string, input: string, activation: Activation): LayerSpec => ({
  type: 'Activation',
  name,
  inputs: [input],
  activation,
});

const dense = (name: string, input: string, units: number, activation: Activation = 'linear'): LayerSpec => ({
  type: 'Dense',
  name,
  inputs: [input],
  units,
  useBias: true,
  activation,
});

function model(name: string, inputShape: [number, number, number], layers: LayerSpec[]): ModelSpec {
  return {
    format: MODEL_SPEC_FORMAT,
    version: MODEL_SPEC_VERSION,
    name,
    inputShape,
    inputName: 'input_1',
    layers,
    outputs: [layers.at(-1)!.name],
  };
}

const pad1: [Pair, Pair] = [
  [1, 1],
  [1, 1],
];

/**
 * An inverted residual block (MobileNetV2 style): the block input feeds both the expansion conv and the Add (fan-out),
 * ReLU6 layers, a 5x5 depthwise with hard-swish, a projection conv with a bias before BatchNormalization (exact zero
 * gradient), and a second residual Add whose input also feeds the head.
 */
export function residualBlockModel(): ModelSpec {
  return model('residual-block', [8, 8, 3], [
    { type: 'Rescaling', name: 'scale', inputs: ['input_1'], scale: 2, offset: -1 },
    conv('stem', 'scale', 8, 3),
    bn('stem_bn', 'stem'),
    relu('stem_relu', 'stem_bn', 6),
    conv('expand', 'stem_relu', 16, 1),
    bn('expand_bn', 'expand'),
    relu('expand_relu', 'expand_bn', 6),
    depthwise('dw', 'expand_relu', 5),
    bn('dw_bn', 'dw'),
    act('dw_act', 'dw_bn', 'hard_swish'),
    conv('project', 'dw_act', 8, 1, { useBias: true }),
    bn('project_bn', 'project'),
    { type: 'Add', name: 'add', inputs: ['stem_relu', 'project_bn'] },
    conv('mix', 'add', 8, 3, { activation: 'relu6', useBias: true }),
    { type: 'Add', name: 'add2', inputs: ['add', 'mix', 'add'] },
    relu('leaky', 'add2', null, 0.1),
    { type: 'GlobalAveragePooling2D', name: 'gap', inputs: ['leaky'], keepdims: false },
    dense('logits', 'gap', 10),
  ]);
}

/**
 * A squeeze-excite block (MobileNetV3 style): ZeroPadding2D(1) + 3x3 stride-2 'valid' stem, hard-swish, GAP keepdims
 * in the middle, 1x1 convs with relu and hard_sigmoid, Multiply [N,1,1,C] x [N,H,W,C] (the block's input also feeds
 * the Multiply: fan-out), a Reshape, Dropout and a Dense with swish.
 */
export function squeezeExciteModel(): ModelSpec {
  return model('se-block', [9, 9, 3], [
    { type: 'ZeroPadding2D', name: 'pad', inputs: ['input_1'], padding: pad1 },
    conv('stem', 'pad', 8, 3, { strides: 2, padding: 'valid' }),
    bn('stem_bn', 'stem'),
    act('stem_hs', 'stem_bn', 'hard_swish'),
    depthwise('dw', 'stem_hs', 5, { strides: 2, useBias: true, activation: 'relu' }),
    { type: 'GlobalAveragePooling2D', name: 'squeeze', inputs: ['dw'], keepdims: true },
    conv('reduce', 'squeeze', 4, 1, { useBias: true, activation: 'relu' }),
    conv('expand', 'reduce', 8, 1, { useBias: true, activation: 'hard_sigmoid' }),
    { type: 'Multiply', name: 'excite', inputs: ['expand', 'dw'] },
    conv('head', 'excite', 12, 1),
    bn('head_bn', 'head'),
    relu('head_relu', 'head_bn', null),
    { type: 'GlobalAveragePooling2D', name: 'gap', inputs: ['head_relu'], keepdims: true },
    { type: 'Reshape', name: 'flat', inputs: ['gap'], targetShape: [-1] },
    dense('fc', 'flat', 16, 'swish'),
    { type: 'Dropout', name: 'drop', inputs: ['fc'], rate: 0.25, seed: 7 },
    act('gate', 'drop', 'sigmoid'),
    { type: 'Multiply', name: 'gated', inputs: ['drop', 'gate'] },
    dense('logits', 'gated', 10),
  ]);
}

/**
 * A 32x32x3 graph (the data sets' image size) with 1x1 convolutions in every kind of place: an XNNPACK-style stem,
 * an inverted residual block (expansion and projection 1x1 inside the branch that the Add joins), a squeeze-excite
 * branch (1x1 reduce / expand after GAP keepdims, Multiply) and a 1x1 head, then Dropout and Dense.
 */
export function prunableGraphModel(): ModelSpec {
  return model('prunable-graph', [32, 32, 3], [
    { type: 'ZeroPadding2D', name: 'pad', inputs: ['input_1'], padding: pad1 },
    conv('stem', 'pad', 8, 3, { strides: 2, padding: 'valid' }),
    bn('stem_bn', 'stem'),
    relu('stem_relu', 'stem_bn', 6),
    conv('expand', 'stem_relu', 16, 1),
    bn('expand_bn', 'expand'),
    relu('expand_relu', 'expand_bn', 6),
    depthwise('dw', 'expand_relu', 3),
    bn('dw_bn', 'dw'),
    act('dw_act', 'dw_bn', 'hard_swish'),
    { type: 'GlobalAveragePooling2D', name: 'squeeze', inputs: ['dw_act'], keepdims: true },
    conv('se_reduce', 'squeeze', 4, 1, { useBias: true, activation: 'relu' }),
    conv('se_expand', 'se_reduce', 16, 1, { useBias: true, activation: 'hard_sigmoid' }),
    { type: 'Multiply', name: 'excite', inputs: ['dw_act', 'se_expand'] },
    conv('project', 'excite', 8, 1),
    bn('project_bn', 'project'),
    { type: 'Add', name: 'add', inputs: ['stem_relu', 'project_bn'] },
    // A ReLU inside the head conv: with a linear one, project_bn's beta (a per-channel constant reaching only that
    // conv and its BatchNormalization) would have an exact gradient of 0, which Adam turns into noise-sized steps.
    conv('head', 'add', 24, 1, { activation: 'relu' }),
    bn('head_bn', 'head'),
    act('head_act', 'head_bn', 'hard_swish'),
    { type: 'GlobalAveragePooling2D', name: 'gap', inputs: ['head_act'], keepdims: true },
    { type: 'Flatten', name: 'flat', inputs: ['gap'] },
    { type: 'Dropout', name: 'drop', inputs: ['flat'], rate: 0.2, seed: null },
    dense('logits', 'drop', 10),
  ]);
}
