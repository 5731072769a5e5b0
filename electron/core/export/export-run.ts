import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadModel } from '../model/io';
import { countParameters } from '../model/shapes';
import { writeFileAtomic } from '../util/atomic-write';
import { UserError } from '../util/errors';
import { keras3File } from './keras3-file';
import { TFJS_WEIGHTS_FILE, tfjsFiles } from './tfjs-files';

export type ExportFormat = 'keras' | 'tfjs';
/** Which model of the run: the pruned one (stripped), the XNNPACK-fixed dense one, or the dense one. */
export type ExportModel = 'pruned' | 'dense-fixed' | 'dense';
const MODEL_DIRS: ExportModel[] = ['pruned', 'dense-fixed', 'dense'];

export interface ExportConfig {
  runDir: string;
  format: ExportFormat;
  out: string;
  /** Default: the first of pruned, dense-fixed, dense the run has. */
  model?: ExportModel;
}

export interface ExportSummary {
  model: ExportModel;
  format: ExportFormat;
  parameters: number;
  /** Zeros among the weights (the pruned 1x1 kernels keep theirs). */
  zeros: number;
  files: string[];
}

async function hasModel(dir: string): Promise<boolean> {
  return stat(join(dir, 'model.json')).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function chooseModel(runDir: string, wanted: ExportModel | undefined): Promise<ExportModel> {
  if (wanted) {
    if (!(await hasModel(join(runDir, wanted))))
      throw new UserError('MODEL_NOT_FOUND', `${runDir} has no ${wanted} model (${join(runDir, wanted, 'model.json')})`, `Run ${wanted === 'pruned' ? 'prune' : 'train or import'} first.`);
    return wanted;
  }
  for (const model of MODEL_DIRS) if (await hasModel(join(runDir, model))) return model;
  throw new UserError('MODEL_NOT_FOUND', `${runDir} holds no model (no pruned/, dense-fixed/ or dense/ model.json)`, 'Give a run folder written by train, import or prune.');
}

/**
 * Writes a run's model as a Keras 3 `.keras` file (`keras.models.load_model` reads it) or as a TF.js Layers model
 * folder (model.json + weights.bin). Written atomically; the run folder is not changed.
 */
export async function exportRun(config: ExportConfig): Promise<ExportSummary> {
  const runDir = resolve(config.runDir);
  const model = await chooseModel(runDir, config.model);
  const { spec, weights } = await loadModel(join(runDir, model));
  const zeros = weights.tensors.reduce((n, t) => n + t.values.reduce((z, v) => z + (v === 0 ? 1 : 0), 0), 0);
  const out = resolve(config.out);
  let files: string[];
  if (config.format === 'keras') {
    if (!out.endsWith('.keras')) throw new UserError('BAD_OPTION', `--out must name a .keras file for --format keras, got ${out}`, 'Keras 3 loads only files ending in .keras.');
    await writeFileAtomic(out, await keras3File(spec, weights));
    files = [out];
  } else {
    const { modelJson, weightsBin } = await tfjsFiles(spec, weights);
    await writeFileAtomic(join(out, TFJS_WEIGHTS_FILE), weightsBin);
    await writeFileAtomic(join(out, 'model.json'), modelJson);
    files = [join(out, 'model.json'), join(out, TFJS_WEIGHTS_FILE)];
  }
  return { model, format: config.format, parameters: countParameters(spec).total, zeros, files };
}
