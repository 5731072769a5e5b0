import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CancelledError } from '../util/cancel';
import { UserError } from '../util/errors';
import { rebuildWorkerError } from '../util/worker-error';
import type { RuntimeMessage, RuntimeReply, RuntimeRequestKind, RuntimeRequests } from './runtime-requests';

/** Default watchdog for one request to the TFLite runtime (load + the inferences it asks for). */
export const DEFAULT_RUNTIME_TIMEOUT_MS = 300_000;

export interface RuntimeCallOptions {
  /** The worker is ended and the call fails with TIMEOUT after this long. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

function entryPath(): string {
  const here = fileURLToPath(import.meta.url);
  const sibling = (name: string): string => here.replace(/[^/\\]+$/, name);
  const path = here.endsWith('.ts') ? sibling('runtime-worker-entry.ts') : sibling('runtime-worker-entry.mjs');
  if (!existsSync(path)) throw new Error(`Cannot find the TFLite runtime worker script next to ${here}`);
  return path;
}

function startWorker(): Worker {
  const path = entryPath();
  // Under tsx (CLI, tests) the jobs' bootstrap registers the TypeScript loader first; the bundled app runs plain .mjs.
  return path.endsWith('.ts')
    ? new Worker(new URL('../jobs/tsx-worker-bootstrap.mjs', import.meta.url), {
        workerData: { entry: pathToFileURL(path).href },
      })
    : new Worker(path);
}

export function runtimeTimeoutError(file: string, timeoutMs: number): UserError {
  return new UserError(
    'TIMEOUT',
    `The TFLite runtime did not finish ${basename(file)} within ${Math.round(timeoutMs / 1000)} s and was stopped`,
    'The model may be damaged or far too large for this computer: check it with `inspect`, or raise --timeout.',
  );
}

/**
 * A worker thread that owns TFLite WebAssembly runtime instances. Every request runs under a watchdog: when it
 * overruns its timeout (or the caller cancels), the worker is terminated, which stops even a runtime stuck in
 * WebAssembly, and the request fails with TIMEOUT naming the model. A stopped worker is replaced on the next request.
 */
export class RuntimeWorker {
  #worker: Worker | undefined;
  #nextId = 1;

  async request<K extends RuntimeRequestKind>(
    kind: K,
    request: RuntimeRequests[K]['request'],
    options: RuntimeCallOptions = {},
  ): Promise<RuntimeRequests[K]['result']> {
    if (options.signal?.aborted) throw new CancelledError();
    const worker = (this.#worker ??= startWorker());
    const id = this.#nextId++;
    const timeoutMs = options.timeoutMs ?? DEFAULT_RUNTIME_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      const cleanup = (): void => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const stop = (error: Error): void => {
        cleanup();
        this.#discard(worker);
        reject(error);
      };
      const onMessage = (reply: RuntimeReply): void => {
        if (reply.id !== id) return;
        cleanup();
        if (reply.ok) resolve(reply.result as RuntimeRequests[K]['result']);
        else reject(rebuildWorkerError(reply.error));
      };
      const onError = (error: Error): void => stop(error);
      const onExit = (code: number): void =>
        stop(new Error(`The TFLite runtime worker stopped unexpectedly on ${basename(request.file)} (exit code ${code})`));
      const onAbort = (): void => stop(new CancelledError());
      const timer = setTimeout(() => stop(runtimeTimeoutError(request.file, timeoutMs)), timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      options.signal?.addEventListener('abort', onAbort);
      worker.postMessage({ id, kind, request } as RuntimeMessage);
    });
  }

  #discard(worker: Worker): void {
    if (this.#worker === worker) this.#worker = undefined;
    void worker.terminate();
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) await worker.terminate();
  }
}

/** One request in a worker of its own, ended afterwards. */
export async function runRuntimeRequest<K extends RuntimeRequestKind>(
  kind: K,
  request: RuntimeRequests[K]['request'],
  options: RuntimeCallOptions = {},
): Promise<RuntimeRequests[K]['result']> {
  const worker = new RuntimeWorker();
  try {
    return await worker.request(kind, request, options);
  } finally {
    await worker.close();
  }
}
