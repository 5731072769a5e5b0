import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadModel } from '../model/io';
import { FIXED_MODEL_DIR, PRUNED_MODEL_DIR } from '../prune/prune-run';
import { convertToTflite } from '../tflite/convert';
import { inspectTfliteBytes } from '../tflite/inspect';
import type { VerdictRule } from '../tflite/xnnpack-verdict';
import { DENSE_MODEL_DIR } from '../train/train-run';
import { writeFileAtomic, writeJsonAtomic } from '../util/atomic-write';

export const TFLITE_DIR = 'tflite';
export const CONVERSION_FILE = `${TFLITE_DIR}/conversion.json`;
export type ModelRole = 'dense' | 'pruned';

export interface ConvertedFile {
  role: ModelRole;
  /** Relative to the run folder. */
  file: string;
  /** The model folder it came from, relative to the run folder. */
  source: string;
  bytes: number;
  /** Bytes of constant tensor data (weights, biases, index vectors). */
  weightBytes: number;
  sha256: string;
  sparseTensors: { name: string; zeros: number; bytesSaved: number }[];
  xnnpackVerdict: { eligible: boolean; reasons: string[]; rules: VerdictRule[] };
  validation?: {
    maxAbsDiff: number;
    meanAbsDiff: number;
    agreement: number;
    images: number;
    accuracyTflite: number;
    accuracyTfjs: number;
  };
}

export interface Conversion {
  files: ConvertedFile[];
}

/** The dense model to compare against: the XNNPACK-fixed copy when the prune step made one (same weights, MEAN keep_dims). */
export function denseSourceDir(runDir: string): string {
  return existsSync(join(runDir, FIXED_MODEL_DIR, 'model.json')) ? FIXED_MODEL_DIR : DENSE_MODEL_DIR;
}

async function convertOne(runDir: string, role: ModelRole, source: string): Promise<ConvertedFile> {
  const { spec, weights } = await loadModel(join(runDir, source));
  const result = convertToTflite(spec, weights, { sparse: role === 'pruned' });
  const file = `${TFLITE_DIR}/${role}.tflite`;
  await writeFileAtomic(join(runDir, file), result.bytes);
  const inspection = inspectTfliteBytes(result.bytes, file);
  const verdict = inspection.sparseInference;
  return {
    role,
    file,
    source,
    bytes: result.bytes.length,
    weightBytes: inspection.sizeByTensor.reduce((sum, t) => sum + t.bytes, 0),
    sha256: createHash('sha256').update(result.bytes).digest('hex'),
    sparseTensors: (result.sparsity?.encoded ?? []).map((t) => ({
      name: t.tensor,
      zeros: Math.round(t.zeroFraction * t.shape.reduce((a, b) => a * b, 1)),
      bytesSaved: t.denseBytes - t.sparseBytes,
    })),
    xnnpackVerdict: {
      eligible: verdict.eligible,
      reasons: verdict.rules.map((r) => `${r.pass ? 'pass' : 'FAIL'} ${r.title}: ${r.reason}`),
      rules: verdict.rules,
    },
  };
}

/** Converts the dense and the pruned model of a run to .tflite (the pruned one with the sparse encoding). */
export async function convertInRun(runDir: string): Promise<{ files: string[]; conversion: ConvertedFile[] }> {
  const conversion = [
    await convertOne(runDir, 'dense', denseSourceDir(runDir)),
    await convertOne(runDir, 'pruned', PRUNED_MODEL_DIR),
  ];
  await writeJsonAtomic(join(runDir, CONVERSION_FILE), { files: conversion });
  return { files: [CONVERSION_FILE, ...conversion.map((f) => f.file)], conversion };
}

export async function readConversion(runDir: string): Promise<Conversion> {
  return JSON.parse(await readFile(join(runDir, CONVERSION_FILE), 'utf8')) as Conversion;
}
