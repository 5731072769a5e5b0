import type { IrGraph, IrOp, IrOptions, IrTensor } from './graph-ir';

/** Collects tensors and ops while a model is lowered; `finish` drops what the fusion passes left unused. */
export class IrBuilder {
  readonly tensors: IrTensor[] = [];
  readonly ops: IrOp[] = [];
  readonly #int32Constants = new Map<string, number>();

  add(tensor: IrTensor): number {
    this.tensors.push(tensor);
    return this.tensors.length - 1;
  }

  /** A float32 activation; `shape` excludes the (dynamic) batch dimension. */
  activation(name: string, shape: number[]): number {
    return this.add({ name, shape: [1, ...shape], shapeSignature: [-1, ...shape], type: 'float32' });
  }

  /** int32 constants with equal values are shared, as the converter's CSE does for the PAD paddings. */
  int32Constant(name: string, shape: number[], values: number[]): number {
    const key = `${shape.join('x')}:${values.join(',')}`;
    const existing = this.#int32Constants.get(key);
    if (existing !== undefined) return existing;
    const index = this.add({ name, shape, type: 'int32', data: Int32Array.from(values) });
    this.#int32Constants.set(key, index);
    return index;
  }

  floatConstant(name: string, shape: number[], data: Float32Array): number {
    return this.add({ name, shape, type: 'float32', data });
  }

  /**
   * The constant operand of an element-wise ADD / MUL on an activation of rank `rank + 1` (batch included): written
   * with the activation's rank, ones then `values.length` (a scalar or one value per channel). TF's constant folding
   * would give a Python float rank 0 and a batch-norm vector rank 1; XNNPACK runs an ADD / MUL in NCHW (sparse
   * inference) only when both operands are 4-D, so a rank-0 1/6 in a squeeze-excite gate keeps the whole model dense
   * (measured in the WebAssembly runtime). Broadcasting makes both forms compute the same values.
   */
  broadcastConstant(name: string, rank: number, values: Float32Array): number {
    // `rank` excludes the batch; the constant has rank + 1 dimensions.
    const shape = [...Array.from({ length: rank }, () => 1), values.length];
    return this.floatConstant(name, shape, values);
  }

  op(op: IrOp['op'], inputs: number[], outputs: number[], options: IrOptions): number {
    this.ops.push({ op, inputs, outputs, options });
    return outputs[0]!;
  }
}

/** The graph with only the tensors its ops and inputs use, renumbered in first-seen order. */
export function compactGraph(graph: IrGraph): IrGraph {
  const used = new Map<number, number>();
  const tensors: IrTensor[] = [];
  const remap = (i: number): number => {
    if (i < 0) return i;
    let j = used.get(i);
    if (j === undefined) {
      j = tensors.push(graph.tensors[i]!) - 1;
      used.set(i, j);
    }
    return j;
  };
  const inputs = graph.inputs.map(remap);
  const ops = graph.ops.map((op) => ({ ...op, inputs: op.inputs.map(remap), outputs: op.outputs.map(remap) }));
  return { ...graph, tensors, ops, inputs, outputs: graph.outputs.map(remap) };
}
