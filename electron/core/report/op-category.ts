// Dense and sparse runs of one model use different XNNPACK operators for the same layer (NHWC GEMM vs NCHW SPMM
// for a 1x1 convolution), so the dense/pruned comparison lines them up by what the operator does.

const CATEGORIES: [RegExp, string][] = [
  [/DWConv|DEPTHWISE_CONV_2D/i, 'depthwise convolution'],
  [/HWC2CHW|IGEMM|^CONV_2D$|^Convolution/i, 'other convolution (3x3)'],
  [/Global Average Pooling|^MEAN$/i, 'global average pooling'],
  [/Fully Connected|FULLY_CONNECTED/i, 'fully connected'],
  [/^Copy|^RESHAPE$/i, 'copy / reshape'],
  [/Constant Pad|^PAD$/i, 'pad'],
  [/^DENSIFY$/i, 'densify'],
];

export const POINTWISE_CATEGORY = '1x1 convolution';

/** The comparison row an operator belongs to; `pointwise` comes from isPointwiseOp. */
export function opCategory(type: string, pointwise: boolean): string {
  if (pointwise) return POINTWISE_CATEGORY;
  return CATEGORIES.find(([pattern]) => pattern.test(type))?.[1] ?? type;
}
