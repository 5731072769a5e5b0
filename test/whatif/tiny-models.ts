// Small .tflite files written directly with the FlatBuffers builder (independently of Sparse Studio's writers), for
// the what-if rewriter's tests: several subgraphs, quantized tensors, operators and options it does not interpret.
import { Builder } from 'flatbuffers';

export const T = { FLOAT32: 0, FLOAT16: 1, INT32: 2, INT8: 9 } as const;

export interface TinyTensor {
  name: string;
  shape: number[];
  type: number;
  data?: Uint8Array;
  quant?: { scale: number[]; zeroPoint: number[] };
}

export interface TinyOp {
  /** Builtin code, or a custom code name. */
  code: number | string;
  inputs: number[];
  outputs: number[];
  optionsType?: number;
  /** Builds the builtin options table (called before the operator is started). */
  options?: (b: Builder) => number;
  customOptions?: Uint8Array;
}

export interface TinySubgraph {
  name: string;
  tensors: TinyTensor[];
  inputs: number[];
  outputs: number[];
  ops: TinyOp[];
}

export function floats(values: ArrayLike<number>): Uint8Array {
  return new Uint8Array(Float32Array.from(values).buffer);
}

export function ints(values: number[]): Uint8Array {
  return new Uint8Array(Int32Array.from(values).buffer);
}

/** Deterministic values in [-1, 1) without ties. */
export function randomValues(count: number, seed: number): Float32Array {
  let state = seed >>> 0 || 1;
  return Float32Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  });
}

function int32Vector(b: Builder, values: number[]): number {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i]!);
  return b.endVector();
}

function offsets(b: Builder, items: number[]): number {
  b.startVector(4, items.length, 4);
  for (let i = items.length - 1; i >= 0; i--) b.addOffset(items[i]!);
  return b.endVector();
}

/** Conv2DOptions: VALID, stride 1, no activation. */
export function conv2dOptions(b: Builder): number {
  b.startObject(7);
  b.addFieldInt8(0, 1, 0);
  b.addFieldInt32(1, 1, 0);
  b.addFieldInt32(2, 1, 0);
  return b.endObject();
}

