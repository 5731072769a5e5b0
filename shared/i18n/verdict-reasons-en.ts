// The XNNPACK verdict's one-line reasons (electron/core/tflite/xnnpack-verdict.ts), by key. The core writes the
// English text into conversion.json and the report; the report view shows the key in the reader's language.
// verdict-reasons-th.ts has the same keys and placeholders.

export const verdictReasonsEn = {
  floatQuantized:
    "XNNPACK sparse inference is float only: {{n}} tensors are quantized (e.g. tensor {{index}} '{{name}}' is {{type}})",
  floatOk: 'weights and activations are float32 (or float16)',
  noCompute: 'the model has no compute operators',
  stemNotConv: 'the first compute operator is operator {{index}} {{op}}, not a CONV_2D',
  stemKernel: 'the first convolution is {{kh}}x{{kw}}, not 3x3',
  stemStride: 'the first convolution has stride {{sh}}x{{sw}}, not 2',
  stemChannels: 'the first convolution has {{channels}} input channels, not 3',
  stemPadding:
    'the first convolution is not padded by exactly 1 on every side (use ZeroPadding2D(1) + padding="valid"; TF "same" with stride 2 pads 0/1)',
  stemOk: '3x3 stride-2 CONV_2D on 3 channels, padded 1 on every side by a fused PAD',
  meanOk: 'operator {{index}} {{op}} ends the NCHW part',
  meanMissing: 'no MEAN over axes [1, 2] of a 4-D tensor (GlobalAveragePooling2D needs keepdims=True or a static MEAN)',
  padUnfused: 'operator {{index}}: PAD that cannot be fused into a following VALID convolution',
  convNot1x1:
    'operator {{index}}: CONV_2D {{kh}}x{{kw}} stride {{stride}} (only 1x1 stride-1 convolutions run sparse after the stem)',
  depthwiseKernel: 'operator {{index}}: DEPTHWISE_CONV_2D {{kh}}x{{kw}} (only 3x3 and 5x5)',
  depthwiseStride: 'operator {{index}}: DEPTHWISE_CONV_2D stride {{sh}}x{{sw}}',
  depthwiseMultiplier: 'operator {{index}}: DEPTHWISE_CONV_2D with depth multiplier or dilation',
  depthwiseSameStride2: 'operator {{index}}: DEPTHWISE_CONV_2D with SAME padding and stride 2 (use ZeroPadding2D + valid)',
  depthwisePadding: 'operator {{index}}: DEPTHWISE_CONV_2D {{kh}}x{{kw}} without padding {{pad}} on every side',
  elementwiseNot4d: 'operator {{index}}: {{op}} on tensors that are not 4-D (XNNPACK needs 4-D operands)',
  elementwiseConstant:
    'operator {{index}}: {{op}} by a constant on a {{h}}x{{w}} feature map (an unfolded batch norm or a Rescaling?)',
  meanNotSpatial:
    'operator {{index}}: MEAN that is not over height and width with keep_dims (GlobalAveragePooling2D(keepdims=True))',
  unsupportedOp: 'operator {{index}}: {{op}} is not supported in sparse (NCHW) inference',
  opsOk: 'all {{n}} operators qualify',
  opsNotChecked: 'not checked: no valid stem',
  densifyOk: '{{densified}} of {{total}} 1x1 convolutions read sparse weights through DENSIFY',
  densifyMissing:
    'no DENSIFY of a sparse constant: XNNPACK only tries sparse inference when weights are stored sparse (convert with --sparse)',
  zerosQuantized: 'not checked: the weights are quantized and sparse inference is float only',
  zerosShare: '{{zeros}} of {{params}} weights are zero ({{share}} %; needs > 66.7 %)',
  zerosNone: 'no 1x1 convolution weights found',
} as const;

export type VerdictReasonKey = keyof typeof verdictReasonsEn;
export type VerdictReasonValues = Record<string, string | number>;

/** The English reason: the template with its {{placeholders}} filled in (what i18next does in the report view). */
export function englishVerdictReason(key: VerdictReasonKey, values: VerdictReasonValues = {}): string {
  return verdictReasonsEn[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}
