import type { TfliteModel, TfliteOperator, TfliteSubgraph } from './model-types';
import { denseFloats } from './tensor-values';
import {
  englishVerdictReason,
  type VerdictReasonKey,
  type VerdictReasonValues,
} from '../../../shared/i18n/verdict-reasons-en';

/** A rule's reason: its key and values (the report shows them in the reader's language) and the English line. */
interface Because {
  reasonKey: VerdictReasonKey;
  reasonValues: VerdictReasonValues;
  reason: string;
}

function because(reasonKey: VerdictReasonKey, reasonValues: VerdictReasonValues = {}): Because {
  return { reasonKey, reasonValues, reason: englishVerdictReason(reasonKey, reasonValues) };
}

export interface VerdictRule {
  id: 'float-model' | 'stem-conv' | 'allowed-ops' | 'mean-at-end' | 'densify-weights' | 'zeros-1x1';
  title: string;
  pass: boolean;
  reason: string;
  reasonKey: VerdictReasonKey;
  reasonValues: VerdictReasonValues;
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

function isStem(ctx: Ctx, op: TfliteOperator): { ok: boolean; why: Because } {
  if (op.opName !== 'CONV_2D')
    return { ok: false, why: because('stemNotConv', { index: op.index, op: op.opName }) };
  const [, kh, kw, cin] = filterShape(ctx, op);
  const o = op.options;
  const pad = padBefore(ctx, op);
  const padded = o.padding === 'VALID' && pad?.every((v) => v === 1);
  if (kh !== 3 || kw !== 3) return { ok: false, why: because('stemKernel', { kh: String(kh), kw: String(kw) }) };
  if (o.stride_w !== 2 || o.stride_h !== 2)
    return { ok: false, why: because('stemStride', { sh: String(o.stride_h), sw: String(o.stride_w) }) };
  if (cin !== 3) return { ok: false, why: because('stemChannels', { channels: String(cin) }) };
  if (!padded) {
    return { ok: false, why: because('stemPadding') };
  }
  return { ok: true, why: because('stemOk') };
}

/** Why `op` cannot run in XNNPACK's NCHW (sparse) cluster, or undefined when it can. */
function nchwProblem(ctx: Ctx, op: TfliteOperator, consumers: Map<number, TfliteOperator[]>): Because | undefined {
  const o = op.options;
  const problem = (key: VerdictReasonKey, values: VerdictReasonValues = {}) => because(key, { index: op.index, ...values });
  switch (op.opName) {
    case 'DENSIFY':
      return undefined;
    case 'PAD': {
      const users = consumers.get(op.outputs[0]!) ?? [];
      const ok =
        users.length > 0 &&
        users.every((u) => (u.opName === 'CONV_2D' || u.opName === 'DEPTHWISE_CONV_2D') && u.options.padding === 'VALID');
      return ok && padBefore(ctx, users[0]!) ? undefined : problem('padUnfused');
    }
    case 'CONV_2D': {
      const [, kh, kw] = filterShape(ctx, op);
      if (kh === 1 && kw === 1 && o.stride_w === 1 && o.stride_h === 1 && o.dilation_w_factor === 1 && !padBefore(ctx, op))
        return undefined;
      return problem('convNot1x1', { kh: String(kh), kw: String(kw), stride: String(o.stride_h) });
    }
    case 'DEPTHWISE_CONV_2D': {
      const [, kh, kw] = filterShape(ctx, op);
      const stride = o.stride_w;
      const pad = padBefore(ctx, op);
      const wantPad = kh === 3 ? 1 : kh === 5 ? 2 : -1;
      if (kh !== kw || wantPad < 0) return problem('depthwiseKernel', { kh: String(kh), kw: String(kw) });
      if (o.stride_h !== stride || (stride !== 1 && stride !== 2)) return problem('depthwiseStride', { sh: String(o.stride_h), sw: String(o.stride_w) });
      if (o.depth_multiplier !== 1 || o.dilation_w_factor !== 1 || o.dilation_h_factor !== 1)
        return problem('depthwiseMultiplier');
      if (o.padding === 'SAME' && stride === 1) return undefined;
      if (o.padding === 'SAME') return problem('depthwiseSameStride2');
      return pad?.every((v) => v === wantPad)
        ? undefined
        : problem('depthwisePadding', { kh: String(kh), kw: String(kw), pad: wantPad });
    }
    case 'ADD':
    case 'MUL': {
      const shapes = op.inputs.map((t) => ctx.sg.tensors[t]?.shape ?? []);
      if (shapes.some((s) => s.length !== 4)) return problem('elementwiseNot4d', { op: op.opName });
      // Measured in the WebAssembly runtime: a constant operand keeps XNNPACK in NHWC unless the feature map is 1x1
      // (a squeeze-excite gate); on an HxW map (an unfolded batch norm, a Rescaling) it ends the NCHW part.
      const constant = op.inputs.findIndex((t) => isConst(ctx, t));
      const other = shapes[1 - constant];
      if (constant >= 0 && other && (other[1] !== 1 || other[2] !== 1))
        return problem('elementwiseConstant', { op: op.opName, h: String(other[1]), w: String(other[2]) });
      return undefined;
    }
    case 'MEAN':
      return isSpatialMean(ctx, op) && op.options.keep_dims === true
        ? undefined
        : problem('meanNotSpatial');
    case 'RESIZE_BILINEAR':
      return undefined;
    default:
      return UNARY.has(op.opName) ? undefined : problem('unsupportedOp', { op: op.opName });
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
    ...(example
      ? because('floatQuantized', { n: quantized.length, index: example.index, name: example.name, type: example.type })
      : because('floatOk')),
  });

