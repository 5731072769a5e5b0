// The convert job's result (the run's tflite/conversion.json) and what the Convert screen derives from an inspection.
import { appI18n } from '../i18n/app-i18n';
import type { Inspection } from '../../../electron/core/tflite/inspect';
import { joinPath } from './job-configs';

export type { Inspection };

export interface ConvertedFile {
  role: 'dense' | 'pruned';
  file: string;
  bytes: number;
  weightBytes?: number;
  sparseTensors: { name: string; zeros: number; bytesSaved: number }[];
  xnnpackVerdict?: { eligible: boolean; reasons: string[] };
  validation?: {
    maxAbsDiff: number | null;
    agreement: number | null;
    accuracyTflite?: number | null;
    accuracyTfjs?: number | null;
    images?: number;
  };
}

/** The convert job's events: {kind: 'converted' | 'validated', files} (electron/core/pipeline/step-jobs.ts). */
export interface ConvertProgress {
  phase: string;
  /** Phases finished out of CONVERT_PHASES (convert both files, validate both files). */
  done: number;
  files: ConvertedFile[];
}

export const CONVERT_PHASES = 2;

export function initialConvertProgress(): ConvertProgress {
  return { phase: appI18n.t('wizard.convert.phase1'), done: 0, files: [] };
}

export function reduceConvertProgress(state: ConvertProgress, event: unknown): ConvertProgress {
  const kind = (event as { kind?: unknown } | null)?.kind;
  if (kind === 'converted')
    return { phase: appI18n.t('wizard.convert.phase2'), done: 1, files: convertedFiles(event) };
  if (kind === 'validated') return { phase: appI18n.t('wizard.convert.validated'), done: 2, files: convertedFiles(event) };
  return state;
}

export function convertedFiles(result: unknown): ConvertedFile[] {
  const files = (result as { files?: unknown } | null | undefined)?.files;
  return Array.isArray(files) ? (files as ConvertedFile[]) : [];
}

/** A file named relative to the run folder becomes a full path; full paths (POSIX or Windows) stay. */
export function resolveInRun(runDir: string, file: string): string {
  return file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file) ? file : joinPath(runDir, file);
}

/** Operators by name with their counts, in first-appearance order. */
export function opCounts(inspection: Inspection): { op: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const sg of inspection.subgraphs) for (const op of sg.operators) counts.set(op.op, (counts.get(op.op) ?? 0) + 1);
  return [...counts].map(([op, count]) => ({ op, count }));
}

/** Tensors stored in the sparse (CSR) format, with their zero fraction. */
export function sparseTensors(
  inspection: Inspection,
): { name: string; shape: number[]; storedValues: number; zeroFraction: number | undefined }[] {
  return inspection.subgraphs.flatMap((sg) =>
    sg.tensors
      .filter((t) => t.sparsity)
      .map((t) => ({ name: t.name, shape: t.shape, storedValues: t.sparsity?.storedValues ?? 0, zeroFraction: t.zeroFraction })),
  );
}
