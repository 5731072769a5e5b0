import { UserError } from '../util/errors';

/** Upper bound on elements read from one file, so that a crafted file cannot make the reader loop for minutes. */
const DEFAULT_ELEMENT_BUDGET = 64 * 1024 * 1024;

/**
 * A FlatBuffers reader that checks every offset against the file's bounds and reports any violation as a
 * UserError naming the file. Generated FlatBuffers code trusts its input; a user's file may be anything.
 */
export class FlatBufferReader {
  readonly bytes: Uint8Array;
  readonly file: string;
  readonly #view: DataView;
  #budget: number;

  constructor(bytes: Uint8Array, file: string, budget = DEFAULT_ELEMENT_BUDGET) {
    this.bytes = bytes;
    this.file = file;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#budget = budget;
  }

  fail(what: string): never {
    throw new UserError(
      'TFLITE_CORRUPT',
      `${this.file} is not a valid TFLite model: ${what}`,
      'The file is truncated or damaged, or not a .tflite file. Convert or download it again.',
    );
  }

  charge(elements: number): void {
    this.#budget -= elements;
    if (this.#budget < 0) this.fail('it references more data than the file could hold (looping or overlapping offsets)');
  }

  check(offset: number, size: number, what: string): void {
    if (!Number.isInteger(offset) || offset < 0 || size < 0 || offset + size > this.bytes.length) {
      this.fail(`${what} at byte ${offset} (${size} bytes) lies outside the file (${this.bytes.length} bytes)`);
    }
  }

  u8(offset: number, what = 'byte'): number {
    this.check(offset, 1, what);
    return this.#view.getUint8(offset);
  }
  i8(offset: number, what = 'byte'): number {
    this.check(offset, 1, what);
    return this.#view.getInt8(offset);
  }
  u16(offset: number, what = 'uint16'): number {
    this.check(offset, 2, what);
    return this.#view.getUint16(offset, true);
  }
  i16(offset: number, what = 'int16'): number {
    this.check(offset, 2, what);
    return this.#view.getInt16(offset, true);
  }
  u32(offset: number, what = 'uint32'): number {
    this.check(offset, 4, what);
    return this.#view.getUint32(offset, true);
  }
  i32(offset: number, what = 'int32'): number {
    this.check(offset, 4, what);
    return this.#view.getInt32(offset, true);
  }
  f32(offset: number, what = 'float'): number {
    this.check(offset, 4, what);
    return this.#view.getFloat32(offset, true);
  }
  i64(offset: number, what = 'int64'): bigint {
    this.check(offset, 8, what);
    return this.#view.getBigInt64(offset, true);
  }
  u64(offset: number, what = 'uint64'): bigint {
    this.check(offset, 8, what);
    return this.#view.getBigUint64(offset, true);
  }

  /** The root table (the uoffset at byte 0). */
  root(): Table {
    if (this.bytes.length < 8) this.fail(`only ${this.bytes.length} bytes long`);
    return this.table(this.u32(0, 'root offset'), 'root table');
  }

  table(position: number, what: string): Table {
    return new Table(this, position, what);
  }
}

/** One table: its position and its vtable, with typed, bounds-checked field access by slot. */
export class Table {
  readonly reader: FlatBufferReader;
  readonly position: number;
  readonly what: string;
  readonly #vtable: number;
  readonly #vtableSize: number;
  readonly #objectSize: number;

