import { exportRun, type ExportFormat, type ExportModel } from '../../core/export/export-run';
import { UserError } from '../../core/util/errors';
import { jsonLine, type CliCommand } from '../command';
import { requiredString, stringOption } from '../options';

const USAGE = `Usage: sparse-studio export RUN_DIR --format keras|tfjs --out PATH [--model pruned|dense-fixed|dense] [--json]

Writes the run's model for use outside Sparse Studio: the pruned model (stripped of its pruning wrappers, the zeros
kept) when the run has one, else the XNNPACK-fixed or the dense model.

Options:
  --format keras   a Keras 3 .keras file (config.json, metadata.json, model.weights.h5) that keras.models.load_model reads
  --format tfjs    a TF.js Layers model folder (model.json + weights.bin) that tf.loadLayersModel reads
  --out PATH       the .keras file, or the folder for tfjs
  --model NAME     which of the run's models (default: pruned, else dense-fixed, else dense)
  --json           one JSON object on stdout (the summary)
The .tflite files come from convert.`;

const FORMATS: ExportFormat[] = ['keras', 'tfjs'];
const MODELS: ExportModel[] = ['pruned', 'dense-fixed', 'dense'];

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'write a run\'s (pruned) model as a Keras 3 .keras file or a TF.js Layers model',
  usage: USAGE,
  allowPositionals: true,
  options: { format: { type: 'string' }, out: { type: 'string' }, model: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, positionals, io) {
    const [runDir, ...extra] = positionals;
    if (runDir === undefined || extra.length > 0)
      throw new UserError('BAD_OPTION', 'export takes exactly one RUN_DIR', 'Example: export runs/pruned --format keras --out pruned.keras');
    const format = requiredString(values, 'format') as ExportFormat;
    if (!FORMATS.includes(format)) throw new UserError('BAD_OPTION', `--format must be keras or tfjs, got '${format}'`);
    const model = stringOption(values, 'model') as ExportModel | undefined;
    if (model !== undefined && !MODELS.includes(model)) throw new UserError('BAD_OPTION', `--model must be one of ${MODELS.join(', ')}, got '${model}'`);
    const summary = await exportRun({ runDir, format, out: requiredString(values, 'out'), ...(model ? { model } : {}) });
    if (values.json === true) jsonLine(io, { type: 'summary', ...summary });
    else
      io.stdout.write(
        `Exported the ${summary.model} model (${summary.parameters} parameters, ${summary.zeros} zeros) as ${summary.format}: ${summary.files.join(', ')}\n`,
      );
    return 0;
  },
};
