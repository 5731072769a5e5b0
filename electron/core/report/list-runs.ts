import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RUN_FILE } from '../runs/manifest';
import { errorMessage } from '../util/errors';
import { runOverview, type RunOverview } from './run-overview';

export type RunListEntry = { ok: true; overview: RunOverview } | { ok: false; dir: string; error: string };

/** Every run folder (a folder holding run.json) directly inside `workspace`, newest first. Unreadable runs are listed with their error. */
export async function listRuns(workspace: string): Promise<RunListEntry[]> {
  const names = await readdir(workspace).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const entries: RunListEntry[] = [];
  for (const name of names.sort()) {
    const dir = join(workspace, name);
    const isRun = await stat(join(dir, RUN_FILE)).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isRun) continue;
    try {
      entries.push({ ok: true, overview: await runOverview(dir) });
    } catch (error) {
      entries.push({ ok: false, dir, error: errorMessage(error).split('\n')[0] ?? 'unreadable' });
    }
  }
  const created = (e: RunListEntry): string => (e.ok ? e.overview.createdAt : '');
  return entries.sort((a, b) => created(b).localeCompare(created(a)));
}
