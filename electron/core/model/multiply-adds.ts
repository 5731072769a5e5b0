import type { ModelSpec } from '../../../shared/model-spec';
import { graphShapes } from './shapes';

/**
 * Multiply-accumulates per image of the convolutions and Dense layers (the usual "MACs" or "mult-adds" of model
 * papers; element-wise layers, pooling and batch norm are not counted).
 */
export function multiplyAddsPerImage(spec: ModelSpec): number {
  const shapes = graphShapes(spec);
  let total = 0;
  for (const layer of spec.layers) {
    const input = shapes.get(layer.inputs[0]!)!;
    const output = shapes.get(layer.name)!;
    const inChannels = input[input.length - 1]!;
    const outPixels = output.length === 3 ? output[0]! * output[1]! : 1;
    if (layer.type === 'Conv2D')
      total += outPixels * layer.kernelSize[0] * layer.kernelSize[1] * (inChannels / layer.groups) * layer.filters;
    else if (layer.type === 'DepthwiseConv2D')
      total += outPixels * layer.kernelSize[0] * layer.kernelSize[1] * inChannels * layer.depthMultiplier;
    else if (layer.type === 'Dense') total += inChannels * layer.units;
  }
  return total;
}
