import type { LayerSpec, ModelSpec, Pair } from '../../../shared/model-spec';
import { WEIGHT_NAMES } from '../../../shared/model-spec';

/** Activation shape without the batch dimension. */
export type ActivationShape = number[];

export interface WeightShape {
  name: string;
  shape: number[];
  trainable: boolean;
}

export class ModelSpecError extends Error {
  constructor(layer: string, problem: string) {
    super(`Layer '${layer}': ${problem}`);
    this.name = 'ModelSpecError';
  }
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

/** Output shape of one layer given its input shape (batch dimension excluded). */
export function layerOutputShape(layer: LayerSpec, input: ActivationShape): ActivationShape {
  const channels = input[input.length - 1] ?? 0;
  switch (layer.type) {
    case 'ZeroPadding2D': {
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
      return [...input];
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

/** Input shape of every layer, plus the model's output shape at the end. */
export function activationShapes(spec: ModelSpec): ActivationShape[] {
  const shapes: ActivationShape[] = [[...spec.inputShape]];
  for (const layer of spec.layers) shapes.push(layerOutputShape(layer, shapes[shapes.length - 1]!));
  return shapes;
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
  const shapes = activationShapes(spec);
  return spec.layers.flatMap((layer, i) => layerWeightShapes(layer, shapes[i]!));
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
