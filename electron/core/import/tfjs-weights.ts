// TF.js `weightsManifest` + shards -> named float32 tensors (float32, int32 and the converter's uint8/uint16/float16
// quantization).
import { UserError } from '../util/errors';
import { isObject, type Json } from './keras-json';
import type { SourceTensor } from './weight-source';

/** Reads a file next to model.json (a shard); undefined when it does not exist. */
export type SiblingReader = (name: string) => Promise<Uint8Array | undefined>;

const BYTES: Record<string, number> = { float32: 4, int32: 4, uint8: 1, uint16: 2, float16: 2 };

function float16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** A shard path must stay in model.json's folder (a manifest cannot make us read elsewhere). */
function checkShardPath(path: string, file: string): void {
  if (path.startsWith('/') || path.includes('\\') || path.split('/').includes('..') || /^[a-z]+:/i.test(path))
    throw new UserError('IMPORT_BAD_FILE', `${file}: weight shard path '${path}' leaves the model's folder`, 'Shard paths must be file names next to model.json.');
}

export async function readTfjsWeights(manifest: Json | undefined, file: string, readSibling: SiblingReader): Promise<SourceTensor[]> {
  if (!Array.isArray(manifest))
    throw new UserError('IMPORT_NO_WEIGHTS', `${file} has no weightsManifest (a topology without weights)`, 'Export the model with its weights (tensorflowjs_converter or model.save()).');
  const tensors: SourceTensor[] = [];
  for (const [g, group] of manifest.entries()) {
    if (!isObject(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights))
      throw new UserError('IMPORT_BAD_FILE', `${file}: weightsManifest[${g}] needs paths and weights`);
    const parts: Uint8Array[] = [];
    for (const path of group.paths) {
      if (typeof path !== 'string') throw new UserError('IMPORT_BAD_FILE', `${file}: weightsManifest[${g}] has a non-string path`);
      checkShardPath(path, file);
      const bytes = await readSibling(path);
      if (!bytes)
        throw new UserError('IMPORT_SHARD_MISSING', `${file}: weight shard '${path}' is missing`, `Put ${path} next to model.json (the converter writes it there).`);
      parts.push(bytes);
    }
    const total = parts.reduce((n, p) => n + p.byteLength, 0);
    const buffer = new Uint8Array(total);
    let at = 0;
    for (const part of parts) {
      buffer.set(part, at);
      at += part.byteLength;
    }
    const view = new DataView(buffer.buffer);
    let offset = 0;
    for (const entry of group.weights) {
      if (!isObject(entry) || typeof entry.name !== 'string' || !Array.isArray(entry.shape))
        throw new UserError('IMPORT_BAD_FILE', `${file}: a weight in weightsManifest[${g}] has no name or shape`);
      const shape = entry.shape.map(Number);
      const size = shape.reduce((a, b) => a * b, 1);
      const quantization = isObject(entry.quantization) ? entry.quantization : undefined;
      const stored = String(quantization?.dtype ?? entry.dtype ?? 'float32');
      const width = BYTES[stored];
      if (width === undefined)
        throw new UserError('IMPORT_UNSUPPORTED', `${file}: weight '${entry.name}' has dtype ${stored}; only float32, int32 and quantized uint8/uint16/float16 weights are supported`);
      if (offset + size * width > total)
        throw new UserError(
          'IMPORT_SHARD_TRUNCATED',
          `${file}: weight '${entry.name}' ends at byte ${offset + size * width}, past the end of its shards (${group.paths.join(', ')}: ${total} bytes)`,
          'A shard is truncated or from another model: export the model again.',
        );
      const scale = Number(quantization?.scale ?? 1);
      const min = Number(quantization?.min ?? 0);
      const values = new Float32Array(size);
      for (let i = 0; i < size; i++) {
        const at = offset + i * width;
        switch (stored) {
          case 'float32':
            values[i] = view.getFloat32(at, true);
            break;
          case 'int32':
            values[i] = view.getInt32(at, true);
            break;
          case 'uint8':
            values[i] = view.getUint8(at) * scale + min;
            break;
          case 'uint16':
            values[i] = view.getUint16(at, true) * scale + min;
            break;
          case 'float16':
            values[i] = float16(view.getUint16(at, true));
            break;
        }
      }
      tensors.push({ name: entry.name, shape, values });
      offset += size * width;
    }
  }
  return tensors;
}
