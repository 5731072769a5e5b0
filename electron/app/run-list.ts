import { listRuns } from '../core/report/list-runs';
import { readManifest } from '../core/runs/manifest';

/** The workspace's runs (newest first, as listRuns gives them) with each readable run's name and note. */
export async function listRunsWithLabels(workspace: string) {
  return Promise.all(
    (await listRuns(workspace)).map(async (entry) => {
      if (!entry.ok) return entry;
      const manifest = await readManifest(entry.overview.dir).catch(() => undefined);
      const labels = { ...(manifest?.name ? { name: manifest.name } : {}), ...(manifest?.note ? { note: manifest.note } : {}) };
      return { ...entry, labels };
    }),
  );
}
