import { FlatBufferReader, type Table } from './flatbuffer-reader';
import type {
  DimensionMetadata,
  QuantizationParameters,
  SparsityParameters,
  TfliteBuffer,
  TfliteModel,
  TfliteOperator,
  TfliteOperatorCode,
  TfliteSignature,
  TfliteSubgraph,
  TfliteTensor,
} from './model-types';
import { readOptions } from './read-options';
import { TFLITE_FILE_IDENTIFIER } from './schema-constants';
import { verifyModel } from './verify-model';
import { BUILTIN_OPTIONS_NAMES, TENSOR_TYPE_NAMES, builtinOperatorName } from './schema-names';

const INDEX_TYPES = ['none', 'int32', 'uint16', 'uint8'] as const;

function readIndexVector(
  dim: Table,
  typeSlot: number,
  what: string,
): { type: DimensionMetadata['segmentsType']; values: number[] } {
  const typeCode = dim.u8(typeSlot);
  const type = INDEX_TYPES[typeCode];
  if (!type) dim.reader.fail(`${what} has unknown index vector type ${typeCode}`);
  if (type === 'none') return { type, values: [] };
  const table = dim.table(typeSlot + 1, what);
  if (!table) return { type, values: [] };
  const values = type === 'int32' ? table.i32s(0, what) : type === 'uint16' ? table.u16s(0, what) : table.u8s(0, what);
  return { type, values };
}

function readSparsity(table: Table | undefined, what: string): SparsityParameters | undefined {
  if (!table) return undefined;
  const dimMetadata = table.tables(2, `${what} dim_metadata`).map((dim, i): DimensionMetadata => {
    const format = dim.u8(0);
    if (format > 1) dim.reader.fail(`${what} dimension ${i} has unknown format ${format}`);
    const segments = readIndexVector(dim, 2, `${what} dimension ${i} segments`);
    const indices = readIndexVector(dim, 4, `${what} dimension ${i} indices`);
    return {
      format: format === 0 ? 'DENSE' : 'SPARSE_CSR',
      denseSize: dim.i32(1),
      segmentsType: segments.type,
      segments: segments.values,
      indicesType: indices.type,
      indices: indices.values,
    };
  });
  return { traversalOrder: table.i32s(0, `${what} traversal_order`), blockMap: table.i32s(1, `${what} block_map`), dimMetadata };
}

function readQuantization(table: Table | undefined, what: string): QuantizationParameters | undefined {
  if (!table) return undefined;
  const q = {
    min: table.f32s(0, `${what} min`),
    max: table.f32s(1, `${what} max`),
    scale: table.f32s(2, `${what} scale`),
    zeroPoint: table.i64s(3, `${what} zero_point`),
    quantizedDimension: table.i32(6),
  };
  return q.scale.length || q.zeroPoint.length || q.min.length || q.max.length ? q : undefined;
}

function readTensor(table: Table, index: number): TfliteTensor {
  const what = `tensor ${index}`;
  const typeCode = table.i8(1);
  return {
    index,
    name: table.string(3, `${what} name`) ?? '',
    shape: table.i32s(0, `${what} shape`),
    shapeSignature: table.has(7) ? table.i32s(7, `${what} shape_signature`) : undefined,
    type: TENSOR_TYPE_NAMES[typeCode] ?? `type ${typeCode}`,
    typeCode,
    buffer: table.u32(2),
    isVariable: table.bool(5),
    quantization: readQuantization(table.table(4, `${what} quantization`), what),
    sparsity: readSparsity(table.table(6, `${what} sparsity`), `${what} sparsity`),
  };
}

function readOperatorCode(table: Table, index: number): TfliteOperatorCode {
  const deprecatedBuiltinCode = table.i8(0);
  const builtinCode = Math.max(table.i32(3), deprecatedBuiltinCode);
  const customCode = table.string(1, `operator code ${index} custom_code`);
  return {
    builtinCode,
    deprecatedBuiltinCode,
    customCode,
    version: table.i32(2, 1),
    name: customCode ?? builtinOperatorName(builtinCode),
  };
}

function readOperator(table: Table, index: number, codes: TfliteOperatorCode[], subgraph: number): TfliteOperator {
  const what = `subgraph ${subgraph} operator ${index}`;
  const opcodeIndex = table.u32(0);
  const code = codes[opcodeIndex];
  if (!code) table.reader.fail(`${what} uses operator code ${opcodeIndex}, but the model lists ${codes.length}`);
  const optionsCode = table.u8(3);
  const optionsType = BUILTIN_OPTIONS_NAMES[optionsCode] ?? `options ${optionsCode}`;
  const optionsTable = optionsCode ? table.table(4, `${what} options`) : undefined;
  return {
    index,
    opcodeIndex,
    opName: code.name,
    builtinCode: code.builtinCode,
    version: code.version,
    inputs: table.i32s(1, `${what} inputs`),
    outputs: table.i32s(2, `${what} outputs`),
    optionsType,
    options: readOptions(optionsType, optionsTable),
  };
}