export function writeTinyModel(subgraphs: TinySubgraph[], signatures: { key: string; subgraph: number }[] = []): Uint8Array {
  const b = new Builder(4096);
  const buffers: Uint8Array[] = [new Uint8Array(0)];
  const codes: (number | string)[] = [];
  const subgraphOffsets = subgraphs.map((sg) => {
    const tensors = sg.tensors.map((t) => {
      const buffer = t.data ? buffers.push(t.data) - 1 : 0;
      const name = b.createString(t.name);
      const shape = int32Vector(b, t.shape);
      let quant = 0;
      if (t.quant) {
        b.startVector(4, t.quant.scale.length, 4);
        for (const s of [...t.quant.scale].reverse()) b.addFloat32(s);
        const scale = b.endVector();
        b.startVector(8, t.quant.zeroPoint.length, 8);
        for (const z of [...t.quant.zeroPoint].reverse()) b.addInt64(BigInt(z));
        const zero = b.endVector();
        b.startObject(7);
        b.addFieldOffset(2, scale, 0);
        b.addFieldOffset(3, zero, 0);
        quant = b.endObject();
      }
      b.startObject(10);
      b.addFieldOffset(0, shape, 0);
      b.addFieldInt8(1, t.type, 0);
      b.addFieldInt32(2, buffer, 0);
      b.addFieldOffset(3, name, 0);
      if (quant) b.addFieldOffset(4, quant, 0);
      return b.endObject();
    });
    const ops = sg.ops.map((op) => {
      let code = codes.indexOf(op.code);
      if (code < 0) code = codes.push(op.code) - 1;
      const inputs = int32Vector(b, op.inputs);
      const outputs = int32Vector(b, op.outputs);
      const options = op.options ? op.options(b) : 0;
      let custom = 0;
      if (op.customOptions) custom = b.createByteVector(op.customOptions);
      b.startObject(13);
      b.addFieldInt32(0, code, 0);
      b.addFieldOffset(1, inputs, 0);
      b.addFieldOffset(2, outputs, 0);
      if (op.optionsType) b.addFieldInt8(3, op.optionsType, 0);
      if (options) b.addFieldOffset(4, options, 0);
      if (custom) b.addFieldOffset(5, custom, 0);
      return b.endObject();
    });
    const tensorVector = offsets(b, tensors);
    const inputs = int32Vector(b, sg.inputs);
    const outputs = int32Vector(b, sg.outputs);
    const opVector = offsets(b, ops);
    const name = b.createString(sg.name);
    b.startObject(5);
    b.addFieldOffset(0, tensorVector, 0);
    b.addFieldOffset(1, inputs, 0);
    b.addFieldOffset(2, outputs, 0);
    b.addFieldOffset(3, opVector, 0);
    b.addFieldOffset(4, name, 0);
    return b.endObject();
  });
  const codeOffsets = codes.map((code) => {
    const custom = typeof code === 'string' ? b.createString(code) : 0;
    const builtin = typeof code === 'string' ? 32 : code;
    b.startObject(4);
    b.addFieldInt8(0, Math.min(builtin, 127), 0);
    if (custom) b.addFieldOffset(1, custom, 0);
    b.addFieldInt32(2, 1, 1);
    b.addFieldInt32(3, builtin, 0);
    return b.endObject();
  });
  const signatureOffsets = signatures.map((sig) => {
    const sg = subgraphs[sig.subgraph]!;
    const map = (list: number[]) =>
      offsets(
        b,
        list.map((t) => {
          const name = b.createString(sg.tensors[t]!.name);
          b.startObject(2);
          b.addFieldOffset(0, name, 0);
          b.addFieldInt32(1, t, 0);
          return b.endObject();
        }),
      );
    const inputs = map(sg.inputs);
    const outputs = map(sg.outputs);
    const key = b.createString(sig.key);
    b.startObject(5);
    b.addFieldOffset(0, inputs, 0);
    b.addFieldOffset(1, outputs, 0);
    b.addFieldOffset(2, key, 0);
    b.addFieldInt32(4, sig.subgraph, 0);
    return b.endObject();
  });
  const bufferOffsets = buffers.map((data) => {
    let vector = 0;
    if (data.length) {
      b.startVector(1, data.length, 16);
      for (let i = data.length - 1; i >= 0; i--) b.addInt8(data[i]!);
      vector = b.endVector();
    }
    b.startObject(3);
    if (vector) b.addFieldOffset(0, vector, 0);
    return b.endObject();
  });
  const description = b.createString('tiny test model');
  const codesVector = offsets(b, codeOffsets);
  const subgraphsVector = offsets(b, subgraphOffsets);
  const buffersVector = offsets(b, bufferOffsets);
  const signaturesVector = offsets(b, signatureOffsets);
  b.startObject(8);
  b.addFieldInt32(0, 3, 0);
  b.addFieldOffset(1, codesVector, 0);
  b.addFieldOffset(2, subgraphsVector, 0);
  b.addFieldOffset(3, description, 0);
  b.addFieldOffset(4, buffersVector, 0);
  b.addFieldOffset(7, signaturesVector, 0);
  b.finish(b.endObject(), 'TFL3');
  return b.asUint8Array().slice();
}

/** A float subgraph: input [1, h, w, cin] -> 1x1 CONV_2D (cout) -> output, weights from `seed`. */
export function pointwiseSubgraph(name: string, h: number, cin: number, cout: number, seed: number): TinySubgraph {
  return {
    name,
    tensors: [
      { name: `${name}/input`, shape: [1, h, h, cin], type: T.FLOAT32 },
      { name: `${name}/conv/filter`, shape: [cout, 1, 1, cin], type: T.FLOAT32, data: floats(randomValues(cout * cin, seed)) },
      { name: `${name}/conv/bias`, shape: [cout], type: T.FLOAT32, data: floats(randomValues(cout, seed + 1)) },
      { name: `${name}/output`, shape: [1, h, h, cout], type: T.FLOAT32 },
    ],
    inputs: [0],
    outputs: [3],
    ops: [{ code: 3, inputs: [0, 1, 2], outputs: [3], optionsType: 1, options: conv2dOptions }],
  };
}

/** A fully int8-quantized 1x1 convolution (input, filter and output int8 with scales, int32 bias). */
export function int8PointwiseModel(): Uint8Array {
  return writeTinyModel([
    {
      name: 'main',
      tensors: [
        { name: 'input', shape: [1, 2, 2, 8], type: T.INT8, quant: { scale: [0.1], zeroPoint: [0] } },
        {
          name: 'filter',
          shape: [4, 1, 1, 8],
          type: T.INT8,
          data: new Uint8Array(32).fill(3),
          quant: { scale: [0.02], zeroPoint: [0] },
        },
        { name: 'bias', shape: [4], type: T.INT32, data: ints([1, 2, 3, 4]), quant: { scale: [0.002], zeroPoint: [0] } },
        { name: 'output', shape: [1, 2, 2, 4], type: T.INT8, quant: { scale: [0.1], zeroPoint: [0] } },
      ],
      inputs: [0],
      outputs: [3],
      ops: [{ code: 3, inputs: [0, 1, 2], outputs: [3], optionsType: 1, options: conv2dOptions }],
    },
  ]);
}
