// Small MobileNet-like graphs for the policy and fix tests: a stem, an inverted residual block (Add), a squeeze-excite
// block (GlobalAveragePooling2D keepdims + 1x1 convs + hard_sigmoid + Multiply), a stride-2 depthwise with hard_swish,
// and the head. Each edit names layers, so a test reads like the change it makes.
import type { LayerSpec, ModelSpec, Padding2D } from '../../shared/model-spec';
import { DEFAULT_INPUT_NAME, MODEL_SPEC_FORMAT, MODEL_SPEC_VERSION } from '../../shared/model-spec';

const BN = { axis: 3, epsilon: 1e-3, momentum: 0.99 } as const;
export const pad = (p: number): Padding2D => [
  [p, p],
  [p, p],
];

export const conv = (
  name: string,
  input: string,
  filters: number,
  k = 1,
  stride = 1,
  extra: Partial<LayerSpec> = {},
): LayerSpec =>
  ({
    type: 'Conv2D',
    name,
    inputs: [input],
    filters,
    kernelSize: [k, k],
    strides: [stride, stride],
    padding: 'valid',
    dilationRate: [1, 1],
    groups: 1,
    useBias: true,
    activation: 'linear',
    ...extra,
  }) as LayerSpec;

export const depthwise = (
  name: string,
  input: string,
  k: number,
  stride: number,
  padding: 'same' | 'valid',
  extra: Partial<LayerSpec> = {},
): LayerSpec =>
  ({
    type: 'DepthwiseConv2D',
    name,
    inputs: [input],
    kernelSize: [k, k],
    strides: [stride, stride],
    padding,
    dilationRate: [1, 1],
    depthMultiplier: 1,
    useBias: true,
    activation: 'linear',
    ...extra,
  }) as LayerSpec;

const bn = (name: string, input: string): LayerSpec => ({ type: 'BatchNormalization', name, inputs: [input], ...BN });
const relu6 = (name: string, input: string): LayerSpec => ({
  type: 'ReLU',
  name,
  inputs: [input],
  maxValue: 6,
  negativeSlope: 0,
  threshold: 0,
});

/** The compliant graph (passes PruneForLatencyOnXNNPack). 8x8x3 input by default: tiny for TF.js. */
export function miniMobileNet(inputShape: [number, number, number] = [8, 8, 3]): ModelSpec {
  const layers: LayerSpec[] = [
    { type: 'ZeroPadding2D', name: 'stem_pad', inputs: [DEFAULT_INPUT_NAME], padding: pad(1) },
    conv('stem', 'stem_pad', 8, 3, 2),
    bn('stem_bn', 'stem'),
    relu6('stem_relu', 'stem_bn'),
    // Inverted residual block: expand, depthwise, project, Add with the block input.
    conv('expand', 'stem_relu', 16),
    bn('expand_bn', 'expand'),
    relu6('expand_relu', 'expand_bn'),
    depthwise('dw', 'expand_relu', 3, 1, 'same'),
    bn('dw_bn', 'dw'),
    relu6('dw_relu', 'dw_bn'),
    conv('project', 'dw_relu', 8),
    bn('project_bn', 'project'),
    { type: 'Add', name: 'residual', inputs: ['stem_relu', 'project_bn'] },
    // Squeeze-excite on the block output.
    { type: 'GlobalAveragePooling2D', name: 'se_pool', inputs: ['residual'], keepdims: true },
    conv('se_squeeze', 'se_pool', 4, 1, 1, { activation: 'relu' } as Partial<LayerSpec>),
    conv('se_excite', 'se_squeeze', 8),
    { type: 'Activation', name: 'se_gate', inputs: ['se_excite'], activation: 'hard_sigmoid' },
    { type: 'Multiply', name: 'se_scale', inputs: ['residual', 'se_gate'] },
    // Downsampling depthwise, XNNPACK style, with hard-swish.
    { type: 'ZeroPadding2D', name: 'down_pad', inputs: ['se_scale'], padding: pad(1) },
    depthwise('down_dw', 'down_pad', 3, 2, 'valid'),
    bn('down_bn', 'down_dw'),
    { type: 'Activation', name: 'down_act', inputs: ['down_bn'], activation: 'hard_swish' },
    conv('head_conv', 'down_act', 16),
    { type: 'GlobalAveragePooling2D', name: 'head_pool', inputs: ['head_conv'], keepdims: true },
    { type: 'Flatten', name: 'flatten', inputs: ['head_pool'] },
    { type: 'Dropout', name: 'dropout', inputs: ['flatten'], rate: 0.2, seed: 1 },
    { type: 'Dense', name: 'logits', inputs: ['dropout'], units: 10, useBias: true, activation: 'linear' },
  ];
  return {
    format: MODEL_SPEC_FORMAT,
    version: MODEL_SPEC_VERSION,
    name: 'mini-mobilenet',
    inputShape,
    inputName: DEFAULT_INPUT_NAME,
    layers,
    outputs: ['logits'],
  };
}

/** Graph edits by layer name: `replace` returns the layers to put in its place (none = remove it). */
export function edited(
  spec: ModelSpec,
  edits: Record<string, (layer: LayerSpec) => LayerSpec | LayerSpec[]>,
  outputs: ModelSpec['outputs'] = spec.outputs,
): ModelSpec {
  return {
    ...spec,
    layers: spec.layers.flatMap((l) => (edits[l.name] ? edits[l.name]!(structuredClone(l)) : [l])),
    outputs,
  };
}

/** A field override on one layer. */
export const set =
  (fields: Record<string, unknown>) =>
  (layer: LayerSpec): LayerSpec =>
    ({ ...layer, ...fields }) as LayerSpec;

/** Removes a single-input layer and makes its readers read its input. */
export function bypass(spec: ModelSpec, name: string): ModelSpec {
  const layer = spec.layers.find((l) => l.name === name)!;
  const source = layer.inputs[0]!;
  return {
    ...spec,
    layers: spec.layers
      .filter((l) => l.name !== name)
      .map((l) => ({ ...l, inputs: l.inputs.map((i) => (i === name ? source : i)) }) as LayerSpec),
  };
}

/** Keras' MobileNetV2/V3-style stem: Conv2D 3x3 stride 2 'same', no ZeroPadding2D. */
export const sameStem = (spec = miniMobileNet()): ModelSpec =>
  edited(bypass(spec, 'stem_pad'), { stem: set({ padding: 'same' }) });

/** A 3x3 stride-2 'same' depthwise instead of ZeroPadding2D(1) + 'valid'. */
export const sameDepthwise = (spec = miniMobileNet()): ModelSpec =>
  edited(bypass(spec, 'down_pad'), { down_dw: set({ padding: 'same' }) });

/** An older-Keras squeeze-excite block: GlobalAveragePooling2D without keepdims, then Reshape to [1, 1, C]. */
export const reshapeSqueezeExcite = (): ModelSpec =>
  edited(miniMobileNet(), {
    se_pool: (pool) => [
      { ...pool, keepdims: false } as LayerSpec,
      { type: 'Reshape', name: 'se_reshape', inputs: ['se_pool'], targetShape: [1, 1, 8] },
    ],
    se_squeeze: (c) => ({ ...c, inputs: ['se_reshape'] }),
  });
