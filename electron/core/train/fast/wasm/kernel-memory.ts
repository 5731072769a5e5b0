import type { TensorMemory } from '../tensor-memory';
import { KERNELS_WASM_BASE64 } from './kernels-wasm.generated';

/** The exports of assembly/kernels.ts; every pointer is a byte offset into the shared memory. */
export interface KernelExports {
  convForward(...args: number[]): void;
  convBackwardFilter(...args: number[]): void;
  convBackwardInput(...args: number[]): void;
  transposeKernel(w: number, wT: number, taps: number, inC: number, outC: number): void;
  depthwiseForward(...args: number[]): void;
  depthwiseBackward(...args: number[]): void;
  bnSums(x: number, rows: number, c: number, centre: number, out: number, scratch: number): void;
  bnNormalize(x: number, y: number, rows: number, c: number, co: number, relu: number): void;
  bnBackwardSums(...args: number[]): void;
  bnBackwardDx(...args: number[]): void;
  reluForward(x: number, y: number, size: number, max: number): void;
  reluBackward(x: number, dy: number, dx: number, size: number, max: number): void;
  reluMaskByOutput(y: number, dy: number, out: number, size: number): void;
  adam(...args: number[]): void;
  addF64(dst: number, src: number, size: number): void;
  zeroPadForward(...args: number[]): void;
  zeroPadBackward(...args: number[]): void;
  averagePoolForward(x: number, y: number, n: number, positions: number, c: number): void;
  averagePoolBackward(dy: number, dx: number, n: number, positions: number, c: number): void;
}

const PAGE = 65536;
const MAX_PAGES = 65536;
/** The first page stays free (AssemblyScript's static area and the allocator's header at byte 0). */
const FIRST_FREE = PAGE;

let compiled: WebAssembly.Module | null | undefined;

/**
 * The compiled kernel module, or null when this runtime cannot run it (no WebAssembly SIMD, threads or
 * SharedArrayBuffer) or SPARSE_STUDIO_WASM=0 asks for the scalar JavaScript kernels.
 */
export function kernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  if (process.env.SPARSE_STUDIO_WASM === '0' || typeof SharedArrayBuffer === 'undefined') return compiled;
  const bytes = Uint8Array.from(Buffer.from(KERNELS_WASM_BASE64, 'base64'));
  if (!WebAssembly.validate(bytes)) return compiled;
  try {
    new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    compiled = new WebAssembly.Module(bytes);
  } catch {
    compiled = null;
  }
  return compiled;
}

/** Which kernels the fast engine runs here. */
export function kernelKind(): 'wasm-simd' | 'js-scalar' {
  return kernelModule() ? 'wasm-simd' : 'js-scalar';
}

/** Per thread: which KernelMemory a SharedArrayBuffer (one per size the memory has had) belongs to. */
const owners = new WeakMap<ArrayBufferLike, KernelMemory>();

/**
 * One shared WebAssembly memory with this thread's instance of the kernels. Allocation is a bump pointer shared by
 * every thread attached to the memory (nothing is freed: a trainer's buffers live as long as the trainer, and the
 * memory goes with it). Scratch regions are per thread.
 */
export class KernelMemory implements TensorMemory {
  readonly memory: WebAssembly.Memory;
  readonly k: KernelExports;
  readonly #scratch: { ptr: number; bytes: number }[] = [];

  private constructor(memory: WebAssembly.Memory, module: WebAssembly.Module) {
    this.memory = memory;
    this.k = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
  }

  /** A new memory, or null when the WebAssembly kernels are unavailable. */
  static create(): KernelMemory | null {
    const module = kernelModule();
    if (!module) return null;
    const memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: true });
    Atomics.store(new Int32Array(memory.buffer, 0, 1), 0, FIRST_FREE);
    return new KernelMemory(memory, module);
  }

  /** This thread's handle on a memory another thread created. */
  static attach(memory: WebAssembly.Memory): KernelMemory {
    const module = kernelModule();
    if (!module) throw new Error('The WebAssembly kernels are not available in this thread');
    return new KernelMemory(memory, module);
  }

  /** The memory holding all of `arrays` (nulls ignored) when they all lie in one KernelMemory of this thread. */
  static of(...arrays: (ArrayBufferView | null)[]): KernelMemory | null {
    let found: KernelMemory | null = null;
    for (const a of arrays) {
      if (a === null) continue;
      const owner = owners.get(a.buffer);
      if (!owner || (found && owner !== found)) return null;
      found = owner;
    }
    return found;
  }

  /** `bytes` (rounded up to 16) of fresh zeroed memory; returns the byte offset. */
  alloc(bytes: number): number {
    const size = Math.ceil(bytes / 16) * 16;
    const start = Atomics.add(new Int32Array(this.memory.buffer, 0, 1), 0, size);
    const end = start + size;
    if (end > MAX_PAGES * PAGE - PAGE) throw new Error(`The training engine ran out of memory (${end} bytes requested)`);
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      const want = Math.max(end, Math.min(have * 1.25, MAX_PAGES * PAGE - PAGE));
      // Threads share the memory: another one may have grown it since `have` was read.
      const missing = Math.ceil((want - this.memory.buffer.byteLength) / PAGE);
      if (missing > 0) this.memory.grow(missing);
    }
    return start;
  }

  #buffer(): ArrayBufferLike {
    const buffer = this.memory.buffer;
    owners.set(buffer, this);
    return buffer;
  }

  f32(size: number): Float32Array {
    const ptr = this.alloc(size * 4);
    return new Float32Array(this.#buffer(), ptr, size);
  }

  f64(size: number): Float64Array {
    const ptr = this.alloc(size * 8);
    return new Float64Array(this.#buffer(), ptr, size);
  }

  i32(size: number): Int32Array {
    const ptr = this.alloc(size * 4);
    return new Int32Array(this.#buffer(), ptr, size);
  }

  /** Views of memory allocated (possibly by another thread) at `ptr`. */
  f32At(ptr: number, size: number): Float32Array {
    return new Float32Array(this.#buffer(), ptr, size);
  }

  f64At(ptr: number, size: number): Float64Array {
    return new Float64Array(this.#buffer(), ptr, size);
  }

  i32At(ptr: number, size: number): Int32Array {
    return new Int32Array(this.#buffer(), ptr, size);
  }

  /** This thread's scratch region number `slot`, at least `bytes` long (contents undefined); returns its offset. */
  scratch(slot: number, bytes: number): number {
    const current = this.#scratch[slot];
    if (current && current.bytes >= bytes) return current.ptr;
    const size = Math.max(bytes, (current?.bytes ?? 0) * 2, 4096);
    this.#scratch[slot] = { ptr: this.alloc(size), bytes: size };
    return this.#scratch[slot]!.ptr;
  }

  /** A float32 view of scratch region `slot` holding `values`. */
  scratchF32(slot: number, values: ArrayLike<number>): number {
    const ptr = this.scratch(slot, values.length * 4);
    this.f32At(ptr, values.length).set(values);
    return ptr;
  }
}
