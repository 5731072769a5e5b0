import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { writeJsonAtomic } from '../util/atomic-write';
import { UserError } from '../util/errors';

export const RUN_FILE = 'run.json';
export const RUN_SCHEMA_VERSION = 1;

export type RunStatus = 'running' | 'completed' | 'failed' | 'interrupted' | 'cancelled';
export type StepStatus = 'running' | 'completed' | 'failed' | 'cancelled';

export interface StepRecord {
  status: StepStatus;
  startedAt: string;
  endedAt?: string;
  /** Files the step wrote, relative to the run folder. */
  outputs?: string[];
  summary?: Record<string, unknown>;
  error?: string;
}

export interface RunManifest {
  schemaVersion: typeof RUN_SCHEMA_VERSION;
  id: string;
  kind: string;
  createdAt: string;
  updatedAt: string;
  status: RunStatus;
  /** Which process owns a running run; a run whose owner is gone was interrupted. */
  owner: { pid: number; host: string };
  config: Record<string, unknown>;
  environment: Record<string, unknown>;
  steps: Record<string, StepRecord>;
  error?: string;
  /** A name and a note the user gave the run (History); the folder name stays the run's id. */
  name?: string;
  note?: string;
}

export type RunLabels = Pick<RunManifest, 'name' | 'note'>;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A run left 'running' by a process that no longer exists was interrupted (crash, kill, power loss). */
export function effectiveStatus(manifest: RunManifest): RunStatus {
  if (manifest.status !== 'running') return manifest.status;
  const ownedHere = manifest.owner.host === hostname();
  return ownedHere && !processAlive(manifest.owner.pid) ? 'interrupted' : 'running';
}

export async function readManifest(dir: string): Promise<RunManifest> {
  const path = join(dir, RUN_FILE);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new UserError('RUN_NOT_FOUND', `No run at ${dir} (missing ${RUN_FILE})`, 'Give the folder a command wrote with --out.');
  }
  let manifest: RunManifest;
  try {
    manifest = JSON.parse(raw) as RunManifest;
  } catch (error) {
    throw new UserError('RUN_UNREADABLE', `${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (manifest.schemaVersion !== RUN_SCHEMA_VERSION) {
    throw new UserError(
      'RUN_SCHEMA',
      `${path} has run schema version ${String(manifest.schemaVersion)}; this Sparse Studio reads version ${RUN_SCHEMA_VERSION}`,
      'Open it with the Sparse Studio version that wrote it, or start a new run.',
    );
  }
  return { ...manifest, status: effectiveStatus(manifest) };
}

export async function writeManifest(dir: string, manifest: RunManifest): Promise<void> {
  await writeJsonAtomic(join(dir, RUN_FILE), { ...manifest, updatedAt: new Date().toISOString() });
}

/**
 * Sets the run's name and note in its run.json (atomically). An empty string removes the label. Refuses while the run
 * is running, since its process rewrites run.json after every step.
 */
export async function updateRunLabels(dir: string, labels: RunLabels): Promise<RunLabels> {
  const manifest = await readManifest(dir);
  if (manifest.status === 'running') {
    throw new UserError('RUN_BUSY', `The run ${dir} is still running`, 'Rename it or add a note once it has finished.');
  }
  const next: RunManifest = { ...manifest };
  for (const key of ['name', 'note'] as const) {
    const value = labels[key];
    if (value === undefined) continue;
    if (value.trim() === '') delete next[key];
    else next[key] = value.trim();
  }
  await writeManifest(dir, next);
  return { ...(next.name ? { name: next.name } : {}), ...(next.note ? { note: next.note } : {}) };
}
