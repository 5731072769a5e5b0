import type { TfliteModel, TfliteOperator, TfliteSubgraph } from './model-types';
import { denseFloats } from './tensor-values';

export interface VerdictRule {
  id: 'float-model' | 'stem-conv' | 'allowed-ops' | 'mean-at-end' | 'densify-weights' | 'zeros-1x1';
  title: string;
  pass: boolean;
  reason: string;
}

export interface SparseVerdict {
  /** True when every rule passes: XNNPACK should switch to sparse inference (except on x86 CPUs with AVX). */
  eligible: boolean;
  rules: VerdictRule[];
  /** The first failing rule's reason, or a one-line confirmation. */
  summary: string;
}

const UNARY = new Set([
  'RELU',
  'RELU6',
  'RELU_N1_TO_1',
  'LOGISTIC',
  'TANH',
  'HARD_SWISH',
  'ELU',
  'LEAKY_RELU',
  'ABS',
  'NEG',
  'SQUARE',
  'SQRT',
  'FLOOR',
  'CEIL',
  'ROUND',
  'GELU',
]);

/** Integer element types of quantized models (int32 also holds shapes and indices in float models). */
const QUANTIZED_TYPES = new Set(['int8', 'uint8', 'int16', 'int4']);

interface Ctx {
  sg: TfliteSubgraph;
  model: TfliteModel;
  producer: Map<number, TfliteOperator>;
}

function isConst(ctx: Ctx, tensor: number): boolean {
  const t = ctx.sg.tensors[tensor];
  return Boolean(t && (ctx.model.buffers[t.buffer]?.data.length ?? 0) > 0);
}

function constInts(ctx: Ctx, tensor: number | undefined): number[] | undefined {
  const t = tensor === undefined ? undefined : ctx.sg.tensors[tensor];
  const data = t ? ctx.model.buffers[t.buffer]?.data : undefined;
  if (!t || !data || data.length === 0 || t.type !== 'int32') return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return Array.from({ length: data.length / 4 }, (_, i) => view.getInt32(i * 4, true));
}

/** Explicit padding of a conv input coming from a PAD op: [top, bottom, left, right], or undefined. */
function padBefore(ctx: Ctx, op: TfliteOperator): number[] | undefined {
  const producer = ctx.producer.get(op.inputs[0]!);
  if (producer?.opName !== 'PAD') return undefined;
  const p = constInts(ctx, producer.inputs[1]);
  if (!p || p.length !== 8 || p[0] || p[1] || p[6] || p[7]) return undefined;
  return [p[2]!, p[3]!, p[4]!, p[5]!];
}

/** MEAN over axes [1, 2] of a 4-D tensor (GlobalAveragePooling2D). */
function isSpatialMean(ctx: Ctx, op: TfliteOperator): boolean {
  if (op.opName !== 'MEAN') return false;
  const axes = constInts(ctx, op.inputs[1]);
  return (ctx.sg.tensors[op.inputs[0]!]?.shape.length ?? 0) === 4 && axes !== undefined && [...axes].sort().join() === '1,2';
}

function filterShape(ctx: Ctx, op: TfliteOperator): number[] {
  return ctx.sg.tensors[op.inputs[1]!]?.shape ?? [];
}

function isStem(ctx: Ctx, op: TfliteOperator): { ok: boolean; why: string } {
  if (op.opName !== 'CONV_2D')
    return { ok: false, why: `the first compute operator is operator ${op.index} ${op.opName}, not a CONV_2D` };
  const [, kh, kw, cin] = filterShape(ctx, op);
  const o = op.options;
  const pad = padBefore(ctx, op);
  const padded = o.padding === 'VALID' && pad?.every((v) => v === 1);
  if (kh !== 3 || kw !== 3) return { ok: false, why: `the first convolution is ${kh}x${kw}, not 3x3` };
  if (o.stride_w !== 2 || o.stride_h !== 2)
    return { ok: false, why: `the first convolution has stride ${o.stride_h}x${o.stride_w}, not 2` };
  if (cin !== 3) return { ok: false, why: `the first convolution has ${cin} input channels, not 3` };
  if (!padded) {
    return {
      ok: false,
      why: 'the first convolution is not padded by exactly 1 on every side (use ZeroPadding2D(1) + padding="valid"; TF "same" with stride 2 pads 0/1)',
    };
  }
  return { ok: true, why: '3x3 stride-2 CONV_2D on 3 channels, padded 1 on every side by a fused PAD' };
}

