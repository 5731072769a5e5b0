import type { FlatBufferReader } from './flatbuffer-reader';
import type { TfliteModel, TfliteSubgraph, TfliteTensor } from './model-types';
import { TENSOR_TYPE_BYTES, TENSOR_TYPE_NAMES } from './schema-names';

// What the TFLite runtime trusts in a file, checked before a model reaches it. The interpreter's FlatBuffers
// verifier covers offsets; it does not check that sparsity parameters agree with the shape (the DENSIFY kernel then
// walks whatever dense sizes, segments and indices it is given), so a file can make it loop or read out of bounds.

/** Largest tensor this computer's runtime can hold (WebAssembly memory is at most a few GB). */
export const MAX_TENSOR_BYTES = 1024 * 1024 * 1024;
/** Larger ranks do not occur in real models; a huge rank is damage. */
export const MAX_TENSOR_RANK = 16;

const TYPE_INDEPENDENT = new Set(['string', 'resource', 'variant']);

function tensorLabel(subgraph: number, tensor: TfliteTensor): string {
  return `subgraph ${subgraph} tensor ${tensor.index}${tensor.name ? ` '${tensor.name}'` : ''}`;
}

function verifyShape(fail: (what: string) => never, tensor: TfliteTensor): number {
  if (tensor.shape.length > MAX_TENSOR_RANK) fail(`field shape has rank ${tensor.shape.length} (at most ${MAX_TENSOR_RANK})`);
  let elements = 1;
  tensor.shape.forEach((dim, i) => {
    if (!Number.isInteger(dim) || dim < 0) fail(`field shape[${i}] is ${dim}, a dimension must be 0 or more`);
    elements *= dim;
  });
  const width = Math.max(1, TENSOR_TYPE_BYTES[tensor.typeCode] ?? 1);
  if (elements * width > MAX_TENSOR_BYTES)
    fail(`field shape [${tensor.shape}] needs ${elements * width} bytes, more than the ${MAX_TENSOR_BYTES}-byte limit`);
  return elements;
}

// Per-channel dimension is not checked: real files (person_detect's biases) carry a filter's quantized_dimension.
function verifyQuantization(fail: (what: string) => never, tensor: TfliteTensor): void {
  const q = tensor.quantization;
  if (!q) return;
  if (q.zeroPoint.length > 0 && q.scale.length > 0 && q.zeroPoint.length !== q.scale.length)
    fail(`field quantization has ${q.scale.length} scales but ${q.zeroPoint.length} zero points`);
}

/** The sparse walk's checks (TFLite's FormatConverter order); returns the number of stored values it implies. */
function verifySparsity(fail: (what: string) => never, tensor: TfliteTensor, elements: number): number {
  const sparsity = tensor.sparsity!;
  const rank = tensor.shape.length;
  const { traversalOrder: order, blockMap, dimMetadata } = sparsity;
  const levels = rank + blockMap.length;
  if (order.length !== levels)
    fail(
      `field sparsity.traversal_order has ${order.length} entries, expected ${levels} (rank ${rank} + ${blockMap.length} block dimensions)`,
    );
  if (dimMetadata.length !== levels) fail(`field sparsity.dim_metadata has ${dimMetadata.length} entries, expected ${levels}`);
  const seen = new Set<number>();
  order.forEach((axis, i) => {
    if (!Number.isInteger(axis) || axis < 0 || axis >= levels || seen.has(axis))
      fail(
        `field sparsity.traversal_order[${i}] is ${axis}: traversal_order [${order}] is not a permutation of 0..${levels - 1}`,
      );
    seen.add(axis);
  });
  const blocked = new Set<number>();
  blockMap.forEach((axis, i) => {
    if (!Number.isInteger(axis) || axis < 0 || axis >= rank || blocked.has(axis))
      fail(`field sparsity.block_map[${i}] is ${axis}, not a distinct dimension of the rank-${rank} shape`);
    blocked.add(axis);
  });
  // The size of each traversal dimension: shape dimensions (divided by their block size) and then the block sizes.
  const size = [...tensor.shape];
  blockMap.forEach((axis, k) => {
    const level = order.indexOf(rank + k);
    const block = dimMetadata[level]!;
    if (block.format !== 'DENSE' || block.denseSize <= 0 || tensor.shape[axis]! % block.denseSize !== 0)
      fail(
        `field sparsity.dim_metadata[${level}] (block of dimension ${axis}) must be DENSE with a size dividing ${tensor.shape[axis]}`,
      );
    size[axis] = tensor.shape[axis]! / block.denseSize;
    size[rank + k] = block.denseSize;
  });
  let positions = 1;
  dimMetadata.forEach((dim, level) => {
    const field = `field sparsity.dim_metadata[${level}]`;
    const extent = size[order[level]!]!;
    if (dim.format === 'DENSE') {
      if (dim.denseSize !== extent) fail(`${field}.dense_size is ${dim.denseSize}, the shape [${tensor.shape}] says ${extent}`);
      positions *= extent;
      return;
    }
    if (dim.segmentsType === 'none' || dim.indicesType === 'none') fail(`${field} is SPARSE_CSR without segments or indices`);
    const { segments, indices } = dim;
    if (segments.length !== positions + 1)
      fail(`${field}.array_segments has ${segments.length} entries, expected ${positions + 1}`);
    if (segments[0] !== 0) fail(`${field}.array_segments[0] is ${segments[0]}, expected 0`);
    for (let i = 1; i < segments.length; i++) {
      if (segments[i]! < segments[i - 1]!)
        fail(`${field}.array_segments[${i}] is ${segments[i]}, less than the previous ${segments[i - 1]}`);
    }
    if (segments[segments.length - 1] !== indices.length)
      fail(`${field}.array_segments ends at ${segments[segments.length - 1]}, but array_indices has ${indices.length} entries`);
    indices.forEach((index, k) => {
      if (!Number.isInteger(index) || index < 0 || index >= extent)
        fail(`${field}.array_indices[${k}] is ${index}, outside 0..${extent - 1}`);
    });
    positions = indices.length;
  });
  if (positions > elements) fail(`field sparsity stores ${positions} values for a tensor of ${elements} elements`);
  return positions;
}

