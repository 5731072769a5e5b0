import type {
  Conv2DSpec,
  DepthwiseConv2DSpec,
  LayerSpec,
  ModelSpec,
  Padding2D,
  Pair,
  ZeroPadding2DSpec,
} from '../../../shared/model-spec';
import { consumersByName, layersByName } from '../model/graph';
import { graphShapes, type ActivationShape } from '../model/shapes';
import { transferWeights, type ModelWeights } from '../model/weights';

export type XnnpackChangeKind = 'gap-keepdims' | 'same-to-explicit-padding' | 'symmetric-padding';

/** One rewrite done by fixForXnnpack. `exact` = the fixed model computes exactly the same function. */
export interface XnnpackChange {
  layer: string;
  kind: XnnpackChangeKind;
  description: string;
  exact: boolean;
  needsFineTuning: boolean;
}

export interface XnnpackFix {
  spec: ModelSpec;
  weights: ModelWeights;
  changes: XnnpackChange[];
}

function uniqueName(taken: Set<string>, base: string): string {
  let name = base;
  for (let i = 1; taken.has(name); i++) name = `${base}_${i}`;
  taken.add(name);
  return name;
}

/** TF 'same' padding before the data along one axis. */
function samePadBefore(size: number, kernel: number, stride: number): number {
  const out = Math.ceil(size / stride);
  return Math.floor(Math.max((out - 1) * stride + kernel - size, 0) / 2);
}

/** Stride-2 'valid' output size along one axis after `total` padding. */
const stride2ValidOut = (size: number, total: number, kernel: number): number => Math.floor((size + total - kernel) / 2) + 1;

const symmetric = (p: number): Padding2D => [
  [p, p],
  [p, p],
];

/**
 * The symmetric padding XNNPACK wants before a stride-2 convolution: 1 for the 3x3 stem Conv2D over 3 channels, 1 or 2
 * for a 3x3 or 5x5 DepthwiseConv2D (multiplier 1, no dilation); undefined for any other layer.
 */
function xnnpackPadding(layer: LayerSpec, input: ActivationShape): number | undefined {
  if (layer.type !== 'Conv2D' && layer.type !== 'DepthwiseConv2D') return undefined;
  const conv: Conv2DSpec | DepthwiseConv2DSpec = layer;
  const k = conv.kernelSize[0] === conv.kernelSize[1] ? conv.kernelSize[0] : 0;
  const stride2 = conv.strides[0] === 2 && conv.strides[1] === 2;
  const undilated = conv.dilationRate[0] === 1 && conv.dilationRate[1] === 1;
  if (!stride2 || !undilated) return undefined;
  if (layer.type === 'Conv2D') return k === 3 && input[2] === 3 ? 1 : undefined;
  return layer.depthMultiplier === 1 && (k === 3 || k === 5) ? (k - 1) / 2 : undefined;
}

const gridNote = (before: Pair, pad: number, input: ActivationShape): string => {
  const shift = Math.max(Math.abs(pad - before[0]), Math.abs(pad - before[1]));
  return `on a ${input[0]}x${input[1]} input the padding before the rows/columns was ${before.join('/')} and is now ${pad}, so the sampling grid moves by ${shift} pixel${shift === 1 ? '' : 's'}: same weights and output size, different numbers, fine-tune the model.`;
};

/**
 * Rewrites what XNNPACK sparse inference rejects but can be fixed without retraining from scratch, keeping the trained
 * weights, anywhere in the graph:
 * - a stride-2 'same' 3x3 stem Conv2D (3 channels) or 3x3/5x5 DepthwiseConv2D becomes ZeroPadding2D(p) + 'valid'
 *   (a new layer before it; the convolution keeps its name, so its consumers are untouched);
 * - an asymmetric ZeroPadding2D before such a stride-2 'valid' convolution (Keras' `correct_pad`, e.g. ((0, 1), (0, 1)))
 *   becomes symmetric p when the output size stays the same (in place when the convolution is its only reader,
 *   otherwise as a new ZeroPadding2D for the convolution);
 * - GlobalAveragePooling2D without keepdims becomes keepdims=True: a Reshape to [1, 1, C] after it is dropped (older
 *   Keras squeeze-excite blocks), otherwise a Flatten is added unless every reader is one; its readers are rewired.
 * Padding changes shift the sampling grid unless TF already padded p before the data (odd sizes): `needsFineTuning`.
 */
