import { Worker as NodeWorker } from 'node:worker_threads';

// Runs an Emscripten pthread worker script (written for browsers: self, importScripts, postMessage, onmessage)
// on a Node worker thread.
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { runInThisContext } = require('node:vm');
globalThis.self = globalThis;
globalThis.location = { href: 'file://' + workerData.script };
globalThis.postMessage = (message, transfer) => parentPort.postMessage(message, transfer);
globalThis.importScripts = (file) => runInThisContext(readFileSync(file, 'utf8'), { filename: file });
parentPort.on('message', (data) => globalThis.onmessage && globalThis.onmessage({ data }));
importScripts(workerData.script);
`;

/** The subset of the browser Worker API that Emscripten's pthread support uses. */
export class NodeWebWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((error: unknown) => void) | null = null;
  readonly #worker: NodeWorker;

  constructor(script: string | URL) {
    this.#worker = new NodeWorker(BOOTSTRAP, { eval: true, workerData: { script: String(script) } });
    this.#worker.on('message', (data: unknown) => {
      // Once loaded, an idle pool thread must not keep the process alive (before that, the runtime waits for it).
      if ((data as { cmd?: string } | null)?.cmd === 'loaded') this.#worker.unref();
      this.onmessage?.({ data });
    });
    this.#worker.on('error', (error: unknown) => this.onerror?.(error));
  }

  postMessage(message: unknown, transfer?: readonly unknown[]): void {
    this.#worker.postMessage(message, transfer as never);
  }

  terminate(): void {
    void this.#worker.terminate();
  }
}

/** Makes `Worker` available to Emscripten code on Node (only when the platform has none). */
export function installWorkerGlobal(): void {
  const g = globalThis as { Worker?: unknown };
  g.Worker ??= NodeWebWorker;
}
