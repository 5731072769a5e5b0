import * as tf from '@tensorflow/tfjs';
import type { Activation, LayerSpec, ModelSpec, ReLUSpec } from '../../../shared/model-spec';
import { graphShapes } from '../model/shapes';
import { applyActivation, tfjsActivation, type TfjsActivationName } from './tfjs-activations';

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

/** A Keras activation TF.js lacks or defines differently (hard_sigmoid, hard_swish), as its own layer. */
export class KerasActivation extends tf.layers.Layer {
  static className = 'KerasActivation';
  readonly activation: Activation;

  constructor(args: { name: string; activation: Activation }) {
    super({ name: args.name });
    this.activation = args.activation;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => applyActivation(Array.isArray(inputs) ? inputs[0]! : inputs, this.activation));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), activation: this.activation };
  }
}
tf.serialization.registerClass(KerasActivation);

/** Keras ReLU with negative_slope and threshold (TF.js' ReLU has only max_value). */
export class KerasReLU extends tf.layers.Layer {
  static className = 'KerasReLU';
  readonly config: Pick<ReLUSpec, 'maxValue' | 'negativeSlope' | 'threshold'>;

  constructor(args: { name: string } & Pick<ReLUSpec, 'maxValue' | 'negativeSlope' | 'threshold'>) {
    super({ name: args.name });
    this.config = { maxValue: args.maxValue, negativeSlope: args.negativeSlope, threshold: args.threshold };
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const { maxValue, negativeSlope, threshold } = this.config;
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      const below = tf.mul(tf.sub(x, threshold), negativeSlope);
      const linear = maxValue === null ? x : tf.minimum(x, maxValue);
      return tf.where(tf.greaterEqual(x, threshold), linear, below);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.config };
  }
}
tf.serialization.registerClass(KerasReLU);

/** The TF.js layers for one spec layer: the layer itself, then (for an activation TF.js lacks) its activation. */
function buildLayers(layer: LayerSpec, input: number[], output: number[]): tf.layers.Layer[] {
  const name = layer.name;
  const withActivation = (main: (activation: TfjsActivationName) => tf.layers.Layer, activation: Activation) => {
    const native = tfjsActivation(activation);
    if (native) return [main(native)];
    return [main('linear'), new KerasActivation({ name: `${name}__activation`, activation })];
  };
  switch (layer.type) {
    case 'ZeroPadding2D':
      return [tf.layers.zeroPadding2d({ name, padding: layer.padding })];
    case 'Conv2D':
      return withActivation(
        (activation) =>
          tf.layers.conv2d({
            name,
            filters: layer.filters,
            kernelSize: layer.kernelSize,
            strides: layer.strides,
            padding: layer.padding,
            dilationRate: layer.dilationRate,
            useBias: layer.useBias,
            activation,
          }),
        layer.activation,
      );
    case 'DepthwiseConv2D':
      return withActivation(
        (activation) =>
          tf.layers.depthwiseConv2d({
            name,
            kernelSize: layer.kernelSize,
            strides: layer.strides,
            padding: layer.padding,
            dilationRate: layer.dilationRate,
            depthMultiplier: layer.depthMultiplier,
            useBias: layer.useBias,
            activation,
          }),
        layer.activation,
      );
    case 'BatchNormalization':
      return [tf.layers.batchNormalization({ name, axis: layer.axis, epsilon: layer.epsilon, momentum: layer.momentum })];
    case 'ReLU':
      if (layer.negativeSlope !== 0 || layer.threshold !== 0) return [new KerasReLU({ ...layer, name })];
      return [tf.layers.reLU(layer.maxValue === null ? { name } : { name, maxValue: layer.maxValue })];
    case 'Activation': {
      const native = tfjsActivation(layer.activation);
      return [
        native ? tf.layers.activation({ name, activation: native }) : new KerasActivation({ name, activation: layer.activation }),
      ];
    }
    case 'GlobalAveragePooling2D':
      return [layer.keepdims ? new GlobalAveragePooling2DKeepDims({ name }) : tf.layers.globalAveragePooling2d({ name })];
    case 'Flatten':
      // Keras flattens a [batch, n] input as a no-op; TF.js' Flatten insists on rank >= 3.
      return [input.length === 1 ? tf.layers.reshape({ name, targetShape: input }) : tf.layers.flatten({ name })];
    case 'Dense':
      return withActivation(
        (activation) => tf.layers.dense({ name, units: layer.units, useBias: layer.useBias, activation }),
        layer.activation,
      );
    case 'Add':
      return [tf.layers.add({ name })];
    case 'Multiply':
      return [tf.layers.multiply({ name })];
    case 'Dropout':
      return [tf.layers.dropout({ name, rate: layer.rate, ...(layer.seed === null ? {} : { seed: layer.seed }) })];
    case 'Reshape':
      // The resolved shape: TF.js leaves a -1 dimension unknown, which a following Dense cannot build on.
      return [tf.layers.reshape({ name, targetShape: output })];
    case 'Rescaling':
      return [tf.layers.rescaling({ name, scale: layer.scale, offset: layer.offset })];
  }
}

/** Builds the TF.js Layers functional model described by `spec` (weights freshly initialised; set them afterwards). */
export function buildTfjsModel(spec: ModelSpec): tf.LayersModel {
  const shapes = graphShapes(spec);
  const input = tf.input({ shape: spec.inputShape, name: spec.inputName });
  const outputs = new Map<string, tf.SymbolicTensor>([[spec.inputName, input]]);
  for (const layer of spec.layers) {
    const inputs = layer.inputs.map((name) => outputs.get(name)!);
    const first = shapes.get(layer.inputs[0]!)!;
    let value: tf.SymbolicTensor | tf.SymbolicTensor[] = inputs.length === 1 ? inputs[0]! : inputs;
    for (const built of buildLayers(layer, first, shapes.get(layer.name)!)) value = built.apply(value) as tf.SymbolicTensor;
    outputs.set(layer.name, value as tf.SymbolicTensor);
  }
  return tf.model({ name: spec.name, inputs: input, outputs: outputs.get(spec.outputs[0])! });
}
