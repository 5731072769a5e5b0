import * as tf from '@tensorflow/tfjs';
import type { LayerSpec, ModelSpec } from '../../../shared/model-spec';
import { activationShapes } from '../model/shapes';

/** GlobalAveragePooling2D with `keepdims=True` (Keras has it; TF.js does not). */
export class GlobalAveragePooling2DKeepDims extends tf.layers.Layer {
  static className = 'GlobalAveragePooling2DKeepDims';

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = inputShape as tf.Shape;
    return [shape[0] ?? null, 1, 1, shape[3] ?? null];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => tf.mean(Array.isArray(inputs) ? inputs[0]! : inputs, [1, 2], true));
  }
}
tf.serialization.registerClass(GlobalAveragePooling2DKeepDims);

function buildLayer(layer: LayerSpec, input: number[]): tf.layers.Layer {
  const name = layer.name;
  switch (layer.type) {
    case 'ZeroPadding2D':
      return tf.layers.zeroPadding2d({ name, padding: layer.padding });
    case 'Conv2D':
      return tf.layers.conv2d({
        name,
        filters: layer.filters,
        kernelSize: layer.kernelSize,
        strides: layer.strides,
        padding: layer.padding,
        dilationRate: layer.dilationRate,
        useBias: layer.useBias,
        activation: layer.activation,
      });
    case 'DepthwiseConv2D':
      return tf.layers.depthwiseConv2d({
        name,
        kernelSize: layer.kernelSize,
        strides: layer.strides,
        padding: layer.padding,
        dilationRate: layer.dilationRate,
        depthMultiplier: layer.depthMultiplier,
        useBias: layer.useBias,
        activation: layer.activation,
      });
    case 'BatchNormalization':
      return tf.layers.batchNormalization({ name, axis: layer.axis, epsilon: layer.epsilon, momentum: layer.momentum });
    case 'ReLU':
      return tf.layers.reLU(layer.maxValue === null ? { name } : { name, maxValue: layer.maxValue });
    case 'GlobalAveragePooling2D':
      return layer.keepdims ? new GlobalAveragePooling2DKeepDims({ name }) : tf.layers.globalAveragePooling2d({ name });
    case 'Flatten':
      // Keras flattens a [batch, n] input as a no-op; TF.js' Flatten insists on rank >= 3.
      return input.length === 1 ? tf.layers.reshape({ name, targetShape: input }) : tf.layers.flatten({ name });
    case 'Dense':
      return tf.layers.dense({ name, units: layer.units, useBias: layer.useBias, activation: layer.activation });
  }
}

/** Builds the TF.js Layers model described by `spec` (weights freshly initialised; set them afterwards). */
export function buildTfjsModel(spec: ModelSpec): tf.Sequential {
  const model = tf.sequential({ name: spec.name });
  model.add(tf.layers.inputLayer({ inputShape: spec.inputShape, name: 'input_1' }));
  const shapes = activationShapes(spec);
  spec.layers.forEach((layer, i) => model.add(buildLayer(layer, shapes[i]!)));
  return model;
}
