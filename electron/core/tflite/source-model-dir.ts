import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { MODEL_FILE } from '../model/io';
import { UserError } from '../util/errors';

/** Sub-folders of a run folder that hold a model, in the order `--from RUN_DIR` prefers them. */
export const RUN_MODEL_DIRS = ['pruned', 'dense-fixed', 'dense'] as const;

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * The folder holding model.json for `--from PATH [--model NAME]`: PATH itself when it holds a model, else
 * PATH/NAME, else the first of pruned/, dense-fixed/, dense/ that exists.
 */
export async function resolveModelDir(path: string, model?: string): Promise<string> {
  if (model !== undefined) {
    const dir = join(path, model);
    if (await exists(join(dir, MODEL_FILE))) return dir;
    throw new UserError(
      'MODEL_NOT_FOUND',
      `No model at ${join(dir, MODEL_FILE)}`,
      `Use one of ${RUN_MODEL_DIRS.join(', ')} that the run folder contains.`,
    );
  }
  if (await exists(join(path, MODEL_FILE))) return path;
  for (const name of RUN_MODEL_DIRS) if (await exists(join(path, name, MODEL_FILE))) return join(path, name);
  throw new UserError(
    'MODEL_NOT_FOUND',
    `No model in ${path}: expected ${join(path, MODEL_FILE)} or a run folder with ${RUN_MODEL_DIRS.map((d) => `${d}/${MODEL_FILE}`).join(' or ')}`,
    'Point --from to a run folder made by `train` or `prune`.',
  );
}
