import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UserError } from '../util/errors';
import { installWorkerGlobal } from './node-web-worker';

// The Emscripten/embind surface of @tensorflow/tfjs-tflite's tflite_web_api_cc*.js (the part its own client uses).
export interface WasmVector<T> {
  size(): number;
  get(i: number): T;
  delete(): void;
}

export interface WasmTensorInfo {
  id: number;
  dataType: string;
  name: string;
  shape: string;
  data(): Float32Array | Int32Array | Uint8Array | Int8Array | Int16Array | Uint32Array | Float64Array;
}

export interface WasmProfileItem {
  nodeType: string;
  nodeName: string;
  nodeExecMs: number;
}

export interface WasmModelRunner {
  GetInputs(): WasmVector<WasmTensorInfo>;
  GetOutputs(): WasmVector<WasmTensorInfo>;
  Infer(): boolean;
  GetProfilingResults(): WasmVector<WasmProfileItem>;
  GetProfilingSummary(): string;
  delete(): void;
}

export interface WasmModule {
  HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
  TFLiteWebModelRunner: {
    CreateFromBufferAndOptions(
      pointer: number,
      size: number,
      options: { numThreads: number; enableProfiling: boolean; maxProfilingBufferEntries: number },
    ): { ok(): boolean; value(): WasmModelRunner; errorMessage(): string };
  };
}

type ModuleFactory = (overrides: Record<string, unknown>) => Promise<WasmModule>;

export const TFLITE_WASM_PACKAGE = '@tensorflow/tfjs-tflite';
/** The SIMD builds (Node 20 has WebAssembly SIMD); the threaded one runs its pthreads on Node worker threads. */
export const TFLITE_WASM_BUILD = 'tflite_web_api_cc_simd';
export const TFLITE_WASM_THREADED_BUILD = 'tflite_web_api_cc_simd_threaded';

const require = createRequire(import.meta.url);

export function wasmDirectory(): string {
  try {
    return join(dirname(require.resolve(`${TFLITE_WASM_PACKAGE}/package.json`)), 'wasm');
  } catch {
    throw new UserError(
      'TFLITE_RUNTIME_MISSING',
      `${TFLITE_WASM_PACKAGE} is not installed, so "This computer" cannot run .tflite files`,
      'Reinstall the application (or run npm install in a source checkout).',
    );
  }
}

export function packageVersion(): string {
  return (require(`${TFLITE_WASM_PACKAGE}/package.json`) as { version: string }).version;
}

const wasmBytes = new Map<string, Promise<Uint8Array>>();

/**
 * A fresh instance of the TFLite WebAssembly runtime (interpreter + XNNPACK). Each call gives an independent
 * instance with its own memory, so one model's state cannot influence another's timings. The threaded build
 * (needed for more than one thread) starts a pool of 8 worker threads and takes seconds to start.
 */
export async function instantiateTfliteWasm(log: (line: string) => void = () => {}, threaded = false): Promise<WasmModule> {
  const dir = wasmDirectory();
  const build = threaded ? TFLITE_WASM_THREADED_BUILD : TFLITE_WASM_BUILD;
  const script = join(dir, `${build}.js`);
  const factory = require(script) as ModuleFactory;
  if (!wasmBytes.has(build)) wasmBytes.set(build, readFile(join(dir, `${build}.wasm`)));
  const common = { wasmBinary: await wasmBytes.get(build), print: log, printErr: log };
  if (!threaded) return factory(common);
  installWorkerGlobal();
  return factory({ ...common, locateFile: (file: string) => join(dir, file), mainScriptUrlOrBlob: script });
}
