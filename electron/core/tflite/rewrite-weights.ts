import { FlatBufferReader, type Table } from './flatbuffer-reader';
import type { DimensionMetadata, SparsityParameters, TfliteModel } from './model-types';
import { PrependBuilder, type FieldKind, type FieldOverride } from './prepend-builder';
import { MIN_RUNTIME_VERSION_KEY, Op, TFLITE_FILE_IDENTIFIER } from './schema-constants';
import { UserError } from '../util/errors';

// Field storage of the tables the rewriter re-creates (schema.fbs, slot order). Every other table is kept as it is.
const MODEL: FieldKind[] = [4, 'offset', 'offset', 'offset', 'offset', 'offset', 'offset', 'offset'];
const SUBGRAPH: FieldKind[] = ['offset', 'offset', 'offset', 'offset', 'offset'];
const TENSOR: FieldKind[] = ['offset', 1, 4, 'offset', 'offset', 1, 'offset', 'offset', 1, 'offset'];
const OPERATOR: FieldKind[] = [4, 'offset', 'offset', 1, 'offset', 'offset', 1, 'offset', 'offset', 8, 8, 1, 'offset'];

const INDEX_TYPE_CODES: Record<DimensionMetadata['segmentsType'], number> = { none: 0, int32: 1, uint16: 2, uint8: 3 };
const DENSIFY_MIN_RUNTIME = '2.2.0';

/** A new content for one constant tensor. */
export interface WeightRewrite {
  subgraph: number;
  tensor: number;
  /** The tensor's new buffer bytes (little-endian); with `sparsity`, only the stored (non-zero) values. */
  data: Uint8Array;
  sparsity?: SparsityParameters;
  /** Read the tensor through a DENSIFY operator inserted before its first consumer (CONV_2D weights). */
  densify: boolean;
}

export interface RewriteOptions {
  /** Metadata entries to add (name + bytes), e.g. the what-if notice. */
  metadata: { name: string; data: Uint8Array }[];
}

const scalar = (size: 1 | 2 | 4 | 8, value: number): FieldOverride => ({ kind: 'scalar', size, value });
const offset = (at: number): FieldOverride => ({ kind: 'offset', offset: at });

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

function writeIndexVector(pb: PrependBuilder, type: DimensionMetadata['segmentsType'], values: number[]): number {
  const b = pb.builder;
  const size = type === 'int32' ? 4 : type === 'uint16' ? 2 : 1;
  b.startVector(size, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) {
    if (size === 4) b.addInt32(values[i]!);
    else if (size === 2) b.addInt16(values[i]!);
    else b.addInt8(values[i]!);
  }
  const vector = b.endVector();
  b.startObject(1);
  b.addFieldOffset(0, vector, 0);
  return b.endObject();
}

function writeSparsity(pb: PrependBuilder, sparsity: SparsityParameters): number {
  const b = pb.builder;
  const dims = sparsity.dimMetadata.map((dim) => {
    const segments = dim.segmentsType === 'none' ? 0 : writeIndexVector(pb, dim.segmentsType, dim.segments);
    const indices = dim.indicesType === 'none' ? 0 : writeIndexVector(pb, dim.indicesType, dim.indices);
    b.startObject(6);
    b.addFieldInt8(0, dim.format === 'DENSE' ? 0 : 1, 0);
    if (dim.format === 'DENSE') b.addFieldInt32(1, dim.denseSize, 0);
    if (segments) {
      b.addFieldInt8(2, INDEX_TYPE_CODES[dim.segmentsType], 0);
      b.addFieldOffset(3, segments, 0);
    }
    if (indices) {
      b.addFieldInt8(4, INDEX_TYPE_CODES[dim.indicesType], 0);
      b.addFieldOffset(5, indices, 0);
    }
    return b.endObject();
  });
  const traversal = pb.int32Vector(sparsity.traversalOrder);
  const blockMap = pb.int32Vector(sparsity.blockMap);
  const dimVector = pb.offsetVector(dims);
  b.startObject(3);
  b.addFieldOffset(0, traversal, 0);
  b.addFieldOffset(1, blockMap, 0);
  b.addFieldOffset(2, dimVector, 0);
  return b.endObject();
}

function writeBuffer(pb: PrependBuilder, data: Uint8Array): number {
  const vector = data.length > 0 ? pb.bytesVector(data, 16) : 0;
  pb.builder.startObject(3);
  if (vector) pb.builder.addFieldOffset(0, vector, 0);
  return pb.builder.endObject();
}

