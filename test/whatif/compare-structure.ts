// Field-by-field comparison of a .tflite file and its what-if rewrite: everything not targeted must be identical.
import assert from 'node:assert/strict';
import { FlatBufferReader } from '../../electron/core/tflite/flatbuffer-reader';
import type { TfliteModel, TfliteTensor } from '../../electron/core/tflite/model-types';

const DENSIFY = 124;

function tensorFields(t: TfliteTensor): Partial<TfliteTensor> {
  const fields: Partial<TfliteTensor> = { ...t };
  delete fields.index;
  return fields;
}

/**
 * Asserts that `after` is `before` with only the tensors in `targets` ("subgraph/tensor") changed, each read through
 * one new DENSIFY operator; returns the densified tensor index for each target.
 */
export function assertOnlyTargetsChanged(before: TfliteModel, after: TfliteModel, targets: Set<string>): Map<string, number> {
  assert.equal(after.version, before.version);
  assert.equal(after.description, before.description);
  assert.deepEqual(after.signatures, before.signatures);
  assert.deepEqual(after.operatorCodes.slice(0, before.operatorCodes.length), before.operatorCodes);
  assert.deepEqual(
    after.metadata.slice(0, before.metadata.length).map((m) => m.name),
    before.metadata.map((m) => m.name),
  );
  before.metadata.forEach((m, i) => {
    if (m.name === 'min_runtime_version') return; // raised to 2.2.0 for DENSIFY
    assert.deepEqual(after.buffers[after.metadata[i]!.buffer]!.data, before.buffers[m.buffer]!.data, `metadata ${m.name}`);
  });
  assert.equal(after.subgraphs.length, before.subgraphs.length);
  const densified = new Map<string, number>();
  before.subgraphs.forEach((sgBefore, s) => {
    const sgAfter = after.subgraphs[s]!;
    assert.equal(sgAfter.name, sgBefore.name);
    assert.deepEqual(sgAfter.inputs, sgBefore.inputs);
    assert.deepEqual(sgAfter.outputs, sgBefore.outputs);
    sgBefore.tensors.forEach((t, i) => {
      const u = sgAfter.tensors[i]!;
      if (targets.has(`${s}/${i}`)) {
        assert.equal(u.name, t.name);
        assert.deepEqual(u.shape, t.shape);
        assert.equal(u.type, t.type);
        assert.deepEqual(u.quantization, t.quantization);
        assert.ok(u.sparsity, `${t.name} is stored sparse`);
        return;
      }
      assert.deepEqual(tensorFields(u), tensorFields(t), `subgraph ${s} tensor ${i} '${t.name}'`);
      assert.deepEqual(after.buffers[u.buffer]!.data, before.buffers[t.buffer]!.data, `data of '${t.name}'`);
    });
    // New DENSIFY operators read a target and write a new tensor; every other operator is the original one.
    const back = new Map<number, number>();
    const kept = sgAfter.operators.filter((op) => {
      const added = op.builtinCode === DENSIFY && op.outputs.every((o) => o >= sgBefore.tensors.length);
      if (added) {
        assert.equal(op.inputs.length, 1);
        assert.ok(targets.has(`${s}/${op.inputs[0]}`), 'DENSIFY reads a target');
        back.set(op.outputs[0]!, op.inputs[0]!);
        densified.set(`${s}/${op.inputs[0]}`, op.outputs[0]!);
        const out = sgAfter.tensors[op.outputs[0]!]!;
        const source = sgAfter.tensors[op.inputs[0]!]!;
        assert.deepEqual([out.shape, out.type, out.sparsity], [source.shape, source.type, undefined]);
      }
      return !added;
    });
    assert.equal(sgAfter.tensors.length, sgBefore.tensors.length + back.size);
    assert.equal(kept.length, sgBefore.operators.length);
    kept.forEach((op, i) => {
      const original = sgBefore.operators[i]!;
      const strip = (o: typeof op) => ({ ...o, index: 0, inputs: [] });
      assert.deepEqual(strip(op), strip(original), `subgraph ${s} operator ${i} ${original.opName}`);
      assert.deepEqual(
        op.inputs.map((t) => back.get(t) ?? t),
        original.inputs,
        `inputs of ${original.opName} ${i}`,
      );
    });
  });
  return densified;
}

/** The raw bytes of operator `op`'s builtin options table (vtable + inline fields) and custom options, by position. */
export function operatorRawParts(
  bytes: Uint8Array,
  subgraph: number,
  op: number,
  vectorInSlot0 = false,
): { options?: Uint8Array; custom?: Uint8Array } {
  const reader = new FlatBufferReader(bytes, 'test');
  const table = reader.root().tables(2, 'subgraphs')[subgraph]!.tables(3, 'operators')[op]!;
  const parts: { options?: Uint8Array; custom?: Uint8Array } = {};
  const options = table.table(4, 'options');
  if (options) {
    const vtable = options.position - reader.i32(options.position);
    const vtableSize = reader.u16(vtable);
    const objectSize = reader.u16(vtable + 2);
    const bytesOf = (at: number, n: number) => bytes.slice(at, at + n);
    // Follow a vector in slot 0 too (e.g. an options table holding a list).
    const vector = vectorInSlot0 ? options.vector(0, 4, 'options[0]') : undefined;
    parts.options = Uint8Array.from([
      ...bytesOf(vtable, vtableSize),
      ...bytesOf(options.position + 4, objectSize - 4),
      ...(vector ? bytesOf(vector.start, vector.length * 4) : []),
    ]);
  }
  const custom = table.bytes(5, 'custom options');
  if (custom) parts.custom = custom.slice();
  return parts;
}
