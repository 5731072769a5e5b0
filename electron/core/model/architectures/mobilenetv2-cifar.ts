import type { ModelSpec } from '../../../../shared/model-spec';
import { GraphBuilder, makeDivisible } from './graph-builder';

export const MOBILENETV2_DEFAULT_WIDTH = 0.35;

/**
 * keras.applications' MobileNetV2 blocks as [expansion t, channels c, repeats n, first stride s]. For 32x32 inputs the
 * second stage keeps stride 1 (ImageNet's 2) so the last feature map is 2x2 rather than 1x1.
 */
const BLOCKS: readonly [number, number, number, number][] = [
  [1, 16, 1, 1],
  [6, 24, 2, 1],
  [6, 32, 3, 2],
  [6, 64, 4, 2],
  [6, 96, 3, 1],
  [6, 160, 3, 2],
  [6, 320, 1, 1],
];

/**
 * MobileNetV2 for 32x32x3 (CIFAR-10) with keras.applications' layer names and settings (no conv biases, BN epsilon
 * 1e-3, ReLU6), except the XNNPACK-friendly stem and symmetric ZeroPadding2D(1) before every stride-2 depthwise
 * (Keras pads ((0,1),(0,1)) there, which TFMOT's policy rejects).
 */
export function mobilenetV2Cifar(classes: number, width: number = MOBILENETV2_DEFAULT_WIDTH): ModelSpec {
  const g = new GraphBuilder();
  let x = g.xnnpackStem('Conv1', g.inputName, makeDivisible(32 * width));
  x = g.relu('Conv1_relu', g.batchNorm('bn_Conv1', x), 6);
  let channels = makeDivisible(32 * width);
  let blockId = 0;
  for (const [expansion, c, repeats, firstStride] of BLOCKS) {
    for (let r = 0; r < repeats; r++) {
      const out = makeDivisible(Math.trunc(c * width));
      x = invertedResidual(g, x, { channels, out, expansion, stride: r === 0 ? firstStride : 1, blockId });
      channels = out;
      blockId++;
    }
  }
  const lastChannels = width > 1 ? makeDivisible(1280 * width) : 1280;
  x = g.relu('out_relu', g.batchNorm('Conv_1_bn', g.conv('Conv_1', x, lastChannels)), 6);
  x = g.flatten('flatten', g.globalAveragePool('global_average_pooling2d', x, true));
  return g.model('mobilenetv2-cifar', [32, 32, 3], g.dense('predictions', x, classes));
}

function invertedResidual(
  g: GraphBuilder,
  input: string,
  b: { channels: number; out: number; expansion: number; stride: number; blockId: number },
): string {
  const prefix = b.blockId === 0 ? 'expanded_conv_' : `block_${b.blockId}_`;
  let x = input;
  if (b.blockId > 0) {
    x = g.conv(`${prefix}expand`, x, b.expansion * b.channels);
    x = g.relu(`${prefix}expand_relu`, g.batchNorm(`${prefix}expand_BN`, x), 6);
  }
  if (b.stride === 2) x = g.depthwise(`${prefix}depthwise`, g.pad(`${prefix}pad`, x, 1), 3, 2, 'valid');
  else x = g.depthwise(`${prefix}depthwise`, x, 3, 1, 'same');
  x = g.relu(`${prefix}depthwise_relu`, g.batchNorm(`${prefix}depthwise_BN`, x), 6);
  x = g.batchNorm(`${prefix}project_BN`, g.conv(`${prefix}project`, x, b.out));
  return b.stride === 1 && b.channels === b.out ? g.sum(`${prefix}add`, input, x) : x;
}
