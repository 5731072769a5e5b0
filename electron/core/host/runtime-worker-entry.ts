import { parentPort } from 'node:worker_threads';
import { UserError } from '../util/errors';
import { RUNTIME_OPERATIONS } from './runtime-operations';
import type { RuntimeMessage, RuntimeReply } from './runtime-requests';

const port = parentPort;
if (!port) throw new Error('runtime-worker-entry must run in a worker thread');

port.on('message', (message: RuntimeMessage) => {
  const operation = RUNTIME_OPERATIONS[message.kind] as (request: unknown) => Promise<unknown>;
  operation(message.request).then(
    (result) => port.postMessage({ id: message.id, ok: true, result } satisfies RuntimeReply),
    (error: unknown) => {
      const err = error instanceof Error ? error : new Error(String(error));
      const reply: RuntimeReply = {
        id: message.id,
        ok: false,
        error: {
          name: err.name,
          message: err.message,
          ...(error instanceof UserError ? { code: error.code, ...(error.hint ? { hint: error.hint } : {}) } : {}),
        },
      };
      port.postMessage(reply);
    },
  );
});
