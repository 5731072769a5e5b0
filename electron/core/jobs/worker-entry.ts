import { parentPort } from 'node:worker_threads';
import { UserError } from '../util/errors';
import type { FromWorker, ToWorker } from './messages';
import { JOBS, type JobName } from './registry';

const port = parentPort;
if (!port) throw new Error('worker-entry must run in a worker thread');

const controller = new AbortController();
const send = (message: FromWorker): void => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') {
    controller.abort();
    return;
  }
  const job = JOBS[message.job as JobName] as (
    config: unknown,
    onEvent: (e: unknown) => void,
    signal: AbortSignal,
  ) => Promise<unknown>;
  job(message.config, (event) => send({ type: 'event', event }), controller.signal).then(
    (result) => {
      send({ type: 'done', result });
      port.close();
    },
    (error: unknown) => {
      const err = error instanceof Error ? error : new Error(String(error));
      send({
        type: 'error',
        error: {
          name: err.name,
          message: err.message,
          ...(error instanceof UserError ? { code: error.code, ...(error.hint ? { hint: error.hint } : {}) } : {}),
        },
      });
      port.close();
    },
  );
});
