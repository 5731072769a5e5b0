import type { TfliteBuffer, TfliteModel, TfliteTensor } from './model-types';
import { decodeSparse } from './sparse-format';

/** The stored float32 values of a constant tensor (for a sparse tensor: only the non-zeros), or undefined. */
export function storedFloats(buffer: TfliteBuffer | undefined, tensor: TfliteTensor): Float32Array | undefined {
  if (!buffer || buffer.data.length === 0 || tensor.type !== 'float32') return undefined;
  const data = buffer.data;
  const count = Math.floor(data.length / 4);
  const view = new DataView(data.buffer, data.byteOffset, count * 4);
  return Float32Array.from({ length: count }, (_, i) => view.getFloat32(i * 4, true));
}

/** The dense float32 values of a constant tensor, decoding sparse storage; undefined when not decodable. */
export function denseFloats(model: TfliteModel, tensor: TfliteTensor): Float32Array | undefined {
  const stored = storedFloats(model.buffers[tensor.buffer], tensor);
  if (!stored) return undefined;
  if (!tensor.sparsity) return stored;
  try {
    return decodeSparse(tensor.sparsity, tensor.shape, stored);
  } catch {
    return undefined;
  }
}

/** Raw zero-byte-aware zero fraction of a constant tensor's logical values (sparse: counts the implicit zeros). */
export function tensorZeroFraction(model: TfliteModel, tensor: TfliteTensor): number | undefined {
  const buffer = model.buffers[tensor.buffer];
  if (!buffer || buffer.data.length === 0) return undefined;
  const elements = tensor.shape.reduce((a, b) => a * b, 1);
  if (elements === 0) return undefined;
  if (tensor.type === 'float32') {
    const stored = storedFloats(buffer, tensor)!;
    let zeros = 0;
    for (const v of stored) if (v === 0) zeros++;
    if (tensor.sparsity) zeros += elements - stored.length;
    return zeros / elements;
  }
  // Integer/quantized tensors: zero raw values (for int8 weights with zero point 0, the pruned ones).
  if (tensor.type === 'int8' || tensor.type === 'uint8' || tensor.type === 'int32' || tensor.type === 'int16') {
    const width = tensor.type === 'int32' ? 4 : tensor.type === 'int16' ? 2 : 1;
    const count = Math.floor(buffer.data.length / width);
    let zeros = 0;
    for (let i = 0; i < count; i++) {
      let allZero = true;
      for (let k = 0; k < width; k++) if (buffer.data[i * width + k] !== 0) allZero = false;
      if (allZero) zeros++;
    }
    if (tensor.sparsity) zeros += elements - count;
    return zeros / elements;
  }
  return undefined;
}
