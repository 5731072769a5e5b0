import { resolve } from 'node:path';
import type { ModelSpec } from '../../../shared/model-spec';
import { saveModel } from '../../core/model/io';
import type { XnnpackCheck } from '../../core/prune/diagnostics';
import { fixForXnnpack } from '../../core/prune/fix-for-xnnpack';
import { formatChanges, formatDiagnostics } from '../../core/prune/format-diagnostics';
import { loadSourceModel } from '../../core/prune/source-model';
import { checkXnnpack } from '../../core/prune/xnnpack-policy';
import { UserError } from '../../core/util/errors';
import { jsonLine, type CliCommand, type CliIO } from '../command';
import { stringOption } from '../options';

const USAGE = `Usage: sparse-studio check-xnnpack MODEL|RUN_DIR [--fix [--out DIR]] [--json]

Checks a model (a chain or a graph) against TFMOT's PruneForLatencyOnXNNPack policy (the start layer on every input
branch, GlobalAveragePooling2D on every output branch, the layers XNNPACK sparse inference accepts in between) and
prints the verdict with, for every failed check, the layer, the rule, TFMOT's message and what to change.
Exit status 0 when the model (after --fix, if given) passes, 1 when it does not.

MODEL is a model.json file or a folder holding one; RUN_DIR is a run folder (its dense/model.json is checked).

Options:
  --fix        apply the fixes that keep the trained weights, anywhere in the graph: GlobalAveragePooling2D
               keepdims (exact); a stride-2 'same' 3x3 stem Conv2D or 3x3/5x5 DepthwiseConv2D as ZeroPadding2D +
               'valid'; an asymmetric ZeroPadding2D before such a stride-2 convolution made symmetric. The padding
               rewrites move the sampling grid on even sizes and are flagged "needs fine-tuning"; then check again
  --out DIR    with --fix: write the fixed model (model.json + weights.bin) into DIR
  --json       one JSON object per line on stdout`;

function printCheck(io: CliIO, label: string, check: XnnpackCheck): void {
  if (check.ok) {
    io.stdout.write(`${label}: supported by PruneForLatencyOnXNNPack.\n`);
    return;
  }
  const count = check.diagnostics.length;
  io.stdout.write(`${label}: NOT supported by PruneForLatencyOnXNNPack (${count} problem${count === 1 ? '' : 's'}).\n`);
  io.stdout.write(`TFMOT would raise: ${check.message}\n${formatDiagnostics(check.diagnostics)}\n`);
}

async function writeFixed(out: string, spec: ModelSpec, weights: Parameters<typeof saveModel>[2]): Promise<string> {
  const dir = resolve(out);
  await saveModel(dir, spec, weights);
  return dir;
}

export const checkXnnpackCommand: CliCommand = {
  name: 'check-xnnpack',
  summary: 'check a model against the XNNPACK sparse-inference pruning policy (and fix it)',
  usage: USAGE,
  allowPositionals: true,
  options: {
    fix: { type: 'boolean' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, positionals, io) {
    const [target, ...extra] = positionals;
    if (target === undefined || extra.length > 0) {
      throw new UserError(
        'BAD_OPTION',
        'check-xnnpack takes exactly one MODEL or RUN_DIR',
        'Example: check-xnnpack runs/baseline',
      );
    }
    const out = stringOption(values, 'out');
    const fix = values.fix === true;
    if (out !== undefined && !fix)
      throw new UserError('BAD_OPTION', '--out is only used with --fix (it receives the fixed model)');
    const json = values.json === true;
    const model = await loadSourceModel(resolve(target));
    const check = checkXnnpack(model.spec);
    if (json) jsonLine(io, { type: 'check', model: model.dir, stage: 'original', ...check });
    else printCheck(io, `Model ${model.dir}`, check);
    if (!fix) return check.ok ? 0 : 1;

    const fixed = fixForXnnpack(model.spec, model.weights);
    const after = checkXnnpack(fixed.spec);
    if (json) {
      jsonLine(io, { type: 'fix', changes: fixed.changes });
      jsonLine(io, { type: 'check', model: model.dir, stage: 'fixed', ...after });
    } else {
      io.stdout.write(`\nFixes:\n${formatChanges(fixed.changes)}\n`);
      if (fixed.changes.some((c) => c.needsFineTuning))
        io.stdout.write('The fixed model needs fine-tuning (pruning fine-tunes it).\n');
      printCheck(io, 'Fixed model', after);
    }
    if (out !== undefined) {
      const dir = await writeFixed(out, fixed.spec, fixed.weights);
      if (json) jsonLine(io, { type: 'saved', out: dir });
      else io.stdout.write(`Fixed model written to ${dir}\n`);
    }
    return after.ok ? 0 : 1;
  },
};
