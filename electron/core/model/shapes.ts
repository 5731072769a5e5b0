import type { LayerSpec, ModelSpec, Pair } from '../../../shared/model-spec';
import { WEIGHT_NAMES } from '../../../shared/model-spec';
import { ModelSpecError, validateGraph } from './graph';

export { ModelSpecError } from './graph';

/** Activation shape without the batch dimension. */
export type ActivationShape = number[];

export interface WeightShape {
  name: string;
  shape: number[];
  trainable: boolean;
}

function convOutputSize(input: number, kernel: number, stride: number, dilation: number, padding: string): number {
  if (padding === 'same') return Math.ceil(input / stride);
  const effective = (kernel - 1) * dilation + 1;
  return Math.floor((input - effective) / stride) + 1;
}

function spatial(layer: LayerSpec, input: ActivationShape, kernel: Pair, strides: Pair, dilation: Pair, padding: string): Pair {
  const [h, w] = input;
  if (h === undefined || w === undefined || input.length !== 3) {
    throw new ModelSpecError(layer.name, `expects a 3-D input (height, width, channels), got [${input.join(', ')}]`);
  }
  const out: Pair = [
    convOutputSize(h, kernel[0], strides[0], dilation[0], padding),
    convOutputSize(w, kernel[1], strides[1], dilation[1], padding),
  ];
  if (out[0] <= 0 || out[1] <= 0) {
    throw new ModelSpecError(layer.name, `input ${h}x${w} is too small for a ${kernel[0]}x${kernel[1]} kernel`);
  }
  return out;
}

const describe = (shape: ActivationShape): string => `[${shape.join(', ')}]`;

/** Keras' element-wise merge shape: equal dimensions, or 1 on either side (broadcast); same rank. */
function broadcastShape(layer: LayerSpec, shapes: ActivationShape[]): ActivationShape {
  const rank = shapes[0]!.length;
  if (shapes.some((s) => s.length !== rank))
    throw new ModelSpecError(layer.name, `inputs have different ranks: ${shapes.map(describe).join(' and ')}`);
  return shapes[0]!.map((_, d) => {
    const sizes = shapes.map((s) => s[d]!);
    const big = sizes.filter((n) => n !== 1);
    if (big.some((n) => n !== big[0]))
      throw new ModelSpecError(layer.name, `inputs ${shapes.map(describe).join(' and ')} do not broadcast (dimension ${d + 1})`);
    return big[0] ?? 1;
  });
}

function reshapeTarget(layer: Extract<LayerSpec, { type: 'Reshape' }>, input: ActivationShape): ActivationShape {
  const size = input.reduce((a, b) => a * b, 1);
  const unknown = layer.targetShape.filter((d) => d === -1).length;
  if (unknown > 1 || layer.targetShape.some((d) => d !== -1 && (!Number.isInteger(d) || d <= 0)))
    throw new ModelSpecError(
      layer.name,
      `target shape ${describe(layer.targetShape)} is invalid (positive sizes, at most one -1)`,
    );
  const known = layer.targetShape.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const shape = layer.targetShape.map((d) => (d === -1 ? size / known : d));
  if (shape.reduce((a, b) => a * b, 1) !== size || shape.some((d) => !Number.isInteger(d)))
    throw new ModelSpecError(layer.name, `cannot reshape ${describe(input)} (${size} values) to ${describe(layer.targetShape)}`);
  return shape;
}

/** Output shape of one layer given the shapes of its inputs (batch dimension excluded). */
export function layerOutputShape(layer: LayerSpec, inputs: ActivationShape[]): ActivationShape {
  const input = inputs[0]!;
  const channels = input[input.length - 1] ?? 0;
  switch (layer.type) {
    case 'ZeroPadding2D': {
      if (input.length !== 3) throw new ModelSpecError(layer.name, `expects a 3-D input, got ${describe(input)}`);
      const [[t, b], [l, r]] = layer.padding;
      return [input[0]! + t + b, input[1]! + l + r, channels];
    }
    case 'Conv2D':
      return [...spatial(layer, input, layer.kernelSize, layer.strides, layer.dilationRate, layer.padding), layer.filters];
    case 'DepthwiseConv2D':
      return [
        ...spatial(layer, input, layer.kernelSize, layer.strides, layer.dilationRate, layer.padding),
        channels * layer.depthMultiplier,
      ];
    case 'BatchNormalization':
    case 'ReLU':
    case 'Activation':
    case 'Dropout':
    case 'Rescaling':
      return [...input];
    case 'Add':
      if (inputs.some((s) => describe(s) !== describe(input)))
        throw new ModelSpecError(layer.name, `Add needs inputs of one shape, got ${inputs.map(describe).join(' and ')}`);
      return [...input];
    case 'Multiply':
      return broadcastShape(layer, inputs);
    case 'Reshape':
      return reshapeTarget(layer, input);
    case 'GlobalAveragePooling2D':
      if (input.length !== 3) throw new ModelSpecError(layer.name, 'expects a 3-D input');
      return layer.keepdims ? [1, 1, channels] : [channels];
    case 'Flatten':
      return [input.reduce((a, b) => a * b, 1)];
    case 'Dense':
      if (input.length !== 1) throw new ModelSpecError(layer.name, 'expects a flat input; add a Flatten layer before it');
      return [layer.units];
  }
}

