// Worker side of fuzz.test.ts: replays the corpus through the inspector and posts one outcome per file.
import { parentPort } from 'node:worker_threads';
import { inspectTfliteBytes } from '../../electron/core/tflite/inspect';
import { UserError } from '../../electron/core/util/errors';
import { fuzzCorpus } from './fuzz-corpus';

export type FuzzOutcome =
  | { name: string; outcome: 'inspected'; eligible: boolean }
  | { name: string; outcome: 'refused'; message: string }
  | { name: string; outcome: 'crashed'; message: string };

const outcomes: FuzzOutcome[] = fuzzCorpus().map((c): FuzzOutcome => {
  try {
    return { name: c.name, outcome: 'inspected', eligible: inspectTfliteBytes(c.bytes, c.name).sparseInference.eligible };
  } catch (error) {
    const message = String(error).split('\n')[0]!;
    return error instanceof UserError && error.code === 'TFLITE_CORRUPT'
      ? { name: c.name, outcome: 'refused', message }
      : { name: c.name, outcome: 'crashed', message: `${message}\n${(error as Error).stack ?? ''}` };
  }
});
parentPort!.postMessage(outcomes);
