import { UserError } from '../util/errors';
import { instantiateTfliteWasm, type WasmModelRunner, type WasmModule, type WasmTensorInfo } from './tflite-wasm-module';

export interface HostModelOptions {
  threads: number;
  profiling: boolean;
  /** Profiler buffer size in events (one per op and call); events beyond it are dropped. Default 4096. */
  profilingEntries?: number;
}

export interface TensorDescription {
  name: string;
  dataType: string;
  shape: number[];
}

function describe(info: WasmTensorInfo): TensorDescription {
  return { name: info.name, dataType: info.dataType, shape: info.shape ? info.shape.split(',').map(Number) : [] };
}

function toArray<T>(vector: { size(): number; get(i: number): T; delete(): void }): T[] {
  const items = Array.from({ length: vector.size() }, (_, i) => vector.get(i));
  vector.delete();
  return items;
}

/** One .tflite model loaded in the TFLite WebAssembly interpreter (with its XNNPACK delegate). */
export class HostModel {
  readonly #module: WasmModule;
  readonly #runner: WasmModelRunner;
  readonly #pointer: number;
  readonly inputs: TensorDescription[];
  readonly outputs: TensorDescription[];
  readonly #inputInfo: WasmTensorInfo[];
  readonly #outputInfo: WasmTensorInfo[];
  #disposed = false;

  constructor(module: WasmModule, runner: WasmModelRunner, pointer: number) {
    this.#module = module;
    this.#runner = runner;
    this.#pointer = pointer;
    this.#inputInfo = toArray(runner.GetInputs());
    this.#outputInfo = toArray(runner.GetOutputs());
    this.inputs = this.#inputInfo.map(describe);
    this.outputs = this.#outputInfo.map(describe);
  }

  /** Copies `values` into input `index` (float32 inputs). */
  setInput(values: Float32Array, index = 0): void {
    const info = this.#inputInfo[index];
    if (!info) throw new Error(`The model has no input ${index}`);
    const target = info.data();
    if (target.length !== values.length) {
      throw new UserError(
        'TFLITE_INPUT_SIZE',
        `Input '${info.name}' takes ${target.length} values [${info.shape}], got ${values.length}`,
      );
    }
    target.set(values);
  }

  /** Fills every input with deterministic pseudo-random values (for benchmarks). */
  fillInputs(seed = 1): void {
    let state = seed >>> 0 || 1;
    for (const info of this.#inputInfo) {
      const data = info.data();
      for (let i = 0; i < data.length; i++) {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        data[i] = data instanceof Float32Array || data instanceof Float64Array ? state / 2 ** 32 : state & 0x7f;
      }
    }
  }

  infer(): void {
    if (!this.#runner.Infer()) throw new UserError('TFLITE_INFER_FAILED', 'The TFLite runtime failed to run the model');
  }

  /** A copy of output `index`. */
  output(index = 0): Float32Array {
    const info = this.#outputInfo[index];
    if (!info) throw new Error(`The model has no output ${index}`);
    return Float32Array.from(info.data() as ArrayLike<number>);
  }

  profilingSummary(): string {
    return this.#runner.GetProfilingSummary();
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#runner.delete();
    this.#module._free(this.#pointer);
  }
}

/** One instance of the WebAssembly runtime; create one per model when timing (see the reference's pitfalls). */
export class HostRuntime {
  readonly #module: WasmModule;
  readonly log: string[];
  /** True for the pthread build, which can run models on several threads. */
  readonly threaded: boolean;

  private constructor(module: WasmModule, log: string[], threaded: boolean) {
    this.#module = module;
    this.log = log;
    this.threaded = threaded;
  }

  /** `threaded`: load the pthread build (required for `threads > 1`; slower to start). */
  static async create(threaded = false): Promise<HostRuntime> {
    const log: string[] = [];
    const module = await instantiateTfliteWasm((line) => log.push(line), threaded);
    return new HostRuntime(module, log, threaded);
  }

  /** A runtime that can run `threads` threads: the single-threaded build for 1, else the threaded one. */
  static forThreads(threads: number): Promise<HostRuntime> {
    return HostRuntime.create(threads > 1);
  }

  loadModel(bytes: Uint8Array, file: string, options: HostModelOptions): HostModel {
    if (options.threads > 1 && !this.threaded)
      throw new Error('loadModel: more than one thread needs a runtime created with threaded = true');
    const pointer = this.#module._malloc(bytes.length);
    this.#module.HEAPU8.set(bytes, pointer);
    const result = this.#module.TFLiteWebModelRunner.CreateFromBufferAndOptions(pointer, bytes.length, {
      numThreads: options.threads,
      enableProfiling: options.profiling,
      maxProfilingBufferEntries: options.profilingEntries ?? 4096,
    });
    if (!result.ok()) {
      this.#module._free(pointer);
      throw new UserError(
        'TFLITE_LOAD_FAILED',
        `The TFLite runtime could not load ${file}: ${result.errorMessage()}`,
        'Check the file with `inspect`; it may be damaged or use operators this runtime lacks.',
      );
    }
    return new HostModel(this.#module, result.value(), pointer);
  }
}
