// Deleting a run from History: only a run folder directly inside the workspace, never while it runs. The desktop app
// moves it to the system trash (Electron's shell.trashItem); elsewhere it goes to the workspace's own .trash folder,
// so a deleted run can always be brought back.
import { mkdir, rename, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { RUN_FILE, readManifest } from '../core/runs/manifest';
import { UserError } from '../core/util/errors';

export const WORKSPACE_TRASH = '.trash';

export interface DeletedRun {
  runDir: string;
  /** Where the folder went: 'system trash', or the path inside the workspace's .trash folder. */
  movedTo: string;
}

export async function deleteRun(
  workspace: string,
  runDir: string,
  trashItem?: (path: string) => Promise<void>,
): Promise<DeletedRun> {
  const dir = resolve(runDir);
  if (dirname(dir) !== resolve(workspace)) {
    throw new UserError('NOT_IN_WORKSPACE', `${runDir} is not a run folder of the workspace ${workspace}`, 'Only runs listed in History can be deleted here.');
  }
  const isRun = await stat(join(dir, RUN_FILE)).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isRun) throw new UserError('RUN_NOT_FOUND', `No run at ${runDir} (missing ${RUN_FILE})`, 'Refresh History.');
  const manifest = await readManifest(dir).catch(() => undefined);
  if (manifest?.status === 'running') {
    throw new UserError('RUN_BUSY', `The run ${runDir} is still running`, 'Cancel its job or wait for it to finish, then delete it.');
  }
  if (trashItem) {
    await trashItem(dir);
    return { runDir: dir, movedTo: 'system trash' };
  }
  const trash = join(resolve(workspace), WORKSPACE_TRASH);
  await mkdir(trash, { recursive: true });
  const target = join(trash, `${basename(dir)}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  await rename(dir, target);
  return { runDir: dir, movedTo: target };
}