export function fixForXnnpack(spec: ModelSpec, weights: ModelWeights): XnnpackFix {
  const fixed = fixSpecForXnnpack(spec);
  return { ...fixed, weights: transferWeights(fixed.spec, weights) };
}

/** The spec half of fixForXnnpack (no weightful layer is added or removed, so weights carry over position by position). */
export function fixSpecForXnnpack(spec: ModelSpec): Omit<XnnpackFix, 'weights'> {
  const shapes = graphShapes(spec);
  const byName = layersByName(spec);
  const consumers = consumersByName(spec);
  const taken = new Set([spec.inputName, ...spec.layers.map((l) => l.name)]);
  const layers: LayerSpec[] = [];
  /** The fixed copies of layers already emitted, by name (so a padding can be edited in place). */
  const emitted = new Map<string, LayerSpec>();
  const changes: XnnpackChange[] = [];
  /** Reads of a layer's output that now go elsewhere (old name -> new name). */
  const renamed = new Map<string, string>();
  const emit = (layer: LayerSpec) => {
    layers.push(layer);
    emitted.set(layer.name, layer);
  };
  const readers = (name: string) => consumers.get(name) ?? [];

  for (const original of spec.layers) {
    const layer = structuredClone(original);
    layer.inputs = layer.inputs.map((name) => renamed.get(name) ?? name);
    const input = shapes.get(original.inputs[0]!)!;
    const producer = byName.get(original.inputs[0]!);
    const pad = xnnpackPadding(layer, input);

    if (pad !== undefined && (layer.type === 'Conv2D' || layer.type === 'DepthwiseConv2D')) {
      const k = layer.kernelSize;
      if (layer.padding === 'same' && producer?.type !== 'ZeroPadding2D') {
        const before: Pair = [samePadBefore(input[0]!, k[0], 2), samePadBefore(input[1]!, k[1], 2)];
        const exact = before[0] === pad && before[1] === pad;
        const padName = uniqueName(taken, 'zero_padding2d');
        emit({ type: 'ZeroPadding2D', name: padName, inputs: layer.inputs, padding: symmetric(pad) });
        layer.inputs = [padName];
        layer.padding = 'valid';
        changes.push({
          layer: layer.name,
          kind: 'same-to-explicit-padding',
          description: `'${layer.name}': padding 'same' replaced by ZeroPadding2D(${pad}) '${padName}' + 'valid'; ${
            exact ? `same weights, same function (TF pads ${pad} on each side for this input).` : gridNote(before, pad, input)
          }`,
          exact,
          needsFineTuning: !exact,
        });
      } else if (layer.padding === 'valid' && producer?.type === 'ZeroPadding2D' && original.inputs.length === 1) {
        const change = symmetricPadding(layer, producer, pad, shapes, readers(producer.name).length === 1);
        if (change) {
          if (change.inPlace) (emitted.get(producer.name) as ZeroPadding2DSpec).padding = symmetric(pad);
          else {
            const padName = uniqueName(taken, `${producer.name}_symmetric`);
            emit({
              type: 'ZeroPadding2D',
              name: padName,
              inputs: [...emitted.get(producer.name)!.inputs],
              padding: symmetric(pad),
            });
            layer.inputs = [padName];
          }
          changes.push(change.change);
        }
      }
      emit(layer);
      continue;
    }

    if (layer.type === 'GlobalAveragePooling2D' && !layer.keepdims) {
      layer.keepdims = true;
      emit(layer);
      changes.push(keepdimsChange(layer.name, readers(original.name), shapes, taken, renamed, emit, spec));
      continue;
    }
    if (renamed.has(original.name)) continue; // a Reshape made redundant by keepdims
    emit(layer);
  }

  const outputs = spec.outputs.map((name) => renamed.get(name) ?? name) as ModelSpec['outputs'];
  return { spec: { ...structuredClone(spec), layers, outputs }, changes };
}

