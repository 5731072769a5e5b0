import type { Activation, ModelSpec } from '../../../../shared/model-spec';
import { GraphBuilder, makeDivisible } from './graph-builder';

export const MOBILENETV3S_DEFAULT_WIDTH = 1;

interface V3Block {
  kernel: 3 | 5;
  expansion: number;
  filters: number;
  stride: 1 | 2;
  squeezeExcite: boolean;
  activation: 'relu' | 'hard_swish';
}

/**
 * keras.applications' MobileNetV3Small stack. For 32x32 inputs the first block keeps stride 1 (ImageNet's 2), so the
 * feature maps go 16 -> 8 -> 4 -> 2 after the stem.
 */
const BLOCKS: readonly V3Block[] = [
  { kernel: 3, expansion: 1, filters: 16, stride: 1, squeezeExcite: true, activation: 'relu' },
  { kernel: 3, expansion: 72 / 16, filters: 24, stride: 2, squeezeExcite: false, activation: 'relu' },
  { kernel: 3, expansion: 88 / 24, filters: 24, stride: 1, squeezeExcite: false, activation: 'relu' },
  { kernel: 5, expansion: 4, filters: 40, stride: 2, squeezeExcite: true, activation: 'hard_swish' },
  { kernel: 5, expansion: 6, filters: 40, stride: 1, squeezeExcite: true, activation: 'hard_swish' },
  { kernel: 5, expansion: 6, filters: 40, stride: 1, squeezeExcite: true, activation: 'hard_swish' },
  { kernel: 5, expansion: 3, filters: 48, stride: 1, squeezeExcite: true, activation: 'hard_swish' },
  { kernel: 5, expansion: 3, filters: 48, stride: 1, squeezeExcite: true, activation: 'hard_swish' },
  { kernel: 5, expansion: 6, filters: 96, stride: 2, squeezeExcite: true, activation: 'hard_swish' },
  { kernel: 5, expansion: 6, filters: 96, stride: 1, squeezeExcite: true, activation: 'hard_swish' },
  { kernel: 5, expansion: 6, filters: 96, stride: 1, squeezeExcite: true, activation: 'hard_swish' },
];

const SE_RATIO = 0.25;

/**
 * MobileNetV3-Small for 32x32x3 (CIFAR-10) with keras.applications' (Keras 3) structure: hard-swish and ReLU
 * activations, squeeze-excite blocks (GlobalAveragePooling2D keepdims, two 1x1 convs, hard-sigmoid, Multiply), 5x5
 * depthwise convolutions and a 1x1-conv classifier head with Dropout; names use '_' where Keras uses '/'. Differences:
 * the XNNPACK-friendly stem and symmetric padding (1 for 3x3, 2 for 5x5) before every stride-2 depthwise, and no
 * Rescaling layer (the data pipeline normalises).
 */
export function mobilenetV3SmallCifar(classes: number, width: number = MOBILENETV3S_DEFAULT_WIDTH): ModelSpec {
  const g = new GraphBuilder();
  const depth = (d: number) => makeDivisible(d * width);
  let x = g.xnnpackStem('Conv', g.inputName, 16);
  x = act(g, 'Conv_hard_swish', g.batchNorm('Conv_BatchNorm', x), 'hard_swish');
  let channels = 16;
  BLOCKS.forEach((block, id) => {
    const out = depth(block.filters);
    x = invertedResidual(g, x, channels, out, block, id);
    channels = out;
  });
  const lastConv = makeDivisible(channels * 6);
  const lastPoint = width > 1 ? makeDivisible(1024 * width) : 1024;
  x = act(g, 'Conv_1_hard_swish', g.batchNorm('Conv_1_BatchNorm', g.conv('Conv_1', x, lastConv)), 'hard_swish');
  x = g.globalAveragePool('global_average_pooling2d', x, true);
  x = act(g, 'Conv_2_hard_swish', g.conv('Conv_2', x, lastPoint, { useBias: true }), 'hard_swish');
  x = g.conv('Logits', g.dropout('dropout', x, 0.2), classes, { useBias: true });
  return g.model('mobilenetv3s-cifar', [32, 32, 3], g.flatten('flatten', x));
}

function act(g: GraphBuilder, name: string, x: string, activation: Activation): string {
  return activation === 'relu' ? g.relu(name.replace(/hard_swish$/, 'relu'), x) : g.activation(name, x, activation);
}

function invertedResidual(g: GraphBuilder, input: string, channels: number, out: number, b: V3Block, id: number): string {
  const prefix = id === 0 ? 'expanded_conv_' : `expanded_conv_${id}_`;
  const expanded = makeDivisible(channels * b.expansion);
  let x = input;
  if (id > 0)
    x = act(
      g,
      `${prefix}expand_${b.activation}`,
      g.batchNorm(`${prefix}expand_BatchNorm`, g.conv(`${prefix}expand`, x, expanded)),
      b.activation,
    );
  if (b.stride === 2)
    x = g.depthwise(`${prefix}depthwise`, g.pad(`${prefix}depthwise_pad`, x, (b.kernel - 1) / 2), b.kernel, 2, 'valid');
  else x = g.depthwise(`${prefix}depthwise`, x, b.kernel, 1, 'same');
  x = act(g, `${prefix}depthwise_${b.activation}`, g.batchNorm(`${prefix}depthwise_BatchNorm`, x), b.activation);
  if (b.squeezeExcite) x = squeezeExcite(g, x, expanded, `${prefix}squeeze_excite_`);
  x = g.batchNorm(`${prefix}project_BatchNorm`, g.conv(`${prefix}project`, x, out));
  return b.stride === 1 && channels === out ? g.sum(`${prefix}Add`, input, x) : x;
}

function squeezeExcite(g: GraphBuilder, input: string, filters: number, prefix: string): string {
  let x = g.globalAveragePool(`${prefix}AvgPool`, input, true);
  x = g.relu(`${prefix}Relu`, g.conv(`${prefix}Conv`, x, makeDivisible(filters * SE_RATIO), { useBias: true, padding: 'same' }));
  x = g.activation(
    `${prefix}hard_sigmoid`,
    g.conv(`${prefix}Conv_1`, x, filters, { useBias: true, padding: 'same' }),
    'hard_sigmoid',
  );
  return g.multiply(`${prefix}Mul`, input, x);
}
