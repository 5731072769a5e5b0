// MobileNet v1 as keras.applications (Keras 2.15) writes it with include_top=False, nested in a transfer-learning
// model (input -> mobilenet -> GlobalAveragePooling2D -> Dropout -> Dense softmax), as model.save('m.h5') stores it.
// Layer names, configs and the ((0,1),(0,1)) paddings follow keras/applications/mobilenet.py.
import { createRng } from '../../electron/core/util/rng';
import type { NamedArray } from './reference-model';

type Entry = { class_name: string; config: Record<string, unknown>; name: string; inbound_nodes: unknown[] };

const inbound = (name: string): unknown[] => [[[name, 0, 0, {}]]];

export interface MobileNetFixture {
  topology: { class_name: string; config: Record<string, unknown> };
  /** h5 groups: the nested model's group holds all its layers' weights (trainable first, then moving statistics). */
  groups: { group: string; weights: NamedArray[] }[];
}

/** `alpha` scales the widths as keras.applications does (0.25 keeps the fixture small). */
export function mobileNetV1(size: number, alpha: number, classes: number, seed = 1): MobileNetFixture {
  const rng = createRng(seed);
  const layers: Entry[] = [];
  const trainable: NamedArray[] = [];
  const moving: NamedArray[] = [];
  const tensor = (name: string, shape: number[], fill?: 'variance'): NamedArray => {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(size).map(() => (fill === 'variance' ? 0.5 + rng.next() : (rng.next() - 0.5) * 0.4));
    return { name, shape, values };
  };
  let previous = 'input_1';
  let channels = 3;
  const add = (class_name: string, name: string, config: Record<string, unknown>): void => {
    layers.push({ class_name, name, config: { name, trainable: true, dtype: 'float32', ...config }, inbound_nodes: inbound(previous) });
    previous = name;
  };
  const bn = (name: string): void => {
    add('BatchNormalization', name, { axis: 3, momentum: 0.99, epsilon: 0.001, center: true, scale: true });
    trainable.push(tensor(`${name}/gamma`, [channels]), tensor(`${name}/beta`, [channels]));
    moving.push(tensor(`${name}/moving_mean`, [channels]), tensor(`${name}/moving_variance`, [channels], 'variance'));
  };
  const relu6 = (name: string): void => add('ReLU', name, { max_value: 6.0, negative_slope: 0.0, threshold: 0.0 });
  const conv = (name: string, filters: number, kernel: number, strides: number, padding: string): void => {
    add('Conv2D', name, {
      filters,
      kernel_size: [kernel, kernel],
      strides: [strides, strides],
      padding,
      data_format: 'channels_last',
      dilation_rate: [1, 1],
      groups: 1,
      activation: 'linear',
      use_bias: false,
    });
    trainable.push(tensor(`${name}/kernel`, [kernel, kernel, channels, filters]));
    channels = filters;
  };
  layers.push({
    class_name: 'InputLayer',
    name: 'input_1',
    config: { batch_input_shape: [null, size, size, 3], dtype: 'float32', sparse: false, ragged: false, name: 'input_1' },
    inbound_nodes: [],
  });
  add('ZeroPadding2D', 'conv1_pad', { padding: [[0, 1], [0, 1]], data_format: 'channels_last' });
  conv('conv1', Math.round(32 * alpha), 3, 2, 'valid');
  bn('conv1_bn');
  relu6('conv1_relu');
  const blocks: [number, number][] = [[64, 1], [128, 2], [128, 1], [256, 2], [256, 1], [512, 2], [512, 1], [512, 1], [512, 1], [512, 1], [512, 1], [1024, 2], [1024, 1]];
  for (const [i, [filters, strides]] of blocks.entries()) {
    const id = i + 1;
    if (strides === 2) add('ZeroPadding2D', `conv_pad_${id}`, { padding: [[0, 1], [0, 1]], data_format: 'channels_last' });
    add('DepthwiseConv2D', `conv_dw_${id}`, {
      kernel_size: [3, 3],
      strides: [strides, strides],
      padding: strides === 1 ? 'same' : 'valid',
      data_format: 'channels_last',
      dilation_rate: [1, 1],
      activation: 'linear',
      use_bias: false,
      depth_multiplier: 1,
    });
    trainable.push(tensor(`conv_dw_${id}/depthwise_kernel`, [3, 3, channels, 1]));
    bn(`conv_dw_${id}_bn`);
    relu6(`conv_dw_${id}_relu`);
    conv(`conv_pw_${id}`, Math.round(filters * alpha), 1, 1, 'same');
    bn(`conv_pw_${id}_bn`);
    relu6(`conv_pw_${id}_relu`);
  }
  const backboneName = `mobilenet_${alpha.toFixed(2)}_${size}`;
  const backbone: Entry = {
    class_name: 'Functional',
    name: backboneName,
    config: { name: backboneName, trainable: true, layers, input_layers: [['input_1', 0, 0]], output_layers: [[previous, 0, 0]] },
    inbound_nodes: inbound('input_2'),
  };
  const backboneWeights = [...trainable, ...moving];
  const kernel = tensor('dense/kernel', [channels, classes]);
  const bias = tensor('dense/bias', [classes]);
  const outer: Entry[] = [
    { class_name: 'InputLayer', name: 'input_2', config: { batch_input_shape: [null, size, size, 3], dtype: 'float32', sparse: false, ragged: false, name: 'input_2' }, inbound_nodes: [] },
    backbone,
    { class_name: 'GlobalAveragePooling2D', name: 'global_average_pooling2d', config: { name: 'global_average_pooling2d', trainable: true, dtype: 'float32', data_format: 'channels_last', keepdims: false }, inbound_nodes: inbound(backboneName) },
    { class_name: 'Dropout', name: 'dropout', config: { name: 'dropout', trainable: true, dtype: 'float32', rate: 0.2, noise_shape: null, seed: null }, inbound_nodes: inbound('global_average_pooling2d') },
    { class_name: 'Dense', name: 'dense', config: { name: 'dense', trainable: true, dtype: 'float32', units: classes, activation: 'softmax', use_bias: true }, inbound_nodes: inbound('dropout') },
  ];
  return {
    topology: { class_name: 'Functional', config: { name: 'model', layers: outer, input_layers: [['input_2', 0, 0]], output_layers: [['dense', 0, 0]] } },
    groups: [
      { group: 'input_2', weights: [] },
      { group: backboneName, weights: backboneWeights },
      { group: 'global_average_pooling2d', weights: [] },
      { group: 'dropout', weights: [] },
      { group: 'dense', weights: [kernel, bias] },
    ],
  };
}
