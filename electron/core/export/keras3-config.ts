// The spec as the config.json Keras 3 writes for a functional model (module / class_name / config / registered_name,
// inbound_nodes as {args, kwargs} with __keras_tensor__ references, build_config with the input shape).
import type { Activation, LayerSpec, ModelSpec } from '../../../shared/model-spec';
import { graphShapes } from '../model/shapes';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Keras 3's names for the spec's activations (hard_swish and swish are aliases there). */
const KERAS3_ACTIVATION: Record<Activation, string> = {
  linear: 'linear',
  relu: 'relu',
  relu6: 'relu6',
  sigmoid: 'sigmoid',
  hard_sigmoid: 'hard_sigmoid',
  hard_swish: 'hard_silu',
  swish: 'silu',
};

const initializer = (className: string, config: JsonObject = {}): JsonObject => ({
  module: 'keras.initializers',
  class_name: className,
  config,
  registered_name: null,
});
const glorot = (): JsonObject => initializer('GlorotUniform', { seed: null });
const noRegularizers = (...keys: string[]): JsonObject => Object.fromEntries(keys.map((k) => [k, null]));

/** The class and config Keras 3 serialises for one layer. */
function layerConfig(layer: LayerSpec): { className: string; config: JsonObject } {
  switch (layer.type) {
    case 'ZeroPadding2D':
      return { className: 'ZeroPadding2D', config: { padding: layer.padding, data_format: 'channels_last' } };
    case 'Conv2D':
      return {
        className: 'Conv2D',
        config: {
          filters: layer.filters,
          kernel_size: layer.kernelSize,
          strides: layer.strides,
          padding: layer.padding,
          data_format: 'channels_last',
          dilation_rate: layer.dilationRate,
          groups: layer.groups,
          activation: KERAS3_ACTIVATION[layer.activation],
          use_bias: layer.useBias,
          kernel_initializer: glorot(),
          bias_initializer: initializer('Zeros'),
          ...noRegularizers('kernel_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'bias_constraint'),
        },
      };
    case 'DepthwiseConv2D':
      return {
        className: 'DepthwiseConv2D',
        config: {
          kernel_size: layer.kernelSize,
          strides: layer.strides,
          padding: layer.padding,
          data_format: 'channels_last',
          dilation_rate: layer.dilationRate,
          activation: KERAS3_ACTIVATION[layer.activation],
          use_bias: layer.useBias,
          bias_initializer: initializer('Zeros'),
          ...noRegularizers('bias_regularizer', 'activity_regularizer', 'bias_constraint'),
          depth_multiplier: layer.depthMultiplier,
          depthwise_initializer: glorot(),
          ...noRegularizers('depthwise_regularizer', 'depthwise_constraint'),
        },
      };
    case 'BatchNormalization':
      return {
        className: 'BatchNormalization',
        config: {
          axis: layer.axis,
          momentum: layer.momentum,
          epsilon: layer.epsilon,
          center: true,
          scale: true,
          beta_initializer: initializer('Zeros'),
          gamma_initializer: initializer('Ones'),
          moving_mean_initializer: initializer('Zeros'),
          moving_variance_initializer: initializer('Ones'),
          ...noRegularizers('beta_regularizer', 'gamma_regularizer', 'beta_constraint', 'gamma_constraint'),
          synchronized: false,
        },
      };
    case 'ReLU':
      return { className: 'ReLU', config: { max_value: layer.maxValue, negative_slope: layer.negativeSlope, threshold: layer.threshold } };
    case 'Activation':
      return { className: 'Activation', config: { activation: KERAS3_ACTIVATION[layer.activation] } };
    case 'GlobalAveragePooling2D':
      return { className: 'GlobalAveragePooling2D', config: { data_format: 'channels_last', keepdims: layer.keepdims } };
    case 'Flatten':
      return { className: 'Flatten', config: { data_format: 'channels_last' } };
    case 'Dense':
      return {
        className: 'Dense',
        config: {
          units: layer.units,
          activation: KERAS3_ACTIVATION[layer.activation],
          use_bias: layer.useBias,
          kernel_initializer: glorot(),
          bias_initializer: initializer('Zeros'),
          ...noRegularizers('kernel_regularizer', 'bias_regularizer', 'kernel_constraint', 'bias_constraint'),
        },
      };
    case 'Add':
      return { className: 'Add', config: {} };
    case 'Multiply':
      return { className: 'Multiply', config: {} };
    case 'Dropout':
      return { className: 'Dropout', config: { rate: layer.rate, seed: layer.seed, noise_shape: null } };
    case 'Reshape':
      return { className: 'Reshape', config: { target_shape: layer.targetShape } };
    case 'Rescaling':
      return { className: 'Rescaling', config: { scale: layer.scale, offset: layer.offset } };
  }
}

const DTYPE: JsonObject = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };

export interface Keras3Layer {
  spec: LayerSpec | undefined;
  className: string;
}

/** config.json of the model, and the layers in Keras' order (the InputLayer first) with their classes. */
export function keras3Config(spec: ModelSpec): { config: JsonObject; layers: Keras3Layer[] } {
  const shapes = graphShapes(spec);
  const batched = (name: string): Json => [null, ...shapes.get(name)!];
  const tensor = (name: string): JsonObject => ({
    class_name: '__keras_tensor__',
    config: { shape: batched(name), dtype: 'float32', keras_history: [name, 0, 0] },
  });
  const layers: JsonObject[] = [
    {
      module: 'keras.layers',
      class_name: 'InputLayer',
      config: { batch_shape: batched(spec.inputName), dtype: 'float32', sparse: false, name: spec.inputName },
      registered_name: null,
      name: spec.inputName,
      inbound_nodes: [],
    },
  ];
  const order: Keras3Layer[] = [{ spec: undefined, className: 'InputLayer' }];
  for (const layer of spec.layers) {
    const { className, config } = layerConfig(layer);
    const merge = layer.inputs.length > 1;
    layers.push({
      module: 'keras.layers',
      class_name: className,
      config: { name: layer.name, trainable: true, dtype: DTYPE, ...config },
      registered_name: null,
      build_config: { input_shape: merge ? layer.inputs.map(batched) : batched(layer.inputs[0]!) },
      name: layer.name,
      inbound_nodes: [{ args: merge ? [layer.inputs.map(tensor)] : [tensor(layer.inputs[0]!)], kwargs: {} }],
    });
    order.push({ spec: layer, className });
  }
  return {
    config: {
      module: 'keras',
      class_name: 'Functional',
      config: {
        name: spec.name,
        trainable: true,
        layers,
        input_layers: [[spec.inputName, 0, 0]],
        output_layers: [[spec.outputs[0], 0, 0]],
      },
      registered_name: 'Functional',
      build_config: { input_shape: batched(spec.inputName) },
      compile_config: null,
    },
    layers: order,
  };
}