/** Why `op` cannot run in XNNPACK's NCHW (sparse) cluster, or undefined when it can. */
function nchwProblem(ctx: Ctx, op: TfliteOperator, consumers: Map<number, TfliteOperator[]>): string | undefined {
  const o = op.options;
  switch (op.opName) {
    case 'DENSIFY':
      return undefined;
    case 'PAD': {
      const users = consumers.get(op.outputs[0]!) ?? [];
      const ok =
        users.length > 0 &&
        users.every((u) => (u.opName === 'CONV_2D' || u.opName === 'DEPTHWISE_CONV_2D') && u.options.padding === 'VALID');
      return ok && padBefore(ctx, users[0]!) ? undefined : 'PAD that cannot be fused into a following VALID convolution';
    }
    case 'CONV_2D': {
      const [, kh, kw] = filterShape(ctx, op);
      if (kh === 1 && kw === 1 && o.stride_w === 1 && o.stride_h === 1 && o.dilation_w_factor === 1 && !padBefore(ctx, op))
        return undefined;
      return `CONV_2D ${kh}x${kw} stride ${o.stride_h} (only 1x1 stride-1 convolutions run sparse after the stem)`;
    }
    case 'DEPTHWISE_CONV_2D': {
      const [, kh, kw] = filterShape(ctx, op);
      const stride = o.stride_w;
      const pad = padBefore(ctx, op);
      const wantPad = kh === 3 ? 1 : kh === 5 ? 2 : -1;
      if (kh !== kw || wantPad < 0) return `DEPTHWISE_CONV_2D ${kh}x${kw} (only 3x3 and 5x5)`;
      if (o.stride_h !== stride || (stride !== 1 && stride !== 2)) return `DEPTHWISE_CONV_2D stride ${o.stride_h}x${o.stride_w}`;
      if (o.depth_multiplier !== 1 || o.dilation_w_factor !== 1 || o.dilation_h_factor !== 1)
        return 'DEPTHWISE_CONV_2D with depth multiplier or dilation';
      if (o.padding === 'SAME' && stride === 1) return undefined;
      if (o.padding === 'SAME') return 'DEPTHWISE_CONV_2D with SAME padding and stride 2 (use ZeroPadding2D + valid)';
      return pad?.every((v) => v === wantPad)
        ? undefined
        : `DEPTHWISE_CONV_2D ${kh}x${kw} without padding ${wantPad} on every side`;
    }
    case 'ADD':
    case 'MUL': {
      const shapes = op.inputs.map((t) => ctx.sg.tensors[t]?.shape ?? []);
      if (shapes.some((s) => s.length !== 4)) return `${op.opName} on tensors that are not 4-D (XNNPACK needs 4-D operands)`;
      // Measured in the WebAssembly runtime: a constant operand keeps XNNPACK in NHWC unless the feature map is 1x1
      // (a squeeze-excite gate); on an HxW map (an unfolded batch norm, a Rescaling) it ends the NCHW part.
      const constant = op.inputs.findIndex((t) => isConst(ctx, t));
      const other = shapes[1 - constant];
      if (constant >= 0 && other && (other[1] !== 1 || other[2] !== 1))
        return `${op.opName} by a constant on a ${other[1]}x${other[2]} feature map (an unfolded batch norm or a Rescaling?)`;
      return undefined;
    }
    case 'MEAN':
      return isSpatialMean(ctx, op) && op.options.keep_dims === true
        ? undefined
        : 'MEAN that is not over height and width with keep_dims (GlobalAveragePooling2D(keepdims=True))';
    case 'RESIZE_BILINEAR':
      return undefined;
    default:
      return UNARY.has(op.opName) ? undefined : `${op.opName} is not supported in sparse (NCHW) inference`;
  }
}

function isSparseDensify(ctx: Ctx, op: TfliteOperator | undefined): boolean {
  if (op?.opName !== 'DENSIFY') return false;
  const input = ctx.sg.tensors[op.inputs[0]!];
  return Boolean(input?.sparsity) && isConst(ctx, op.inputs[0]!);
}

function zeros1x1(ctx: Ctx, convs: TfliteOperator[]): { params: number; zeros: number } {
  let params = 0;
  let zeros = 0;
  for (const conv of convs) {
    let tensor = conv.inputs[1]!;
    const producer = ctx.producer.get(tensor);
    if (producer?.opName === 'DENSIFY') tensor = producer.inputs[0]!;
    const t = ctx.sg.tensors[tensor];
    const values = t ? denseFloats(ctx.model, t) : undefined;
    if (!values) continue;
    params += values.length;
    for (const v of values) if (v === 0) zeros++;
  }
  return { params, zeros };
}

/**
 * Static check of XNNPACK's conditions for sparse inference (delegates/xnnpack/README.md "Sparse Inference" and
 * the subgraph NCHW rewrite), one rule at a time with the reason it passes or fails.
 */
