import { resolve } from 'node:path';
import { buildReport } from '../../core/report/build-report';
import { parseReportFormat, writeReport } from '../../core/report/write-report';
import { UserError } from '../../core/util/errors';
import { jsonLine, type CliCommand } from '../command';
import { languageOption, requiredString, stringOption } from '../options';
import type { PageSize } from '../../core/report/render-html';

function parsePageSize(value: string | undefined): PageSize {
  const sizes: Record<string, PageSize> = { a4: 'A4', letter: 'Letter' };
  const size = sizes[(value ?? 'A4').toLowerCase()];
  if (!size) throw new UserError('BAD_OPTION', `--page must be A4 or Letter, got '${value}'`);
  return size;
}

const USAGE = `Usage: sparse-studio report RUN_DIR [RUN_DIR ...] --format json|csv|html|pdf --out FILE

Builds the comparison report (dense vs pruned, per device) of one or several run folders.
Several runs: the same models on several phones, or two runs' pruned models side by side.

Options:
  --format json|csv|html|pdf   (default: html)
                               json: versioned schema (resources/schemas/report.v1.schema.json)
                               csv:  FILE = one row per device x model x repetition, plus FILE's .summary.csv
                               html: one self-contained file, opens offline
                               pdf:  printed by headless Chromium (set SPARSE_STUDIO_CHROMIUM if it is not found)
  --out FILE                   where to write (required)
  --lang en|th                 language of the HTML and PDF report (default: the system language)
  --page A4|Letter             PDF page size (default: A4)
  --json                       print the written files and what is missing as JSON lines`;

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'write the comparison report of run folders (json, csv, html, pdf)',
  usage: USAGE,
  allowPositionals: true,
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    page: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, positionals, io) {
    if (positionals.length === 0)
      throw new UserError('MISSING_ARGUMENT', 'Give at least one run folder: report RUN_DIR --out FILE');
    const format = parseReportFormat(stringOption(values, 'format'));
    const out = resolve(requiredString(values, 'out'));
    const report = await buildReport(positionals.map((p) => resolve(p)));
    const files = await writeReport(report, format, out, {
      lang: languageOption(values),
      page: parsePageSize(stringOption(values, 'page')),
    });
    if (values.json === true) {
      jsonLine(io, { type: 'report', format, files, synthetic: report.synthetic, missing: report.missing });
      return 0;
    }
    for (const m of report.missing) io.stderr.write(`Missing: ${m.run}/${m.item}: ${m.detail}\n`);
    if (report.synthetic)
      io.stderr.write('Note: the report contains SYNTHETIC numbers from an emulated phone (marked as such).\n');
    io.stdout.write(files.map((f) => `Wrote ${f}`).join('\n') + '\n');
    return 0;
  },
};
