/** Messages between the thread that serves the UI/CLI and a job's worker thread. */
export type ToWorker = { type: 'start'; job: string; config: unknown } | { type: 'cancel' };

export type FromWorker =
  | { type: 'event'; event: unknown }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: { name: string; message: string; code?: string; hint?: string } };
