import { join } from 'node:path';
import { saveModel } from '../model/io';
import { countParameters, outputShape } from '../model/shapes';
import { RunFolder } from '../runs/run-folder';
import { writeJsonAtomic } from '../util/atomic-write';
import { importModel } from './import-model';
import { importInputFromPath } from './import-path';
import type { ImportFormat, ImportInput } from './read-formats';

export interface ImportConfig {
  /** The model file: TF.js model.json (or its folder), .keras or .h5 (for an upload: its file name). */
  path: string;
  out: string;
  /** Height and width replacing the model's input size. */
  inputSize?: [number, number];
}

export interface ImportSummary {
  out: string;
  source: { file: string; path: string; format: ImportFormat; sha256: string; bytes: number; producer?: string };
  model: { name: string; layers: number; inputShape: [number, number, number]; classes: number; parameters: { total: number; trainable: number } };
  notes: string[];
  files: string[];
}

export const IMPORT_STEP = 'import';
export const IMPORT_DIR = 'dense';
export const IMPORT_RECORD_FILE = 'import.json';

/**
 * Imports a model into a run folder laid out like `train`'s: `dense/model.json` + `dense/weights.bin`, plus
 * `import.json` (the source file's name, format and sha256, and what the import changed). Everything is read and
 * checked before the folder is touched.
 */
export async function importRun(config: ImportConfig): Promise<ImportSummary> {
  return importIntoRun(await importInputFromPath(config.path), config);
}

/** The same for a model given as bytes (an upload in browser mode). */
export async function importIntoRun(input: ImportInput, config: ImportConfig): Promise<ImportSummary> {
  const imported = await importModel(input, config.inputSize ? { inputSize: config.inputSize } : {});
  const parameters = countParameters(imported.spec);
  const output = outputShape(imported.spec);
  return RunFolder.single(config.out, 'import', { import: config }, IMPORT_STEP, async (run) => {
    await saveModel(join(run.dir, IMPORT_DIR), imported.spec, imported.weights);
    const summary: ImportSummary = {
      out: run.dir,
      source: { ...imported.source, path: config.path },
      model: {
        name: imported.spec.name,
        layers: imported.spec.layers.length,
        inputShape: imported.spec.inputShape,
        classes: output[output.length - 1] ?? 0,
        parameters: { total: parameters.total, trainable: parameters.trainable },
      },
      notes: imported.notes,
      files: [`${IMPORT_DIR}/model.json`, `${IMPORT_DIR}/weights.bin`, IMPORT_RECORD_FILE],
    };
    await writeJsonAtomic(join(run.dir, IMPORT_RECORD_FILE), { source: summary.source, model: summary.model, notes: summary.notes });
    return summary;
  });
}
