// "Open run folder…" in History: run folders outside the workspace that the user opened, remembered in the app's
// settings (runFolders) until removed from the list. The folder is checked by the core before it is remembered.
import { resolve } from 'node:path';
import { checkRunFolder } from '../core/runs/open-run-folder';
import { UserError } from '../core/util/errors';
import type { AppContext } from './context';
import { inWorkspace } from './run-list';

export type OpenedRun = { runDir: string; alreadyListed: boolean } | { cancelled: true };

/** Opens `runDir`, or the folder the desktop dialog returns when no path is given. */
export async function openRunFolder(context: AppContext, runDir: string | undefined): Promise<OpenedRun> {
  let chosen = runDir;
  if (chosen === undefined) {
    if (!context.chooseFolder)
      throw new UserError(
        'NO_FOLDER_DIALOG',
        'This window cannot show a folder dialog',
        'Enter the run folder’s full path instead.',
      );
    chosen = await context.chooseFolder();
    if (chosen === undefined) return { cancelled: true };
  }
  const { dir } = await checkRunFolder(chosen);
  const { workspace, runFolders = [] } = context.settings.get();
  const alreadyListed = inWorkspace(workspace, dir) || runFolders.includes(dir);
  if (!alreadyListed) await context.settings.update({ runFolders: [...runFolders, dir] });
  return { runDir: dir, alreadyListed };
}

/** Removes an opened run folder from History; the folder itself stays where it is. */
export async function forgetRunFolder(context: AppContext, runDir: string): Promise<{ runFolders: string[] }> {
  const dir = resolve(runDir);
  const { runFolders = [] } = context.settings.get();
  if (!runFolders.includes(dir))
    throw new UserError('NOT_OPENED', `${dir} is not a run folder opened from outside the workspace`, 'Refresh History.');
  const settings = await context.settings.update({ runFolders: runFolders.filter((d) => d !== dir) });
  return { runFolders: settings.runFolders ?? [] };
}
