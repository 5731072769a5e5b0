import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RUN_FILE } from '../runs/manifest';
import { errorMessage, UserError } from '../util/errors';
import { runOverview, type RunOverview } from './run-overview';

export type RunListEntry =
  | { ok: true; overview: RunOverview }
  | { ok: false; dir: string; error: string; code: string };

const hasRunFile = (dir: string): Promise<boolean> =>
  stat(join(dir, RUN_FILE)).then(
    (s) => s.isFile(),
    () => false,
  );

async function entryOf(dir: string): Promise<RunListEntry> {
  try {
    return { ok: true, overview: await runOverview(dir) };
  } catch (error) {
    return {
      ok: false,
      dir,
      error: errorMessage(error).split('\n')[0] ?? 'unreadable',
      code: error instanceof UserError ? error.code : 'RUN_UNREADABLE',
    };
  }
}

const newestFirst = (entries: RunListEntry[]): RunListEntry[] => {
  const created = (e: RunListEntry): string => (e.ok ? e.overview.createdAt : '');
  return entries.sort((a, b) => created(b).localeCompare(created(a)));
};

/** Every run folder (a folder holding run.json) directly inside `workspace`, newest first. Unreadable runs are listed with their error. */
export async function listRuns(workspace: string): Promise<RunListEntry[]> {
  const names = await readdir(workspace).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const entries: RunListEntry[] = [];
  for (const name of names.sort()) {
    const dir = join(workspace, name);
    if (await hasRunFile(dir)) entries.push(await entryOf(dir));
  }
  return newestFirst(entries);
}

/**
 * Run folders named one by one (opened from elsewhere), newest first. A folder that has lost its run.json (moved,
 * deleted, an unplugged drive) is listed with that error, so it can be removed from the list.
 */
export async function listRunFolders(dirs: readonly string[]): Promise<RunListEntry[]> {
  const entries: RunListEntry[] = [];
  for (const dir of dirs) {
    if (await hasRunFile(dir)) entries.push(await entryOf(dir));
    else
      entries.push({
        ok: false,
        dir,
        error: `${join(dir, RUN_FILE)} is missing: the folder was moved or deleted`,
        code: 'RUN_FOLDER_MISSING',
      });
  }
  return newestFirst(entries);
}
