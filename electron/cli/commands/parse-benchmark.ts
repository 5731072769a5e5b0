import { readFile } from 'node:fs/promises';
import { describeParseResult } from '../../core/benchmark/parse/describe-parse-result';
import { parseBenchmarkOutput } from '../../core/benchmark/parse/parse-benchmark-output';
import { splitSampleHeader } from '../../core/benchmark/parse/sample-header';
import { UserError, errorMessage } from '../../core/util/errors';
import { jsonLine, type CliCommand } from '../command';

/** Exit status for a file that was read and parsed but records a run that failed. */
export const PARSED_FAILED_RUN = 2;

export const parseBenchmarkCommand: CliCommand = {
  name: 'parse-benchmark',
  summary: 'Parse a saved benchmark_model output (any TFLite/LiteRT version) and print its numbers',
  usage: [
    'Usage: sparse-studio parse-benchmark FILE [--json]',
    '',
    'Reads a saved benchmark_model output (stdout+stderr, logcat copies too) and prints what it records.',
    'Exit status 0 when the file records a benchmark that ran; 2 when it was parsed but records a failed run',
    '(the failure is printed, and given in --json output); 1 when the file cannot be read.',
    '',
    '  --json   one JSON object: { file, ok, ..., error? }',
  ].join('\n'),
  options: { json: { type: 'boolean' } },
  allowPositionals: true,
  async run(values, positionals, io) {
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) {
      throw new UserError(
        'BAD_ARGUMENTS',
        'parse-benchmark takes exactly one FILE.',
        'Example: sparse-studio parse-benchmark run.txt --json',
      );
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new UserError(
        'FILE_NOT_READABLE',
        `Cannot read ${file}: ${errorMessage(error)}`,
        'Check the path and that the file is readable.',
      );
    }
    const { meta, body } = splitSampleHeader(text);
    const result = parseBenchmarkOutput(body);
    if (values.json) {
      jsonLine(io, { file, ...(meta.source ? { source: meta.source } : {}), ...result });
    } else {
      io.stdout.write(
        [`File: ${file}`, ...(meta.source ? [`Source: ${meta.source}`] : []), ...describeParseResult(result)].join('\n') + '\n',
      );
    }
    if (!result.ok) {
      io.stderr.write(`Parsed ${file}; it records a failed run (${result.error.kind}).\n`);
      return PARSED_FAILED_RUN;
    }
    return 0;
  },
};