/**
 * The output shape of every layer by name, and of the model input under `spec.inputName`. Validates the graph's wiring
 * first (topological order, inputs exist), then each layer's shape rules.
 */
export function graphShapes(spec: ModelSpec): Map<string, ActivationShape> {
  validateGraph(spec);
  const shapes = new Map<string, ActivationShape>([[spec.inputName, [...spec.inputShape]]]);
  for (const layer of spec.layers) {
    shapes.set(
      layer.name,
      layerOutputShape(
        layer,
        layer.inputs.map((name) => shapes.get(name)!),
      ),
    );
  }
  return shapes;
}

/** The shapes of each layer's inputs, in layer order. */
export function layerInputShapes(spec: ModelSpec, shapes = graphShapes(spec)): ActivationShape[][] {
  return spec.layers.map((layer) => layer.inputs.map((name) => shapes.get(name)!));
}

/** The model's output shape. */
export function outputShape(spec: ModelSpec, shapes = graphShapes(spec)): ActivationShape {
  return shapes.get(spec.outputs[0])!;
}

/**
 * Chain view: the (first) input shape of every layer, plus the model's output shape at the end. For a chain this is
 * every activation in order; for a graph entry i is layer i's first input.
 */
export function activationShapes(spec: ModelSpec): ActivationShape[] {
  const shapes = graphShapes(spec);
  return [...layerInputShapes(spec, shapes).map((inputs) => inputs[0]!), outputShape(spec, shapes)];
}

/** Weight shapes of one layer in Keras order and layout. */
export function layerWeightShapes(layer: LayerSpec, input: ActivationShape): WeightShape[] {
  const channels = input[input.length - 1] ?? 0;
  const named = (shapes: number[][], trainable: boolean[]): WeightShape[] =>
    (WEIGHT_NAMES[layer.type] as readonly string[])
      .map((weight, i) => ({ name: `${layer.name}/${weight}`, shape: shapes[i]!, trainable: trainable[i]! }))
      .filter((_, i) => shapes[i] !== undefined);
  switch (layer.type) {
    case 'Conv2D': {
      if (layer.groups !== 1) throw new ModelSpecError(layer.name, 'grouped convolutions are not supported');
      const kernel = [layer.kernelSize[0], layer.kernelSize[1], channels, layer.filters];
      return named(layer.useBias ? [kernel, [layer.filters]] : [kernel], [true, true]);
    }
    case 'DepthwiseConv2D': {
      const kernel = [layer.kernelSize[0], layer.kernelSize[1], channels, layer.depthMultiplier];
      return named(layer.useBias ? [kernel, [channels * layer.depthMultiplier]] : [kernel], [true, true]);
    }
    case 'BatchNormalization':
      if (layer.axis !== 3 && layer.axis !== -1) throw new ModelSpecError(layer.name, 'only axis 3 (channels last) is supported');
      return named([[channels], [channels], [channels], [channels]], [true, true, false, false]);
    case 'Dense':
      return named(layer.useBias ? [[channels, layer.units], [layer.units]] : [[channels, layer.units]], [true, true]);
    default:
      return [];
  }
}

/** All weight shapes of the model, in layer order. */
export function modelWeightShapes(spec: ModelSpec): WeightShape[] {
  const inputs = layerInputShapes(spec);
  return spec.layers.flatMap((layer, i) => layerWeightShapes(layer, inputs[i]![0]!));
}

export interface ParameterCount {
  total: number;
  trainable: number;
  nonTrainable: number;
}

export function countParameters(spec: ModelSpec): ParameterCount {
  let total = 0;
  let trainable = 0;
  for (const weight of modelWeightShapes(spec)) {
    const size = weight.shape.reduce((a, b) => a * b, 1);
    total += size;
    if (weight.trainable) trainable += size;
  }
  return { total, trainable, nonTrainable: total - trainable };
}