function verifyTensor(model: TfliteModel, reader: FlatBufferReader, subgraph: number, tensor: TfliteTensor): void {
  const fail = (what: string): never => reader.fail(`${tensorLabel(subgraph, tensor)}: ${what}`);
  if (TENSOR_TYPE_NAMES[tensor.typeCode] === undefined) fail(`field type has unknown TensorType ${tensor.typeCode}`);
  const elements = verifyShape(fail, tensor);
  verifyQuantization(fail, tensor);
  const data = model.buffers[tensor.buffer]?.data ?? new Uint8Array(0);
  const width = TENSOR_TYPE_BYTES[tensor.typeCode]!;
  if (tensor.sparsity) {
    const stored = verifySparsity(fail, tensor, elements);
    if (data.length === 0) fail('field sparsity is set on a tensor without constant data');
    if (width > 0 && data.length !== stored * width)
      fail(
        `buffer ${tensor.buffer} holds ${data.length} bytes, the sparsity parameters need ${stored * width} (${stored} values)`,
      );
  } else if (data.length > 0 && width > 0 && !TYPE_INDEPENDENT.has(tensor.type) && data.length !== elements * width) {
    fail(
      `buffer ${tensor.buffer} holds ${data.length} bytes, the shape [${tensor.shape}] of ${tensor.type} needs ${elements * width}`,
    );
  }
}

function verifySubgraph(model: TfliteModel, reader: FlatBufferReader, sg: TfliteSubgraph, s: number): void {
  for (const tensor of sg.tensors) verifyTensor(model, reader, s, tensor);
}

/** Refuses (TFLITE_CORRUPT, naming the tensor and field) anything the runtime would trust and act on wrongly. */
export function verifyModel(model: TfliteModel, reader: FlatBufferReader): void {
  model.subgraphs.forEach((sg, s) => verifySubgraph(model, reader, sg, s));
  model.buffers.forEach((buffer, i) => {
    if (buffer.external && buffer.external.offset + buffer.external.size > model.fileBytes)
      reader.fail(`buffer ${i}: fields offset/size (${buffer.external.offset} + ${buffer.external.size}) lie outside the file`);
  });
  model.signatures.forEach((signature, i) => {
    const sg = model.subgraphs[signature.subgraphIndex];
    if (!sg) reader.fail(`signature ${i} '${signature.key}': field subgraph_index ${signature.subgraphIndex} does not exist`);
    for (const map of [...signature.inputs, ...signature.outputs])
      if (map.tensorIndex >= sg.tensors.length)
        reader.fail(`signature ${i} '${signature.key}': '${map.name}' names tensor ${map.tensorIndex} of ${sg.tensors.length}`);
  });
}