function asciiPadded(text: string, size: number): Uint8Array {
  const out = new Uint8Array(Math.max(size, text.length));
  out.set(new TextEncoder().encode(text));
  return out;
}

function checkRewrites(model: TfliteModel, file: string, rewrites: readonly WeightRewrite[]): void {
  const seen = new Set<string>();
  for (const r of rewrites) {
    const tensor = model.subgraphs[r.subgraph]?.tensors[r.tensor];
    const data = tensor ? model.buffers[tensor.buffer]?.data : undefined;
    if (!tensor || !data || data.length === 0)
      throw new Error(`${file}: subgraph ${r.subgraph} tensor ${r.tensor} is not a constant tensor`);
    const key = `${r.subgraph}/${r.tensor}`;
    if (seen.has(key)) throw new Error(`${file}: tensor ${key} is rewritten twice`);
    seen.add(key);
  }
  const external = model.buffers.findIndex((b) => b.external);
  if (external >= 0) {
    throw new UserError(
      'TFLITE_EXTERNAL_BUFFERS',
      `${file} keeps buffer ${external} outside the flatbuffer (the layout of models over 2 GB); Sparse Studio cannot rewrite such files`,
    );
  }
}

/**
 * Rewrites constant tensors of a .tflite file (new values, optionally sparse and read through DENSIFY) and adds
 * metadata. Everything else — operators (known or not), their options, quantization, signatures, metadata,
 * subgraphs and names — stays byte for byte: the new root, the changed subgraphs, tensors and operators are
 * written in front of an untouched copy of the original and point into it.
 */
export function rewriteWeights(
  bytes: Uint8Array,
  file: string,
  model: TfliteModel,
  rewrites: readonly WeightRewrite[],
  options: RewriteOptions,
): Uint8Array {
  checkRewrites(model, file, rewrites);
  const reader = new FlatBufferReader(bytes, file);
  const root = reader.root();
  const extra = rewrites.reduce((n, r) => n + r.data.length + 64 * (r.sparsity?.dimMetadata.length ?? 0), 0);
  const pb = new PrependBuilder(reader, extra + options.metadata.reduce((n, m) => n + m.data.length, 0));

  // Buffers: a rewritten tensor keeps its buffer index when no other tensor shares it, else gets a new one.
  const bufferTables = root.tables(4, 'buffers');
  const buffers = bufferTables.map((t) => pb.original(t.position));
  const users = new Map<number, number>();
  for (const sg of model.subgraphs) for (const t of sg.tensors) users.set(t.buffer, (users.get(t.buffer) ?? 0) + 1);
  const metadataBuffers = new Set(model.metadata.map((m) => m.buffer));
  const tensorBuffer = new Map<string, number>();
  for (const r of rewrites) {
    const tensor = model.subgraphs[r.subgraph]!.tensors[r.tensor]!;
    const written = writeBuffer(pb, r.data);
    if (users.get(tensor.buffer) === 1 && !metadataBuffers.has(tensor.buffer)) buffers[tensor.buffer] = written;
    else tensorBuffer.set(`${r.subgraph}/${r.tensor}`, buffers.push(written) - 1);
  }

  const densifies = rewrites.some((r) => r.densify);
  // min_runtime_version must cover DENSIFY (2.2.0), as the converter's UpdateMinimumRuntimeVersionForModel does.
  const runtimeEntry = model.metadata.find((m) => m.name === MIN_RUNTIME_VERSION_KEY);
  if (densifies && runtimeEntry && (users.get(runtimeEntry.buffer) ?? 0) === 0) {
    const current = new TextDecoder().decode(model.buffers[runtimeEntry.buffer]!.data).replace(/\0+$/, '');
    if (compareVersions(current, DENSIFY_MIN_RUNTIME) < 0)
      buffers[runtimeEntry.buffer] = writeBuffer(
        pb,
        asciiPadded(DENSIFY_MIN_RUNTIME, model.buffers[runtimeEntry.buffer]!.data.length),
      );
  }
  const addedMetadata = options.metadata.map((m) => ({ name: m.name, buffer: buffers.push(writeBuffer(pb, m.data)) - 1 }));

  // Operator codes: reuse a DENSIFY v1 entry or add one.
  const codeTables = root.tables(1, 'operator_codes');
  const codes = codeTables.map((t) => pb.original(t.position));
  let densifyCode = model.operatorCodes.findIndex((c) => c.builtinCode === Op.DENSIFY && c.version === 1 && !c.customCode);
  if (densifies && densifyCode < 0) {
    pb.builder.startObject(4);
    pb.builder.addFieldInt8(0, Op.DENSIFY, 0);
    pb.builder.addFieldInt32(2, 1, 1);
    pb.builder.addFieldInt32(3, Op.DENSIFY, 0);
    densifyCode = codes.push(pb.builder.endObject()) - 1;
  }

  const subgraphTables = root.tables(2, 'subgraphs');
  const subgraphs = subgraphTables.map((table, s) => {
    const mine = rewrites.filter((r) => r.subgraph === s);
    if (mine.length === 0) return pb.original(table.position);
    return rewriteSubgraph(pb, model, s, table, mine, tensorBuffer, densifyCode);
  });

  const metadataTables = root.tables(6, 'metadata');
  const metadata = [
    ...metadataTables.map((t) => pb.original(t.position)),
    ...addedMetadata.map((m) => {
      const name = pb.builder.createString(m.name);
      pb.builder.startObject(2);
      pb.builder.addFieldOffset(0, name, 0);
      pb.builder.addFieldInt32(1, m.buffer, 0);
      return pb.builder.endObject();
    }),
  ];

  const overrides = new Map<number, FieldOverride>([
    [1, offset(pb.offsetVector(codes))],
    [2, offset(pb.offsetVector(subgraphs))],
    [4, offset(pb.offsetVector(buffers))],
    [6, offset(pb.offsetVector(metadata))],
  ]);
  const newRoot = pb.copyTable(root, MODEL, overrides, 'the model table');
  return pb.finish(newRoot, TFLITE_FILE_IDENTIFIER);
}

