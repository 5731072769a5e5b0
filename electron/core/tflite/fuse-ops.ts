// The TFLite converter's optimize-pass fusions that matter for Keras CNNs (TFC/transforms/optimize_patterns.td):
// a MUL or ADD by a per-channel constant folds into the convolution / fully-connected layer before it
// (FuseMulOrDivWithConv2dOrDepthwiseConv2d, FuseBinaryOpToPrecedingAffine; this is how batch norm disappears), and
// RELU / RELU6 fuse into the op before them (FuseActFnIntoConvOpPat, FusedBinaryActivationFuncOpPat). Both need the
// intermediate value to have exactly one use and the producer to have no fused activation yet.
import type { IrActivation, IrGraph, IrOp, IrTensor } from './graph-ir';

const AFFINE_OPS = new Set<IrOp['op']>(['CONV_2D', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED']);
const ACTIVATION_HOSTS = new Set<IrOp['op']>(['CONV_2D', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED', 'ADD', 'MUL']);

function activationOf(op: IrOp): IrActivation | undefined {
  const o = op.options;
  return 'activation' in o ? o.activation : undefined;
}

function withActivation(op: IrOp, activation: IrActivation): IrOp {
  if (!('activation' in op.options)) throw new Error(`${op.op} has no fused activation`);
  return { ...op, options: { ...op.options, activation } };
}

class Uses {
  readonly #producer = new Map<number, number>();
  readonly #uses = new Map<number, number>();
  readonly #outputs: Set<number>;

  constructor(graph: IrGraph, ops: (IrOp | undefined)[]) {
    this.#outputs = new Set(graph.outputs);
    ops.forEach((op, k) => {
      if (!op) return;
      for (const t of op.outputs) this.#producer.set(t, k);
      for (const t of op.inputs) this.#uses.set(t, (this.#uses.get(t) ?? 0) + 1);
    });
  }

  /** The producing op's index when `tensor` is read by one op only and is not a model output. */
  soleProducer(tensor: number): number | undefined {
    if (this.#outputs.has(tensor) || this.#uses.get(tensor) !== 1) return undefined;
    return this.#producer.get(tensor);
  }
}

/** Channels of an affine op's output and, per flat filter index, the output channel it feeds. */
function channelLayout(op: IrOp, filter: IrTensor): { channels: number; channelOf: (i: number) => number } {
  const shape = filter.shape;
  if (op.op === 'DEPTHWISE_CONV_2D') {
    const channels = shape[shape.length - 1]!;
    return { channels, channelOf: (i) => i % channels };
  }
  const perOut = shape.slice(1).reduce((a, b) => a * b, 1);
  return { channels: shape[0]!, channelOf: (i) => Math.floor(i / perOut) };
}

/** The constant's value for each channel, when it is a scalar or a per-channel vector ([C] or [1,..,1,C]). */
function perChannel(constant: IrTensor, channels: number): ((c: number) => number) | undefined {
  const data = constant.data;
  if (!(data instanceof Float32Array) || constant.sparse) return undefined;
  if (constant.shape.slice(0, -1).some((d) => d !== 1)) return undefined;
  if (data.length === 1) return () => data[0]!;
  if (data.length === channels) return (c) => data[c]!;
  return undefined;
}

function joinNames(later: IrTensor, earlier: IrTensor): string {
  return `${later.name};${earlier.name}`;
}

function foldAffine(graph: IrGraph, ops: (IrOp | undefined)[], k: number): boolean {
  const op = ops[k]!;
  if (op.op !== 'MUL' && op.op !== 'ADD') return false;
  const constSide = op.inputs.findIndex((t) => graph.tensors[t]!.data !== undefined);
  if (constSide < 0 || op.inputs.length !== 2 || graph.tensors[op.inputs[1 - constSide]!]!.data) return false;
  const value = op.inputs[1 - constSide]!;
  const p = new Uses(graph, ops).soleProducer(value);
  const producer = p === undefined ? undefined : ops[p];
  if (!producer || !AFFINE_OPS.has(producer.op) || activationOf(producer) !== 'NONE') return false;
  const filter = graph.tensors[producer.inputs[1]!]!;
  const bias = graph.tensors[producer.inputs[2]!];
  if (!(filter.data instanceof Float32Array) || filter.sparse || !(bias?.data instanceof Float32Array)) return false;
  const { channels, channelOf } = channelLayout(producer, filter);
  const c = perChannel(graph.tensors[op.inputs[constSide]!]!, channels);
  if (!c) return false;
  const f = Math.fround;
  const biasData = bias.data;
  if (op.op === 'MUL') {
    const filterData = filter.data;
    filter.data = filterData.map((w, i) => f(w * c(channelOf(i))));
    bias.data = biasData.map((b, o) => f(b * c(o)));
  } else {
    bias.data = biasData.map((b, o) => f(b + c(o)));
  }
  const out = graph.tensors[op.outputs[0]!]!;
  out.name = joinNames(out, graph.tensors[value]!);
  ops[p!] = withActivation({ ...producer, outputs: op.outputs }, activationOf(op) ?? 'NONE');
  ops[k] = undefined;
  return true;
}

function fuseActivation(graph: IrGraph, ops: (IrOp | undefined)[], k: number): boolean {
  const op = ops[k]!;
  if (op.op !== 'RELU' && op.op !== 'RELU6') return false;
  const p = new Uses(graph, ops).soleProducer(op.inputs[0]!);
  const producer = p === undefined ? undefined : ops[p];
  if (!producer || !ACTIVATION_HOSTS.has(producer.op) || activationOf(producer) !== 'NONE') return false;
  const out = graph.tensors[op.outputs[0]!]!;
  out.name = joinNames(out, graph.tensors[op.inputs[0]!]!);
  ops[p!] = withActivation({ ...producer, outputs: op.outputs }, op.op);
  ops[k] = undefined;
  return true;
}

/**
 * Applies the constant folds, then the activation fusions, in op order. Mutates the graph's constant tensors (the
 * lowering creates one per layer weight). Tensors left unused are dropped later by `compactGraph`.
 */
export function fuseOps(graph: IrGraph): IrGraph {
  const ops: (IrOp | undefined)[] = graph.ops.map((op) => ({ ...op }));
  for (const pass of [foldAffine, fuseActivation]) for (let k = 0; k < ops.length; k++) if (ops[k]) pass(graph, ops, k);
  return { ...graph, ops: ops.filter((op): op is IrOp => op !== undefined) };
}
