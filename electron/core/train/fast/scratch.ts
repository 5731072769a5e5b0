let scratch = new Float64Array(256);

/** A reusable per-thread Float64 accumulator of at least `size` elements (grown, never shrunk). */
export function accumulator(size: number): Float64Array {
  if (scratch.length < size) scratch = new Float64Array(size);
  return scratch;
}