  constructor(reader: FlatBufferReader, position: number, what: string) {
    this.reader = reader;
    this.position = position;
    this.what = what;
    reader.check(position, 4, what);
    reader.charge(1);
    this.#vtable = position - reader.i32(position, `${what} vtable offset`);
    this.#vtableSize = reader.u16(this.#vtable, `${what} vtable`);
    this.#objectSize = reader.u16(this.#vtable + 2, `${what} vtable`);
    if (this.#vtableSize < 4 || this.#vtableSize % 2 !== 0)
      reader.fail(`${what} has a malformed vtable (size ${this.#vtableSize})`);
    reader.check(this.#vtable, this.#vtableSize, `${what} vtable`);
    reader.check(position, this.#objectSize, what);
  }

  /** Absolute position of field `slot`, or 0 when absent. */
  field(slot: number): number {
    const entry = 4 + 2 * slot;
    if (entry + 2 > this.#vtableSize) return 0;
    const offset = this.reader.u16(this.#vtable + entry);
    if (offset === 0) return 0;
    if (offset >= this.#objectSize) this.reader.fail(`${this.what} field ${slot} points outside its table`);
    return this.position + offset;
  }

  has(slot: number): boolean {
    return this.field(slot) !== 0;
  }

  u8(slot: number, fallback = 0): number {
    const at = this.field(slot);
    return at ? this.reader.u8(at, `${this.what} field ${slot}`) : fallback;
  }
  i8(slot: number, fallback = 0): number {
    const at = this.field(slot);
    return at ? this.reader.i8(at, `${this.what} field ${slot}`) : fallback;
  }
  bool(slot: number, fallback = false): boolean {
    const at = this.field(slot);
    return at ? this.reader.u8(at) !== 0 : fallback;
  }
  i32(slot: number, fallback = 0): number {
    const at = this.field(slot);
    return at ? this.reader.i32(at, `${this.what} field ${slot}`) : fallback;
  }
  u32(slot: number, fallback = 0): number {
    const at = this.field(slot);
    return at ? this.reader.u32(at, `${this.what} field ${slot}`) : fallback;
  }
  f32(slot: number, fallback = 0): number {
    const at = this.field(slot);
    return at ? this.reader.f32(at, `${this.what} field ${slot}`) : fallback;
  }
  u64(slot: number, fallback = 0n): bigint {
    const at = this.field(slot);
    return at ? this.reader.u64(at, `${this.what} field ${slot}`) : fallback;
  }

  #indirect(at: number, what: string): number {
    return at + this.reader.u32(at, what);
  }

  table(slot: number, what: string): Table | undefined {
    const at = this.field(slot);
    return at ? this.reader.table(this.#indirect(at, what), what) : undefined;
  }

  /** Start and length of a vector of `elementSize`-byte elements, checked to fit in the file. */
  vector(slot: number, elementSize: number, what: string): { start: number; length: number } | undefined {
    const at = this.field(slot);
    if (!at) return undefined;
    const position = this.#indirect(at, what);
    const length = this.reader.u32(position, `${what} length`);
    this.reader.check(position + 4, length * elementSize, what);
    this.reader.charge(length);
    return { start: position + 4, length };
  }

  string(slot: number, what: string): string | undefined {
    const vector = this.vector(slot, 1, what);
    if (!vector) return undefined;
    return new TextDecoder().decode(this.reader.bytes.subarray(vector.start, vector.start + vector.length));
  }

  bytes(slot: number, what: string): Uint8Array | undefined {
    const vector = this.vector(slot, 1, what);
    return vector ? this.reader.bytes.subarray(vector.start, vector.start + vector.length) : undefined;
  }

  i32s(slot: number, what: string): number[] {
    const vector = this.vector(slot, 4, what);
    if (!vector) return [];
    return Array.from({ length: vector.length }, (_, i) => this.reader.i32(vector.start + 4 * i, what));
  }
  u16s(slot: number, what: string): number[] {
    const vector = this.vector(slot, 2, what);
    if (!vector) return [];
    return Array.from({ length: vector.length }, (_, i) => this.reader.u16(vector.start + 2 * i, what));
  }
  u8s(slot: number, what: string): number[] {
    const vector = this.vector(slot, 1, what);
    if (!vector) return [];
    return Array.from(this.reader.bytes.subarray(vector.start, vector.start + vector.length));
  }
  f32s(slot: number, what: string): number[] {
    const vector = this.vector(slot, 4, what);
    if (!vector) return [];
    return Array.from({ length: vector.length }, (_, i) => this.reader.f32(vector.start + 4 * i, what));
  }
  i64s(slot: number, what: string): number[] {
    const vector = this.vector(slot, 8, what);
    if (!vector) return [];
    return Array.from({ length: vector.length }, (_, i) => Number(this.reader.i64(vector.start + 8 * i, what)));
  }

  tables(slot: number, what: string): Table[] {
    const vector = this.vector(slot, 4, what);
    if (!vector) return [];
    return Array.from({ length: vector.length }, (_, i) => {
      const at = vector.start + 4 * i;
      return this.reader.table(at + this.reader.u32(at, what), `${what}[${i}]`);
    });
  }
}