export function sparseInferenceVerdict(model: TfliteModel): SparseVerdict {
  const sg = model.subgraphs[0]!;
  const producer = new Map<number, TfliteOperator>();
  const consumers = new Map<number, TfliteOperator[]>();
  for (const op of sg.operators) {
    for (const o of op.outputs) producer.set(o, op);
    for (const i of op.inputs) consumers.set(i, [...(consumers.get(i) ?? []), op]);
  }
  const ctx: Ctx = { sg, model, producer };
  // Weight preparation is not compute: PAD is fused, DENSIFY and DEQUANTIZE of constants (sparse, fp16 weights) fold away.
  const compute = sg.operators.filter(
    (op) => op.opName !== 'PAD' && op.opName !== 'DENSIFY' && !(op.opName === 'DEQUANTIZE' && isConst(ctx, op.inputs[0]!)),
  );
  const rules: VerdictRule[] = [];

  const quantized = sg.tensors.filter((t) => QUANTIZED_TYPES.has(t.type));
  const example = quantized[0];
  rules.push({
    id: 'float-model',
    title: 'float model (XNNPACK sparse inference is float only)',
    pass: !example,
    reason: example
      ? `XNNPACK sparse inference is float only: ${quantized.length} tensors are quantized (e.g. tensor ${example.index} '${example.name}' is ${example.type})`
      : 'weights and activations are float32 (or float16)',
  });

  const first = compute[0];
  const stem = first ? isStem(ctx, first) : { ok: false, why: 'the model has no compute operators' };
  rules.push({
    id: 'stem-conv',
    title: 'starts with a 3x3 stride-2 convolution on 3 channels, padding 1',
    pass: stem.ok,
    reason: stem.why,
  });

  // The last one: a keep_dims MEAN earlier on (a squeeze-excite block) stays inside the NCHW part.
  const meanIndex = sg.operators.findLastIndex((op) => op.opName === 'DEPTH_TO_SPACE' || isSpatialMean(ctx, op));
  const meanOp = sg.operators[meanIndex];
  rules.push({
    id: 'mean-at-end',
    title: 'ends the sparse part with MEAN over height and width (or DEPTH_TO_SPACE)',
    pass: meanIndex >= 0,
    reason: meanOp
      ? `operator ${meanIndex} ${meanOp.opName} ends the NCHW part`
      : 'no MEAN over axes [1, 2] of a 4-D tensor (GlobalAveragePooling2D needs keepdims=True or a static MEAN)',
  });

  const startIndex = first ? sg.operators.indexOf(first) + 1 : 0;
  const middle = sg.operators.slice(startIndex, meanIndex >= 0 ? meanIndex : sg.operators.length);
  const bad = middle.map((op) => ({ op, why: nchwProblem(ctx, op, consumers) })).find((x) => x.why);
  rules.push({
    id: 'allowed-ops',
    title: 'only NCHW-capable operators between them (1x1 conv, 3x3/5x5 depthwise, PAD fused into VALID convs, ADD, MUL, unary)',
    pass: !bad && stem.ok,
    reason: bad
      ? `operator ${bad.op.index}: ${bad.why}`
      : stem.ok
        ? `all ${middle.length} operators qualify`
        : 'not checked: no valid stem',
  });

  const convs1x1 = middle.filter(
    (op) => op.opName === 'CONV_2D' && filterShape(ctx, op)[1] === 1 && filterShape(ctx, op)[2] === 1,
  );
  const densified = convs1x1.filter((op) => isSparseDensify(ctx, producer.get(op.inputs[1]!)));
  const anySparse = sg.operators.some((op) => isSparseDensify(ctx, op));
  rules.push({
    id: 'densify-weights',
    title: 'weights stored sparse and read through DENSIFY',
    pass: anySparse,
    reason: anySparse
      ? `${densified.length} of ${convs1x1.length} 1x1 convolutions read sparse weights through DENSIFY`
      : 'no DENSIFY of a sparse constant: XNNPACK only tries sparse inference when weights are stored sparse (convert with --sparse)',
  });

  const { params, zeros } = zeros1x1(ctx, convs1x1);
  const share = params ? zeros / params : 0;
  rules.push({
    id: 'zeros-1x1',
    title: 'more than 2/3 of the 1x1 convolution weights are zero',
    pass: params > 0 && zeros * 3 > params * 2 && !example,
    reason: example
      ? 'not checked: the weights are quantized and sparse inference is float only'
      : params > 0
        ? `${zeros} of ${params} weights are zero (${(share * 100).toFixed(1)} %; needs > 66.7 %)`
        : 'no 1x1 convolution weights found',
  });

  const failing = rules.find((r) => !r.pass);
  return {
    eligible: !failing,
    rules,
    summary: failing
      ? `${failing.title}: ${failing.reason}`
      : 'all rules pass: XNNPACK should use sparse inference (on ARM and WebAssembly; not on x86 CPUs with AVX)',
  };
}
