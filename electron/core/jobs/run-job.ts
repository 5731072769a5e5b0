import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { rebuildWorkerError } from '../util/worker-error';
import type { FromWorker, ToWorker } from './messages';
import type { JobConfig, JobEvent, JobName, JobResult } from './registry';

/** The worker script: the TypeScript source under tsx, the bundled file in the packaged app. */
function workerPath(): string {
  const here = fileURLToPath(import.meta.url);
  const sibling = (name: string): string => here.replace(/[^/\\]+$/, name);
  const found = [here.endsWith('.ts') ? sibling('worker-entry.ts') : sibling('worker-entry.mjs')].find((path) =>
    existsSync(path),
  );
  if (!found) throw new Error(`Cannot find the job worker script next to ${here}`);
  return found;
}

/**
 * Runs a registered job in a worker thread, so the thread that serves the UI never blocks.
 * Events stream to `onEvent`; aborting `signal` asks the job to stop (it ends with CancelledError).
 */
export function runJob<N extends JobName>(
  job: N,
  config: JobConfig<N>,
  onEvent: (event: JobEvent<N>) => void,
  signal?: AbortSignal,
): Promise<JobResult<N>> {
  return new Promise((resolve, reject) => {
    const path = workerPath();
    // Under tsx (CLI, tests) a small bootstrap registers the TypeScript loader first; the bundled app runs plain .mjs.
    const worker = path.endsWith('.ts')
      ? new Worker(new URL('./tsx-worker-bootstrap.mjs', import.meta.url), { workerData: { entry: pathToFileURL(path).href } })
      : new Worker(path);
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      action();
    };
    const onAbort = (): void => worker.postMessage({ type: 'cancel' } satisfies ToWorker);
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'event') onEvent(message.event as JobEvent<N>);
      else if (message.type === 'done') settle(() => resolve(message.result as JobResult<N>));
      else settle(() => reject(rebuildWorkerError(message.error)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The ${job} worker stopped unexpectedly (exit code ${code})`))));
    worker.postMessage({ type: 'start', job, config } satisfies ToWorker);
    if (signal?.aborted) onAbort();
  });
}
