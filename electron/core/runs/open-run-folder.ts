// Checks a folder the user picked ("Open run folder…" in History) before the app remembers it: it must exist, be a
// folder and hold a run.json this version reads. Each refusal names the folder and says what to choose instead.
import { stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { RUN_FILE, readManifest, type RunManifest } from './manifest';
import { UserError } from '../util/errors';

const CHOOSE_HINT = `Choose the folder a Sparse Studio run wrote (the one holding ${RUN_FILE}), such as a folder given to --out.`;

/** The run folder's full path and manifest; throws a UserError naming `dir` when it is not a readable run folder. */
export async function checkRunFolder(dir: string): Promise<{ dir: string; manifest: RunManifest }> {
  if (!isAbsolute(dir))
    throw new UserError('RELATIVE_RUN_FOLDER', `'${dir}' is a relative path`, 'Enter the run folder’s full path, such as /home/me/runs/train-20260101-120000.');
  const full = resolve(dir);
  const info = await stat(full).catch(() => undefined);
  if (!info) throw new UserError('RUN_FOLDER_MISSING', `The folder ${full} does not exist`, `Check the path. ${CHOOSE_HINT}`);
  if (!info.isDirectory()) throw new UserError('NOT_A_FOLDER', `${full} is a file, not a folder`, CHOOSE_HINT);
  const hasRunFile = await stat(join(full, RUN_FILE)).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!hasRunFile) throw new UserError('NOT_A_RUN_FOLDER', `${full} is not a run folder: it has no ${RUN_FILE}`, CHOOSE_HINT);
  // The manifest's own checks (valid JSON, a schema version this app reads) with their messages naming run.json.
  return { dir: full, manifest: await readManifest(full) };
}
