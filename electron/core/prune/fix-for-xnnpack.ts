import type { ConvPadding, LayerSpec, ModelSpec, Pair } from '../../../shared/model-spec';
import { consumersByName, layersByName } from '../model/graph';
import { layerInputShapes } from '../model/shapes';
import { transferWeights, type ModelWeights } from '../model/weights';

export type XnnpackChangeKind = 'gap-keepdims' | 'same-to-explicit-padding';

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

interface Strided {
  name: string;
  kernelSize: Pair;
  strides: Pair;
  padding: ConvPadding;
  dilationRate: Pair;
}

/**
 * A stride-2 'same' convolution that XNNPACK wants as ZeroPadding2D(p) + 'valid': the 3x3 stem Conv2D over 3 channels,
 * or a 3x3/5x5 DepthwiseConv2D (multiplier 1). Returns the padding p, or undefined when the layer is not one of them.
 */
function explicitPaddingFor(layer: LayerSpec, input: number[], producer: LayerSpec | undefined): number | undefined {
  if (layer.type !== 'Conv2D' && layer.type !== 'DepthwiseConv2D') return undefined;
  const conv: Strided = layer;
  const square = conv.kernelSize[0] === conv.kernelSize[1] ? conv.kernelSize[0] : 0;
  const ok =
    conv.padding === 'same' &&
    conv.strides[0] === 2 &&
    conv.strides[1] === 2 &&
    conv.dilationRate[0] === 1 &&
    conv.dilationRate[1] === 1 &&
    producer?.type !== 'ZeroPadding2D';
  if (!ok) return undefined;
  if (layer.type === 'Conv2D') return square === 3 && input[2] === 3 ? 1 : undefined;
  return layer.depthMultiplier === 1 && (square === 3 || square === 5) ? (square - 1) / 2 : undefined;
}

/**
 * Rewrites what XNNPACK sparse inference rejects but can be fixed without retraining, keeping the trained weights:
 * GlobalAveragePooling2D without keepdims becomes keepdims=True (+ Flatten when none follows; exactly the same function,
 * as the guide does by copying weights into the keepdims variant), and a stride-2 'same' 3x3 stem Conv2D or
 * 3x3/5x5 DepthwiseConv2D becomes ZeroPadding2D + 'valid' (same weights and output size; on inputs where TF pads
 * 0 before / 1 after, the sampling grid moves by one pixel, so the model needs fine-tuning).
 */
export function fixForXnnpack(spec: ModelSpec, weights: ModelWeights): XnnpackFix {
  const fixed = fixSpecForXnnpack(spec);
  return { ...fixed, weights: transferWeights(fixed.spec, weights) };
}

/** The spec half of fixForXnnpack (no weightful layer is added or removed, so weights carry over position by position). */
export function fixSpecForXnnpack(spec: ModelSpec): Omit<XnnpackFix, 'weights'> {
  const inputShapes = layerInputShapes(spec);
  const byName = layersByName(spec);
  const consumers = consumersByName(spec);
  const taken = new Set(spec.layers.map((l) => l.name));
  const layers: LayerSpec[] = [];
  const changes: XnnpackChange[] = [];
  /** Reads of a layer's output that now go to a layer inserted after it (old name -> new name). */
  const renamed = new Map<string, string>();
  let outputs = [...spec.outputs] as ModelSpec['outputs'];

  spec.layers.forEach((original, i) => {
    const layer = structuredClone(original);
    layer.inputs = layer.inputs.map((name) => renamed.get(name) ?? name);
    const input = inputShapes[i]![0]!;
    const pad = explicitPaddingFor(layer, input, byName.get(original.inputs[0]!));
    if (pad !== undefined && (layer.type === 'Conv2D' || layer.type === 'DepthwiseConv2D')) {
      const k = layer.kernelSize;
      const before: Pair = [samePadBefore(input[0]!, k[0], 2), samePadBefore(input[1]!, k[1], 2)];
      const exact = before[0] === pad && before[1] === pad;
      const padName = uniqueName(taken, 'zero_padding2d');
      layers.push({
        type: 'ZeroPadding2D',
        name: padName,
        inputs: layer.inputs,
        padding: [
          [pad, pad],
          [pad, pad],
        ],
      });
      layer.inputs = [padName];
      layer.padding = 'valid';
      changes.push({
        layer: layer.name,
        kind: 'same-to-explicit-padding',
        description: exact
          ? `'${layer.name}': padding 'same' replaced by ZeroPadding2D(${pad}) '${padName}' + 'valid'; same weights, same function (TF pads ${pad} on each side for this input).`
          : `'${layer.name}': padding 'same' replaced by ZeroPadding2D(${pad}) '${padName}' + 'valid'; same weights and output size, but TF 'same' padded ${before[0]} before / ${2 * pad - before[0]} after on a ${input[0]}x${input[1]} input, so the sampling grid moves by ${pad - before[0]} pixel(s): fine-tune the model.`,
        exact,
        needsFineTuning: !exact,
      });
      layers.push(layer);
      return;
    }
    layers.push(layer);
    if (layer.type === 'GlobalAveragePooling2D' && !layer.keepdims) {
      layer.keepdims = true;
      const readers = consumers.get(original.name) ?? [];
      const flattenFollows = readers.length > 0 && readers.every((r) => r.type === 'Flatten');
      const flattenName = flattenFollows ? undefined : uniqueName(taken, 'flatten');
      if (flattenName) {
        layers.push({ type: 'Flatten', name: flattenName, inputs: [layer.name] });
        renamed.set(layer.name, flattenName);
        outputs = outputs.map((name) => (name === layer.name ? flattenName : name)) as ModelSpec['outputs'];
      }
      changes.push({
        layer: layer.name,
        kind: 'gap-keepdims',
        description: `'${layer.name}': keepdims=True${flattenName ? ` and Flatten '${flattenName}' added after it` : ` (the following Flatten '${readers[0]!.name}' keeps the output shape)`}; exactly the same function and weights.`,
        exact: true,
        needsFineTuning: false,
      });
    }
  });

  return { spec: { ...structuredClone(spec), layers, outputs }, changes };
}
