import { dirname, resolve } from 'node:path';
import { listRunFolders, listRuns, type RunListEntry } from '../core/report/list-runs';
import { readManifest } from '../core/runs/manifest';

/** Whether a run folder sits directly in the workspace, where History lists it anyway. */
export const inWorkspace = (workspace: string, runDir: string): boolean => dirname(resolve(runDir)) === resolve(workspace);

async function withLabels(entry: RunListEntry, opened: boolean) {
  const origin = opened ? { opened: true as const } : {};
  if (!entry.ok) return { ...entry, ...origin };
  const manifest = await readManifest(entry.overview.dir).catch(() => undefined);
  const labels = { ...(manifest?.name ? { name: manifest.name } : {}), ...(manifest?.note ? { note: manifest.note } : {}) };
  return { ...entry, labels, ...origin };
}

/**
 * The workspace's runs, then the run folders opened from elsewhere (`opened: true`, each list newest first as listRuns
 * gives it), with each readable run's name and note. An opened folder now inside the workspace is listed once.
 */
export async function listRunsWithLabels(workspace: string, openedFolders: readonly string[] = []) {
  const own = await listRuns(workspace);
  const opened = await listRunFolders(openedFolders.filter((dir) => !inWorkspace(workspace, dir)));
  return Promise.all([...own.map((e) => withLabels(e, false)), ...opened.map((e) => withLabels(e, true))]);
}
