import { jsonLine, type CliIO } from './command';

/**
 * Runs a long job for a CLI command: progress as JSON lines (`--json`) or human lines, Ctrl-C cancels the job
 * cleanly (the run folder records it), and the summary is printed at the end.
 */
export async function runWithProgress<E extends object, R extends object>(
  io: CliIO,
  json: boolean,
  start: (onEvent: (event: E) => void, signal: AbortSignal) => Promise<R>,
  human: { onEvent: (event: E) => void; printSummary: (summary: R) => void },
): Promise<number> {
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const summary = await start(
      json ? (event) => jsonLine(io, { type: 'progress', ...event }) : human.onEvent,
      controller.signal,
    );
    if (json) jsonLine(io, { type: 'summary', ...summary });
    else human.printSummary(summary);
    return 0;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
