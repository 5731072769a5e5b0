// A deterministic corpus of damaged .tflite files made from files the converter writes: truncations, bit flips,
// edited offsets and edited sparsity fields (dense sizes, traversal order, CSR segments and indices).
import { convertToTflite } from '../../electron/core/tflite/convert';
import { FlatBufferReader, type Table } from '../../electron/core/tflite/flatbuffer-reader';
import { createRng, type Rng } from '../../electron/core/util/rng';
import { testModel } from './test-model';

export interface FuzzCase {
  name: string;
  bytes: Uint8Array;
}

/** Where a scalar or vector element of the sparsity parameters sits in the file, and its width in bytes. */
interface SparsityField {
  what: string;
  at: number;
  width: 1 | 2 | 4;
}

function vectorElements(table: Table, slot: number, width: 1 | 2 | 4, what: string): SparsityField[] {
  const vector = table.vector(slot, width, what);
  if (!vector) return [];
  return Array.from({ length: vector.length }, (_, i) => ({ what: `${what}[${i}]`, at: vector.start + width * i, width }));
}

const INDEX_WIDTH: Record<number, 1 | 2 | 4> = { 1: 4, 2: 2, 3: 1 };

/** Positions of every sparsity field of every sparse tensor, found with the bounds-checked reader. */
export function sparsityFields(bytes: Uint8Array): SparsityField[] {
  const root = new FlatBufferReader(bytes, 'corpus.tflite').root();
  const fields: SparsityField[] = [];
  for (const subgraph of root.tables(2, 'subgraphs')) {
    subgraph.tables(0, 'tensors').forEach((tensor, t) => {
      const sparsity = tensor.table(6, 'sparsity');
      if (!sparsity) return;
      fields.push(...vectorElements(sparsity, 0, 4, `tensor ${t} traversal_order`));
      sparsity.tables(2, 'dim_metadata').forEach((dim, d) => {
        const denseSize = dim.field(1);
        if (denseSize) fields.push({ what: `tensor ${t} dim ${d} dense_size`, at: denseSize, width: 4 });
        for (const [typeSlot, name] of [
          [2, 'segments'],
          [4, 'indices'],
        ] as const) {
          const width = INDEX_WIDTH[dim.u8(typeSlot)];
          const vector = dim.table(typeSlot + 1, name);
          if (width && vector) fields.push(...vectorElements(vector, 0, width, `tensor ${t} dim ${d} ${name}`));
        }
      });
    });
  }
  return fields;
}

function write(bytes: Uint8Array, at: number, width: 1 | 2 | 4, value: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  if (width === 4) view.setUint32(at, value >>> 0, true);
  else if (width === 2) view.setUint16(at, value & 0xffff, true);
  else view.setUint8(at, value & 0xff);
  return copy;
}

function read(bytes: Uint8Array, at: number, width: 1 | 2 | 4): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return width === 4 ? view.getInt32(at, true) : width === 2 ? view.getUint16(at, true) : view.getUint8(at);
}

function truncations(name: string, bytes: Uint8Array, count: number, rng: Rng): FuzzCase[] {
  return Array.from({ length: count }, (_, i) => {
    const length = i < 8 ? i * 3 : rng.int(bytes.length);
    return { name: `${name} truncated to ${length}`, bytes: bytes.slice(0, length) };
  });
}

function bitFlips(name: string, bytes: Uint8Array, count: number, rng: Rng): FuzzCase[] {
  return Array.from({ length: count }, () => {
    const copy = bytes.slice();
    const at = rng.int(copy.length);
    const bit = rng.int(8);
    copy[at]! ^= 1 << bit;
    return { name: `${name} bit ${bit} of byte ${at} flipped`, bytes: copy };
  });
}

function offsetEdits(name: string, bytes: Uint8Array, count: number, rng: Rng): FuzzCase[] {
  const deltas = [4, -4, 8, -8, 64, -64, 0x7fffffff, 0x80000000, 0xfffffffc];
  return Array.from({ length: count }, () => {
    const at = 4 * rng.int(Math.floor(bytes.length / 4));
    const delta = deltas[rng.int(deltas.length)]!;
    const value = delta >= 0x7fffffff ? delta : read(bytes, at, 4) + delta;
    return { name: `${name} word at ${at} set to ${value >>> 0}`, bytes: write(bytes, at, 4, value) };
  });
}

/** Values that a runtime trusting the file would act on: huge, negative, one past the end, out of order. */
function sparsityEdits(name: string, bytes: Uint8Array): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const field of sparsityFields(bytes)) {
    const original = read(bytes, field.at, field.width);
    const values = field.what.endsWith('dense_size')
      ? [2 ** 28, original + 1, original - 1, 0, -1]
      : field.what.includes('traversal_order')
        ? [7, -1, original === 0 ? 1 : 0]
        : [original + 1, original + 200, 0xffff, -1];
    for (const value of values)
      cases.push({ name: `${name} ${field.what} ${original} -> ${value}`, bytes: write(bytes, field.at, field.width, value) });
  }
  return cases;
}

/** The corpus: the same files and mutations on every run (seeded), about 400 files. */
export function fuzzCorpus(): FuzzCase[] {
  const { spec, weights } = testModel(21);
  const sources = {
    dense: convertToTflite(spec, weights, { sparse: false }).bytes,
    sparse: convertToTflite(spec, weights, { sparse: true }).bytes,
  };
  const rng = createRng(1414);
  const cases: FuzzCase[] = [];
  for (const [name, bytes] of Object.entries(sources)) {
    cases.push(...truncations(name, bytes, 20, rng), ...bitFlips(name, bytes, 60, rng), ...offsetEdits(name, bytes, 40, rng));
  }
  // Sparsity fields repeat per row; keep every kind of field but not every row.
  const sparse = sparsityEdits('sparse', sources.sparse);
  cases.push(...sparse.filter((_, i) => i % Math.max(1, Math.floor(sparse.length / 120)) === 0));
  return cases;
}
