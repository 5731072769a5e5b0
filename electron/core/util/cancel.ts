export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/** True for a user's cancel: our CancelledError, or the AbortError an AbortSignal gives to fetch, streams and loaders. */
export function isCancellation(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return error instanceof CancelledError || name === 'CancelledError' || name === 'AbortError';
}
