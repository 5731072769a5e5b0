import type { ParseArgsConfig } from 'node:util';

/** Where a command writes: stdout for results, stderr for progress and errors. */
export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  interactive: boolean;
}

export type ParsedValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CliCommand {
  /** One word, or two for a subcommand (`runs list`). */
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  /** Returns the process exit status. Throwing a UserError prints its message and exits 1. */
  run(values: ParsedValues, positionals: string[], io: CliIO): Promise<number>;
}

/** Writes one JSON object per line (for `--json`). */
export function jsonLine(io: CliIO, value: unknown): void {
  io.stdout.write(JSON.stringify(value) + '\n');
}
