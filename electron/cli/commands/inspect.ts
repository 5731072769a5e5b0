import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatInspection } from '../../core/tflite/format-inspection';
import { inspectTfliteBytes } from '../../core/tflite/inspect';
import { UserError } from '../../core/util/errors';
import { jsonLine, type CliCommand } from '../command';

const USAGE = `Usage: sparse-studio inspect FILE.tflite [--json]

Shows a .tflite file: operators and options, tensors (shape, type, quantization, sparsity, zeros), buffers,
metadata, signatures, the largest tensors, and whether XNNPACK can run it with sparse inference (rule by rule).`;

export const inspectCommand: CliCommand = {
  name: 'inspect',
  summary: 'show what is inside a .tflite file and its XNNPACK sparse-inference verdict',
  usage: USAGE,
  allowPositionals: true,
  options: { json: { type: 'boolean' } },
  async run(values, positionals, io) {
    const [file, extra] = positionals;
    if (!file || extra) throw new UserError('BAD_ARGUMENTS', 'inspect takes exactly one .tflite file', USAGE);
    const path = resolve(file);
    const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      throw new UserError('FILE_NOT_FOUND', `Cannot read ${path}: ${error.code ?? error.message}`);
    });
    const inspection = inspectTfliteBytes(new Uint8Array(bytes), path);
    if (values.json === true) jsonLine(io, { type: 'inspection', ...inspection });
    else io.stdout.write(formatInspection(inspection) + '\n');
    return 0;
  },
};