  const first = compute[0];
  const stem = first ? isStem(ctx, first) : { ok: false, why: because('noCompute') };
  rules.push({
    id: 'stem-conv',
    title: 'starts with a 3x3 stride-2 convolution on 3 channels, padding 1',
    pass: stem.ok,
    ...stem.why,
  });

  // The last one: a keep_dims MEAN earlier on (a squeeze-excite block) stays inside the NCHW part.
  const meanIndex = sg.operators.findLastIndex((op) => op.opName === 'DEPTH_TO_SPACE' || isSpatialMean(ctx, op));
  const meanOp = sg.operators[meanIndex];
  rules.push({
    id: 'mean-at-end',
    title: 'ends the sparse part with MEAN over height and width (or DEPTH_TO_SPACE)',
    pass: meanIndex >= 0,
    ...(meanOp ? because('meanOk', { index: meanIndex, op: meanOp.opName }) : because('meanMissing')),
  });

  const startIndex = first ? sg.operators.indexOf(first) + 1 : 0;
  const middle = sg.operators.slice(startIndex, meanIndex >= 0 ? meanIndex : sg.operators.length);
  const bad = middle.map((op) => ({ op, why: nchwProblem(ctx, op, consumers) })).find((x) => x.why);
  rules.push({
    id: 'allowed-ops',
    title: 'only NCHW-capable operators between them (1x1 conv, 3x3/5x5 depthwise, PAD fused into VALID convs, ADD, MUL, unary)',
    pass: !bad && stem.ok,
    ...(bad?.why ?? (stem.ok ? because('opsOk', { n: middle.length }) : because('opsNotChecked'))),
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
    ...(anySparse
      ? because('densifyOk', { densified: densified.length, total: convs1x1.length })
      : because('densifyMissing')),
  });

  const { params, zeros } = zeros1x1(ctx, convs1x1);
  const share = params ? zeros / params : 0;
  rules.push({
    id: 'zeros-1x1',
    title: 'more than 2/3 of the 1x1 convolution weights are zero',
    pass: params > 0 && zeros * 3 > params * 2 && !example,
    ...(example
      ? because('zerosQuantized')
      : params > 0
        ? because('zerosShare', { zeros, params, share: (share * 100).toFixed(1) })
        : because('zerosNone')),
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
