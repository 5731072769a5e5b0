import { mkdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { readTflite } from '../../core/tflite/read-model';
import { sparseInferenceVerdict } from '../../core/tflite/xnnpack-verdict';
import { writeFileAtomic, writeJsonAtomic } from '../../core/util/atomic-write';
import { UserError } from '../../core/util/errors';
import { WHATIF_NOTICE, sparsifyModel } from '../../core/whatif/sparsify-model';
import { jsonLine, type CliCommand } from '../command';
import { requiredString } from '../options';
import { sparsityList } from '../sparsity-list';

const USAGE = `Usage: sparse-studio sparsify IN.tflite --sparsity 0.75 [--sparsity 0.5 ...] [--include-fc] --out DIR [--json]

Writes latency what-if copies of a float32/float16 .tflite: the filters of its 1x1 CONV_2D operators (and with
--include-fc its FULLY_CONNECTED weights, in 1x4 blocks) magnitude-pruned to each target, stored as CSR behind DENSIFY
as the converter's EXPERIMENTAL_SPARSITY stores them. Everything else in the file is kept byte for byte.
${WHATIF_NOTICE} Quantized (int8) models are refused: sparse inference is float only.

Options:
  --sparsity F     target fraction of zeros (repeatable, or comma-separated: 0.5,0.75,0.9)
  --include-fc     also prune FULLY_CONNECTED weights (1x4 blocks)
  --out DIR        folder for <name>-sparse-<percent>.tflite and sparsify.json (required)
  --json           one JSON object on stdout`;

export const sparsifyCommand: CliCommand = {
  name: 'sparsify',
  summary: 'latency what-if: prune a float .tflite\u2019s 1x1 convolutions without training (CSR + DENSIFY)',
  usage: USAGE,
  allowPositionals: true,
  options: {
    sparsity: { type: 'string', multiple: true },
    'include-fc': { type: 'boolean' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, positionals, io) {
    const input = positionals[0];
    if (!input)
      throw new UserError('MISSING_OPTION', 'Give the .tflite file to sparsify: sparsify IN.tflite --sparsity 0.75 --out DIR');
    const file = resolve(input);
    const sparsities = sparsityList(values, []);
    if (sparsities.length === 0) throw new UserError('MISSING_OPTION', '--sparsity is required (e.g. --sparsity 0.75)');
    const out = resolve(requiredString(values, 'out'));
    const includeFc = values['include-fc'] === true;
    const bytes = new Uint8Array(
      await readFile(file).catch(() => {
        throw new UserError('FILE_NOT_FOUND', `Cannot read ${file}`, 'Check the path of the .tflite file.');
      }),
    );
    // Every target is rewritten before anything is written, so a refusal leaves no partial output.
    const results = sparsities.map((sparsity) => ({ sparsity, ...sparsifyModel(bytes, file, { sparsity, includeFc }) }));
    await mkdir(out, { recursive: true });
    const stem = basename(file).replace(/\.tflite$/i, '');
    const files = [];
    for (const r of results) {
      const path = join(out, `${stem}-sparse-${Math.round(r.sparsity * 1000) / 10}.tflite`);
      await writeFileAtomic(path, r.bytes);
      const verdict = sparseInferenceVerdict(readTflite(r.bytes, path));
      files.push({ file: path, sparsity: r.sparsity, bytes: r.bytes.length, layers: r.layers, skipped: r.skipped, verdict });
    }
    await writeJsonAtomic(join(out, 'sparsify.json'), { source: file, includeFc, notice: WHATIF_NOTICE, files });
    if (values.json === true) {
      jsonLine(io, { type: 'sparsified', source: file, notice: WHATIF_NOTICE, files });
      return 0;
    }
    io.stdout.write(`${WHATIF_NOTICE}\n`);
    for (const f of files) {
      io.stdout.write(
        `${f.file} (${f.bytes} bytes): ${f.layers.length} weight(s) pruned to ${(f.sparsity * 100).toFixed(0)} %\n`,
      );
      for (const l of f.layers)
        io.stdout.write(`  ${l.op} ${l.tensor} [${l.shape}] ${(l.zeroFraction * 100).toFixed(1)} % zeros, ${l.encoding}\n`);
      for (const s of f.skipped) io.stdout.write(`  kept: ${s.op} ${s.tensor}: ${s.reason}\n`);
      io.stdout.write(`  XNNPACK sparse inference: ${f.verdict.eligible ? 'eligible' : 'not eligible'} (${f.verdict.summary})\n`);
    }
    io.stdout.write(
      'The files keep the original bytes in full (so that everything not pruned stays identical): their size says nothing about a converted model\u2019s.\n',
    );
    return 0;
  },
};
