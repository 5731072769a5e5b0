import { basename } from 'node:path';
import type { LoadedRun } from './load-run';
import type { ModelRole } from './types';

/** Which of the run's models a benchmark measured: by sha256 or file name against the converted files, else by name. */
export function benchmarkRole(run: LoadedRun, model: { file: string; sha256: string }): ModelRole | null {
  const bySha = run.tflite.find((t) => t.sha256 === model.sha256);
  if (bySha) return bySha.role;
  const name = basename(model.file);
  const byName =
    run.conversion?.files.find((f) => basename(f.file) === name) ?? run.tflite.find((t) => basename(t.file) === name);
  if (byName) return byName.role;
  if (/prun|sparse/i.test(name)) return 'pruned';
  if (/dense/i.test(name)) return 'dense';
  return null;
}