function rewriteSubgraph(
  pb: PrependBuilder,
  model: TfliteModel,
  s: number,
  table: Table,
  rewrites: readonly WeightRewrite[],
  tensorBuffer: ReadonlyMap<string, number>,
  densifyCode: number,
): number {
  const sg = model.subgraphs[s]!;
  const tensorTables = table.tables(0, `subgraph ${s} tensors`);
  const tensors = tensorTables.map((t) => pb.original(t.position));
  const redirect = new Map<number, number>();
  for (const r of rewrites) {
    const old = tensorTables[r.tensor]!;
    const overrides = new Map<number, FieldOverride>();
    const buffer = tensorBuffer.get(`${s}/${r.tensor}`);
    if (buffer !== undefined) overrides.set(2, scalar(4, buffer));
    overrides.set(6, r.sparsity ? offset(writeSparsity(pb, r.sparsity)) : { kind: 'absent' });
    tensors[r.tensor] = pb.copyTable(old, TENSOR, overrides, `subgraph ${s} tensor ${r.tensor} '${sg.tensors[r.tensor]!.name}'`);
    if (!r.densify) continue;
    const name = pb.builder.createString(`${sg.tensors[r.tensor]!.name}_densified`);
    const shape = pb.originalField(old, 0);
    pb.builder.startObject(TENSOR.length);
    if (shape) pb.builder.addFieldOffset(0, shape, 0);
    pb.builder.addFieldInt8(1, sg.tensors[r.tensor]!.typeCode, 0);
    pb.builder.addFieldInt32(2, 0, 0);
    pb.builder.addFieldOffset(3, name, 0);
    redirect.set(r.tensor, tensors.push(pb.builder.endObject()) - 1);
  }

  const operatorTables = table.tables(3, `subgraph ${s} operators`);
  const operators: number[] = [];
  const densified = new Set<number>();
  sg.operators.forEach((op, i) => {
    const reads = op.inputs.filter((t) => redirect.has(t));
    for (const weight of reads) {
      if (densified.has(weight)) continue;
      densified.add(weight);
      const inputs = pb.int32Vector([weight]);
      const outputs = pb.int32Vector([redirect.get(weight)!]);
      pb.builder.startObject(OPERATOR.length);
      pb.builder.addFieldInt32(0, densifyCode, 0);
      pb.builder.addFieldOffset(1, inputs, 0);
      pb.builder.addFieldOffset(2, outputs, 0);
      operators.push(pb.builder.endObject());
    }
    if (reads.length === 0) {
      operators.push(pb.original(operatorTables[i]!.position));
      return;
    }
    const inputs = pb.int32Vector(op.inputs.map((t) => redirect.get(t) ?? t));
    operators.push(
      pb.copyTable(operatorTables[i]!, OPERATOR, new Map([[1, offset(inputs)]]), `subgraph ${s} operator ${i} ${op.opName}`),
    );
  });

  const overrides = new Map<number, FieldOverride>([
    [0, offset(pb.offsetVector(tensors))],
    [3, offset(pb.offsetVector(operators))],
  ]);
  return pb.copyTable(table, SUBGRAPH, overrides, `subgraph ${s}`);
}