function checkTensorRefs(model: TfliteModel, reader: FlatBufferReader): void {
  model.subgraphs.forEach((sg, s) => {
    const n = sg.tensors.length;
    const bad = (i: number, optional: boolean): boolean => !Number.isInteger(i) || i >= n || i < (optional ? -1 : 0);
    for (const t of sg.tensors) {
      if (t.buffer >= model.buffers.length)
        reader.fail(`subgraph ${s} tensor ${t.index} uses buffer ${t.buffer} of ${model.buffers.length}`);
    }
    for (const i of [...sg.inputs, ...sg.outputs])
      if (bad(i, false)) reader.fail(`subgraph ${s} input/output tensor ${i} does not exist`);
    for (const op of sg.operators) {
      for (const i of op.inputs) if (bad(i, true)) reader.fail(`subgraph ${s} operator ${op.index} reads tensor ${i} of ${n}`);
      for (const i of op.outputs) if (bad(i, false)) reader.fail(`subgraph ${s} operator ${op.index} writes tensor ${i} of ${n}`);
    }
  });
  for (const m of model.metadata) {
    if (m.buffer >= model.buffers.length) reader.fail(`metadata '${m.name}' uses buffer ${m.buffer} of ${model.buffers.length}`);
  }
}

function readSubgraph(table: Table, index: number, codes: TfliteOperatorCode[]): TfliteSubgraph {
  const what = `subgraph ${index}`;
  return {
    name: table.string(4, `${what} name`) ?? '',
    tensors: table.tables(0, `${what} tensors`).map(readTensor),
    inputs: table.i32s(1, `${what} inputs`),
    outputs: table.i32s(2, `${what} outputs`),
    operators: table.tables(3, `${what} operators`).map((op, i) => readOperator(op, i, codes, index)),
  };
}

function readBuffer(table: Table, index: number): TfliteBuffer {
  const vector = table.vector(0, 1, `buffer ${index} data`);
  const offset = Number(table.u64(1));
  const size = Number(table.u64(2));
  return {
    data: vector ? table.reader.bytes.subarray(vector.start, vector.start + vector.length) : new Uint8Array(0),
    fileOffset: vector && vector.length > 0 ? vector.start : -1,
    external: offset > 1 ? { offset, size } : undefined,
  };
}

function readSignature(table: Table, index: number): TfliteSignature {
  const what = `signature ${index}`;
  const maps = (slot: number, kind: string) =>
    table
      .tables(slot, `${what} ${kind}`)
      .map((m) => ({ name: m.string(0, `${what} ${kind} name`) ?? '', tensorIndex: m.u32(1) }));
  return {
    key: table.string(2, `${what} key`) ?? '',
    subgraphIndex: table.u32(4),
    inputs: maps(0, 'inputs'),
    outputs: maps(1, 'outputs'),
  };
}

/** Parses a .tflite file. Anything malformed raises a UserError naming `file`; nothing is trusted unchecked. */
export function readTflite(bytes: Uint8Array, file: string): TfliteModel {
  const reader = new FlatBufferReader(bytes, file);
  if (bytes.length < 8) reader.fail(`only ${bytes.length} bytes long`);
  const identifier = new TextDecoder().decode(bytes.subarray(4, 8));
  if (identifier !== TFLITE_FILE_IDENTIFIER) {
    reader.fail(`the file identifier is '${identifier.replace(/[^\x20-\x7e]/g, '?')}', expected '${TFLITE_FILE_IDENTIFIER}'`);
  }
  const root = reader.root();
  const operatorCodes = root.tables(1, 'operator_codes').map(readOperatorCode);
  const model: TfliteModel = {
    fileBytes: bytes.length,
    version: root.u32(0),
    description: root.string(3, 'description'),
    operatorCodes,
    subgraphs: root.tables(2, 'subgraphs').map((sg, i) => readSubgraph(sg, i, operatorCodes)),
    buffers: root.tables(4, 'buffers').map(readBuffer),
    metadata: root.tables(6, 'metadata').map((m, i) => ({ name: m.string(0, `metadata ${i} name`) ?? '', buffer: m.u32(1) })),
    signatures: root.tables(7, 'signature_defs').map(readSignature),
  };
  if (model.subgraphs.length === 0) reader.fail('it has no subgraph');
  checkTensorRefs(model, reader);
  verifyModel(model, reader);
  return model;
}
