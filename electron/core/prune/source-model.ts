import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { loadModel, MODEL_FILE, type LoadedModel } from '../model/io';
import { UserError } from '../util/errors';

/** The dense model's folder inside a run folder (written by `train`). */
export const RUN_DENSE_MODEL_DIR = 'dense';

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Loads a model given as a model.json file (or `<prefix>model.json`), a folder holding model.json, or a run folder
 * (its dense/model.json). Returns the folder it was read from too.
 */
export async function loadSourceModel(path: string): Promise<LoadedModel & { dir: string }> {
  const kind = await stat(path).then(
    (s) => (s.isDirectory() ? 'dir' : 'file'),
    () => undefined,
  );
  if (kind === undefined)
    throw new UserError('MODEL_NOT_FOUND', `${path} does not exist`, 'Give a model.json file, a model folder or a run folder.');
  if (kind === 'file') {
    const name = basename(path);
    if (!name.endsWith(MODEL_FILE)) {
      throw new UserError('MODEL_NOT_FOUND', `${path} is not a model file (expected a name ending in ${MODEL_FILE})`);
    }
    const dir = dirname(path);
    return { ...(await loadModel(dir, name.slice(0, -MODEL_FILE.length))), dir };
  }
  for (const dir of [path, join(path, RUN_DENSE_MODEL_DIR)]) {
    if (await isFile(join(dir, MODEL_FILE))) return { ...(await loadModel(dir)), dir };
  }
  throw new UserError(
    'MODEL_NOT_FOUND',
    `No model in ${path}: expected ${join(path, MODEL_FILE)} or a run folder with ${join(RUN_DENSE_MODEL_DIR, MODEL_FILE)}`,
    'Train a model first (`train --out RUN_DIR`), or point to the folder that holds model.json.',
  );
}
