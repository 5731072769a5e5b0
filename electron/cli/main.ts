import { parseArgs } from 'node:util';
import { UserError } from '../core/util/errors';
import { cliLanguage, formatCliError } from './cli-error';
import type { CliCommand, CliIO } from './command';
import { COMMANDS } from './commands/index';

function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | undefined {
  const two = argv.slice(0, 2).join(' ');
  const byTwo = COMMANDS.find((c) => c.name === two);
  if (byTwo) return { command: byTwo, rest: argv.slice(2) };
  const byOne = COMMANDS.find((c) => c.name === argv[0]);
  return byOne ? { command: byOne, rest: argv.slice(1) } : undefined;
}

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: sparse-studio <command> [options]   (npm run cli -- <command> ...)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'sparse-studio <command> --help' for a command's options.",
  ].join('\n');
}

/**
 * `--epochs -3` would make parseArgs refuse `-3` as an option-like value ("argument is ambiguous"); joined as
 * `--epochs=-3` it reaches the option's own check and gets the same message as `--epochs abc`.
 */
export function attachNegativeValues(args: readonly string[], options: CliCommand['options']): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-(\d|\.\d|Infinity)/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(help() + '\n');
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.stderr.write(`Unknown command '${argv[0]}'.\n\n${help()}\n`);
    return 2;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({
      args: attachNegativeValues(rest, command.options),
      options: command.options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return await command.run(values, positionals, io);
  } catch (error) {
    const known = error instanceof UserError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr.write(formatCliError(error, cliLanguage(rest)));
    if (!known && process.env.SPARSE_STUDIO_DEBUG) io.stderr.write(`${(error as Error).stack}\n`);
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) io.stderr.write(`\n${command.usage}\n`);
    return 1;
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  const io: CliIO = { stdout: process.stdout, stderr: process.stderr, interactive: Boolean(process.stderr.isTTY) };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(formatCliError(error, cliLanguage(process.argv.slice(2))));
      process.exitCode = 1;
    },
  );
}
