import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertToTflite } from '../../electron/core/tflite/convert';
import { inspectTfliteBytes } from '../../electron/core/tflite/inspect';
import { UserError } from '../../electron/core/util/errors';
import { createRng } from '../../electron/core/util/rng';
import { testModel } from './test-model';

const { spec, weights } = testModel(11);
const valid = convertToTflite(spec, weights, { sparse: true }).bytes;

function expectCorrupt(bytes: Uint8Array, what: string): void {
  assert.throws(
    () => inspectTfliteBytes(bytes, 'bad.tflite'),
    (error: unknown) => error instanceof UserError && error.code === 'TFLITE_CORRUPT' && error.message.includes('bad.tflite'),
    what,
  );
}

/** A damaged file may still parse; it must never fail with anything but a UserError. */
function expectParsedOrCorrupt(bytes: Uint8Array, what: string): void {
  try {
    inspectTfliteBytes(bytes, 'bad.tflite');
  } catch (error) {
    assert.ok(error instanceof UserError && error.code === 'TFLITE_CORRUPT', `${what}: ${String(error)}`);
  }
}

function patched(offset: number, value: number, width: 2 | 4): Uint8Array {
  const copy = valid.slice();
  const view = new DataView(copy.buffer);
  if (width === 4) view.setUint32(offset, value, true);
  else view.setUint16(offset, value, true);
  return copy;
}

test('the valid file inspects (control)', () => {
  assert.equal(inspectTfliteBytes(valid, 'ok.tflite').subgraphs[0]!.operators.length, 12);
});

test('empty, tiny and non-TFLite inputs', () => {
  expectCorrupt(new Uint8Array(0), 'empty');
  expectCorrupt(new Uint8Array(7), '7 bytes');
  expectCorrupt(new TextEncoder().encode('{"format": "sparse-studio-model", "version": 1}'), 'JSON');
  expectCorrupt(new TextEncoder().encode('PK\u0003\u0004 zip file'), 'zip');
});

test('flipped file identifier', () => {
  const copy = valid.slice();
  copy[4] = 'X'.charCodeAt(0);
  expectCorrupt(copy, 'TFL3 -> XFL3');
});

test('every truncation of the file is rejected', () => {
  for (let length = 0; length < valid.length; length += length < 256 ? 1 : 37)
    expectCorrupt(valid.subarray(0, length), `truncated to ${length}`);
});

test('out-of-range offsets: root, vtable, and a vector length', () => {
  expectCorrupt(patched(0, 0xfffffff0, 4), 'root offset past the end');
  expectCorrupt(patched(0, valid.length - 2, 4), 'root table straddles the end');
  const root = new DataView(valid.buffer, valid.byteOffset).getUint32(0, true);
  expectCorrupt(patched(root, 0x7ffffff0, 4), 'vtable offset far outside');
  expectCorrupt(patched(root, (-valid.length * 2) >>> 0, 4), 'vtable after the end');
  // The Model table's field 2 (subgraphs): point it at a huge length.
  const vtable = root - new DataView(valid.buffer, valid.byteOffset).getInt32(root, true);
  const subgraphsField = root + new DataView(valid.buffer, valid.byteOffset).getUint16(vtable + 4 + 2 * 2, true);
  const subgraphs = subgraphsField + new DataView(valid.buffer, valid.byteOffset).getUint32(subgraphsField, true);
  expectCorrupt(patched(subgraphs, 0x40000000, 4), 'vector length beyond the file');
  expectCorrupt(patched(subgraphsField, 0xfffffff0, 4), 'vector offset beyond the file');
});

test('random bytes are rejected quickly', () => {
  const rng = createRng(5);
  const started = Date.now();
  for (let n = 0; n < 200; n++) {
    const bytes = Uint8Array.from({ length: 8 + Math.floor(rng.next() * 4000) }, () => Math.floor(rng.next() * 256));
    if (n % 2 === 0) bytes.set([84, 70, 76, 51], 4); // 'TFL3' so that the reader goes past the identifier check
    expectParsedOrCorrupt(bytes, `random ${n}`);
  }
  assert.ok(Date.now() - started < 10_000);
});

test('single-byte and single-word mutations of a valid file never crash the inspector', () => {
  const rng = createRng(9);
  for (let n = 0; n < 1500; n++) {
    const copy = valid.slice();
    const at = Math.floor(rng.next() * (copy.length - 4));
    if (n % 3 === 0) new DataView(copy.buffer).setUint32(at, Math.floor(rng.next() * 2 ** 32), true);
    else copy[at] = Math.floor(rng.next() * 256);
    expectParsedOrCorrupt(copy, `mutation ${n} at ${at}`);
  }
});