/** The symmetric-padding rewrite of `zp` before `conv`, when it keeps the output size; undefined otherwise. */
function symmetricPadding(
  conv: Conv2DSpec | DepthwiseConv2DSpec,
  zp: ZeroPadding2DSpec,
  pad: number,
  shapes: Map<string, ActivationShape>,
  onlyReader: boolean,
): { inPlace: boolean; change: XnnpackChange } | undefined {
  const [[t, b], [l, r]] = zp.padding;
  if (t === pad && b === pad && l === pad && r === pad) return undefined;
  const input = shapes.get(zp.inputs[0]!)!;
  const k = conv.kernelSize;
  const sameSize =
    stride2ValidOut(input[0]!, t + b, k[0]) === stride2ValidOut(input[0]!, 2 * pad, k[0]) &&
    stride2ValidOut(input[1]!, l + r, k[1]) === stride2ValidOut(input[1]!, 2 * pad, k[1]);
  if (!sameSize) return undefined;
  const before: Pair = [t, l];
  const exact = t === pad && l === pad;
  const where = onlyReader
    ? `'${zp.name}' now pads ${pad} on every side`
    : `'${conv.name}' now reads a new ZeroPadding2D(${pad}) (other layers still read '${zp.name}')`;
  return {
    inPlace: onlyReader,
    change: {
      layer: conv.name,
      kind: 'symmetric-padding',
      description: `'${conv.name}': the ZeroPadding2D before it padded ${JSON.stringify(zp.padding)}; ${where}; ${
        exact ? 'same weights, same function.' : gridNote(before, pad, input)
      }`,
      exact,
      needsFineTuning: !exact,
    },
  };
}

/** keepdims=True on a GlobalAveragePooling2D: drop Reshape-to-[1, 1, C] readers, else keep a flat output with Flatten. */
function keepdimsChange(
  name: string,
  gapReaders: LayerSpec[],
  shapes: Map<string, ActivationShape>,
  taken: Set<string>,
  renamed: Map<string, string>,
  emit: (layer: LayerSpec) => void,
  spec: ModelSpec,
): XnnpackChange {
  const channels = shapes.get(name)!.at(-1)!;
  const toPixel = gapReaders.filter((r) => r.type === 'Reshape' && shapes.get(r.name)!.join() === `1,1,${channels}`);
  const change = (description: string): XnnpackChange => ({
    layer: name,
    kind: 'gap-keepdims',
    description: `'${name}': keepdims=True${description}; exactly the same function and weights.`,
    exact: true,
    needsFineTuning: false,
  });
  if (toPixel.length > 0 && toPixel.length === gapReaders.length && !spec.outputs.includes(name)) {
    for (const reshape of toPixel) renamed.set(reshape.name, name);
    return change(
      ` and the Reshape${toPixel.length > 1 ? 's' : ''} to [1, 1, ${channels}] after it (${toPixel.map((r) => `'${r.name}'`).join(', ')}) removed`,
    );
  }
  const flattenFollows = gapReaders.length > 0 && gapReaders.every((r) => r.type === 'Flatten');
  if (flattenFollows) return change(` (the following Flatten '${gapReaders[0]!.name}' keeps the output shape)`);
  const flattenName = uniqueName(taken, 'flatten');
  emit({ type: 'Flatten', name: flattenName, inputs: [name] });
  renamed.set(name, flattenName);
  return change(` and Flatten '${flattenName}' added after it`);
}
