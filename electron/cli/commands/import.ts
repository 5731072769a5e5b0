import { resolve } from 'node:path';
import { importRun, type ImportSummary } from '../../core/import/import-run';
import { DEFAULT_WORKSPACE_TEXT } from '../../core/report/workspace';
import { UserError } from '../../core/util/errors';
import { jsonLine, type CliCommand, type CliIO } from '../command';
import { stringOption } from '../options';
import { runFolderOption } from '../training-options';

const USAGE = `Usage: sparse-studio import MODEL [--input-size HxW] [--out RUN_DIR] [--json]

Imports your own model into a run folder laid out like train's (dense/model.json, dense/weights.bin), so check-xnnpack,
prune, convert and the rest work on it. import.json records the source file's name, format and sha256.

MODEL is one of:
  model.json (or its folder)  a TF.js Layers model with its weight shards (tensorflowjs_converter --input_format keras,
                              or model.save() in TF.js); Keras 2 and Keras 3 topologies
  model.keras                 a Keras 3 file (zip of config.json, metadata.json, model.weights.h5)
  model.h5                    a Keras .h5 file saved with model.save() (model_config + weights)
Sequential and functional models; models nested in models are flattened. A final softmax is removed (Sparse Studio
trains on logits; predicted classes are unchanged).

Options:
  --input-size HxW   replace the model's input height and width (needed when the model leaves them free)
  --out RUN_DIR      run folder (default: a new import-<time> folder in ${DEFAULT_WORKSPACE_TEXT})
  --json             one JSON object on stdout (the summary)`;

function parseInputSize(value: string | undefined): [number, number] | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)x(\d+)$/.exec(value.trim());
  const size = match ? ([Number(match[1]), Number(match[2])] as [number, number]) : undefined;
  if (!size || size[0] < 1 || size[1] < 1)
    throw new UserError('BAD_OPTION', `--input-size must be HEIGHTxWIDTH (for example 224x224), got '${value}'`);
  return size;
}

function printSummary(io: CliIO, summary: ImportSummary): void {
  const { source, model } = summary;
  io.stdout.write(
    [
      `Run folder:  ${summary.out}`,
      `Source:      ${source.path} (${source.format}${source.producer ? `, ${source.producer}` : ''}, ${source.bytes} bytes, sha256 ${source.sha256})`,
      `Model:       ${model.name}: ${model.layers} layers, input ${model.inputShape.join('x')}, ${model.classes} classes, ${model.parameters.total} parameters (${model.parameters.trainable} trainable)`,
      ...summary.notes.map((note) => `Note:        ${note}`),
      `Files:       ${summary.files.join(', ')}`,
      `Next:        check-xnnpack ${summary.out}`,
    ].join('\n') + '\n',
  );
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import a Keras (.keras, .h5) or TF.js Layers model into a run folder',
  usage: USAGE,
  allowPositionals: true,
  options: { 'input-size': { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, positionals, io) {
    const [path, ...extra] = positionals;
    if (path === undefined || extra.length > 0)
      throw new UserError('BAD_OPTION', 'import takes exactly one MODEL file', 'Example: import my_model.keras --out runs/mine');
    const inputSize = parseInputSize(stringOption(values, 'input-size'));
    const summary = await importRun({
      path: resolve(path),
      out: runFolderOption(values, 'import'),
      ...(inputSize ? { inputSize } : {}),
    });
    if (values.json === true) jsonLine(io, { type: 'summary', ...summary });
    else printSummary(io, summary);
    return 0;
  },
};
