import { Builder } from 'flatbuffers';
import type { FlatBufferReader, Table } from './flatbuffer-reader';
import { UserError } from '../util/errors';

/** A field's storage: a scalar of 1, 2, 4 or 8 bytes, or an offset to a table, vector or string. */
export type FieldKind = 1 | 2 | 4 | 8 | 'offset';

/** A replacement for one field of a copied table: a scalar value, an offset made by this builder, or absent. */
export type FieldOverride =
  { kind: 'scalar'; size: 1 | 2 | 4 | 8; value: number | bigint } | { kind: 'offset'; offset: number } | { kind: 'absent' };

/**
 * Builds a new flatbuffer in front of an unchanged copy of an existing one. FlatBuffers offsets are relative and
 * point forward, so the original bytes stay valid wherever they are moved as a whole, and new tables placed before
 * them can reference any of their tables, vectors and strings. Whatever the new tables do not replace is kept
 * byte for byte, including tables this code does not understand (unknown operators' options, custom options,
 * fields from newer schemas).
 */
export class PrependBuilder {
  readonly builder: Builder;
  readonly reader: FlatBufferReader;
  /** Builder offset of the original's byte 0. */
  readonly #base: number;

  constructor(reader: FlatBufferReader, extraCapacity: number) {
    const original = reader.bytes;
    this.reader = reader;
    this.builder = new Builder(original.length + extraCapacity + 1024);
    this.builder.forceDefaults(true);
    // Start the copy on a 16-byte boundary of the final file so that every alignment inside it (buffer data is
    // force_align 16) holds as it did in the original.
    this.builder.prep(16, original.length);
    this.#base = this.builder.createByteVector(original) - 4;
  }

  /** The builder offset of the object at `position` in the original file. */
  original(position: number): number {
    if (position <= 0 || position >= this.reader.bytes.length) this.reader.fail(`offset to byte ${position}`);
    return this.#base - position;
  }

  /** The target position of the offset field `slot` of `table`, or undefined when the field is absent. */
  target(table: Table, slot: number): number | undefined {
    const at = table.field(slot);
    return at ? at + this.reader.u32(at, `${table.what} field ${slot}`) : undefined;
  }

  /** Builder offset of the object the offset field `slot` of `table` points at (0 when absent). */
  originalField(table: Table, slot: number): number {
    const position = this.target(table, slot);
    return position === undefined ? 0 : this.original(position);
  }

  /** Number of field slots in the table's vtable (present or not). */
  slotCount(table: Table): number {
    const vtable = table.position - this.reader.i32(table.position, `${table.what} vtable offset`);
    return (this.reader.u16(vtable, `${table.what} vtable`) - 4) / 2;
  }

  /**
   * A new table with every field of `table` copied (scalars by value, offsets pointing at the original objects)
   * except the overridden ones. Refuses a table that has fields beyond `kinds` (a newer schema), since their
   * storage is unknown; `refusal` names the table for the user.
   */
  copyTable(table: Table, kinds: readonly FieldKind[], overrides: ReadonlyMap<number, FieldOverride>, refusal: string): number {
    const slots = this.slotCount(table);
    for (let slot = kinds.length; slot < slots; slot++) {
      if (table.has(slot)) {
        throw new UserError(
          'TFLITE_UNSUPPORTED_FIELD',
          `${this.reader.file}: ${refusal} has field ${slot}, which this version of Sparse Studio does not know, so it cannot be rewritten safely`,
          'The file was written with a newer TFLite schema. Re-export it with an older converter, or leave this layer out.',
        );
      }
    }
    const b = this.builder;
    const fieldCount = Math.max(kinds.length, ...[...overrides.keys()].map((k) => k + 1));
    const copies = kinds.map((kind, slot) =>
      overrides.has(slot) || !table.has(slot) ? undefined : this.#readField(table, slot, kind),
    );
    b.startObject(fieldCount);
    for (let slot = 0; slot < fieldCount; slot++) {
      const field = overrides.get(slot) ?? copies[slot];
      if (field) this.#addField(slot, field);
    }
    return b.endObject();
  }

  #readField(table: Table, slot: number, kind: FieldKind): FieldOverride {
    const at = table.field(slot);
    const what = `${table.what} field ${slot}`;
    const r = this.reader;
    switch (kind) {
      case 'offset':
        return { kind: 'offset', offset: this.originalField(table, slot) };
      case 1:
        return { kind: 'scalar', size: 1, value: r.i8(at, what) };
      case 2:
        return { kind: 'scalar', size: 2, value: r.i16(at, what) };
      case 4:
        return { kind: 'scalar', size: 4, value: r.i32(at, what) };
      case 8:
        return { kind: 'scalar', size: 8, value: r.i64(at, what) };
    }
  }

  #addField(slot: number, field: FieldOverride): void {
    const b = this.builder;
    if (field.kind === 'absent') return;
    if (field.kind === 'offset') {
      if (field.offset) b.addFieldOffset(slot, field.offset, 0);
      return;
    }
    const { size, value } = field;
    if (size === 8) b.addFieldInt64(slot, BigInt(value), 0n);
    else if (size === 4) b.addFieldInt32(slot, Number(value), 0);
    else if (size === 2) b.addFieldInt16(slot, Number(value), 0);
    else b.addFieldInt8(slot, Number(value), 0);
  }

  offsetVector(offsets: readonly number[]): number {
    const b = this.builder;
    b.startVector(4, offsets.length, 4);
    for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]!);
    return b.endVector();
  }

  int32Vector(values: readonly number[]): number {
    const b = this.builder;
    b.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i]!);
    return b.endVector();
  }

  /** A byte vector aligned to `alignment` (16 for Buffer.data, as the schema's force_align asks). */
  bytesVector(bytes: Uint8Array, alignment: number): number {
    const b = this.builder;
    b.prep(Math.max(alignment, 4), bytes.length);
    return b.createByteVector(bytes);
  }

  finish(root: number, identifier: string): Uint8Array {
    this.builder.finish(root, identifier);
    return this.builder.asUint8Array().slice();
  }
}
