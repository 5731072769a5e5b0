/**
 * Where the engine allocates its tensors. The default is the JavaScript heap; a KernelMemory (wasm/kernel-memory.ts)
 * allocates inside the WebAssembly kernels' shared linear memory, so the SIMD kernels run on the buffers in place.
 */
export interface TensorMemory {
  f32(size: number): Float32Array;
  f64(size: number): Float64Array;
}

export const HEAP_MEMORY: TensorMemory = {
  f32: (size) => new Float32Array(size),
  f64: (size) => new Float64Array(size),
};
