import { CancelledError, isCancellation } from './cancel';
import { UserError } from './errors';

/** An error as a worker thread sends it (plain data: name, message and a UserError's code and hint). */
export interface WorkerErrorData {
  name: string;
  message: string;
  code?: string;
  hint?: string;
}

/** The error a worker reported, rebuilt on this side: a UserError keeps its code and hint, a cancel stays a cancel. */
export function rebuildWorkerError(error: WorkerErrorData): Error {
  if (isCancellation(error)) return new CancelledError();
  if (error.code) {
    const message =
      error.hint && error.message.endsWith(error.hint) ? error.message.slice(0, -error.hint.length - 1) : error.message;
    return new UserError(error.code, message, error.hint);
  }
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}
