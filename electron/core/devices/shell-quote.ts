/**
 * Quotes one argument for the device's /bin/sh: wraps it in single quotes and writes each `'` as `'\''`.
 * Every device shell command is assembled from fixed text plus arguments passed through this function.
 */
export function shellQuote(argument: string): string {
  if (argument.includes('\0')) throw new Error('a shell argument cannot contain a NUL byte');
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}

/** Quotes every argument and joins them with spaces. */
export function shellCommand(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}
