// Development only (CLI and tests run TypeScript through tsx): Node 20 does not pass tsx's loader on to worker
// threads, so this plain-JS worker registers it and then loads the TypeScript entry named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
