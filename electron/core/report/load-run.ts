import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { loadModel, type LoadedModel } from '../model/io';
import { readManifest, type RunManifest } from '../runs/manifest';
import { UserError } from '../util/errors';
import {
  benchmarkFailureSchema,
  benchmarkInputSchema,
  conversionInputSchema,
  pruneMetricsInputSchema,
  trainMetricsInputSchema,
  type BenchmarkInput,
  type ConversionInput,
  type DevicesInput,
  type PruneMetricsInput,
  type TrainMetricsInput,
} from './input-schemas';
import { readInput } from './read-input';
import type { MissingItem, ModelRole } from './types';
import { z } from 'zod';

import { RUN_FILES } from './run-files';

export { RUN_FILES };

export interface TfliteFile {
  role: ModelRole;
  file: string;
  bytes: number;
  sha256: string;
}

/** Everything the report reads from one run folder; absent parts are listed in `missing`. */
export interface LoadedRun {
  id: string;
  dir: string;
  manifest: RunManifest | null;
  trainMetrics: TrainMetricsInput | null;
  pruneMetrics: PruneMetricsInput | null;
  denseModel: LoadedModel | null;
  prunedModel: LoadedModel | null;
  conversion: ConversionInput | null;
  tflite: TfliteFile[];
  benchmarks: { file: string; data: BenchmarkInput }[];
  devices: DevicesInput;
  missing: MissingItem[];
}

const devicesSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

export async function loadRun(runDir: string): Promise<LoadedRun> {
  const dir = resolve(runDir);
  const isDir = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir)
    throw new UserError(
      'RUN_NOT_FOUND',
      `No run folder at ${dir}`,
      'Give a folder that a Sparse Studio command wrote with --out (see `runs list`).',
    );
  const missing: MissingItem[] = [];
  const manifest = await readManifest(dir).catch((error: unknown) => {
    if (error instanceof UserError && error.code === 'RUN_SCHEMA') throw error;
    missing.push({ run: basename(dir), item: 'run.json', detail: (error as Error).message.split('\n')[0] ?? 'unreadable' });
    return null;
  });
  const id = manifest?.id ?? basename(dir);
  const note = (item: string, detail: string): void => void missing.push({ run: id, item, detail });
  for (const m of missing) m.run = id;

  const input = async <T>(
    item: string,
    result: Promise<{ ok: true; value: T } | { ok: false; detail: string }>,
  ): Promise<T | null> => {
    const r = await result;
    if (r.ok) return r.value;
    note(item, r.detail);
    return null;
  };
  const trainMetrics = await input(RUN_FILES.trainMetrics, readInput(join(dir, RUN_FILES.trainMetrics), trainMetricsInputSchema));
  const pruneMetrics = await input(RUN_FILES.pruneMetrics, readInput(join(dir, RUN_FILES.pruneMetrics), pruneMetricsInputSchema));
  const conversion = await input(RUN_FILES.conversion, readInput(join(dir, RUN_FILES.conversion), conversionInputSchema));
  const model = async (sub: string): Promise<LoadedModel | null> =>
    loadModel(join(dir, sub)).catch((error: unknown) => {
      note(`${sub}/model.json`, (error as Error).message.split('\n')[0] ?? 'unreadable');
      return null;
    });
  const denseModel = await model(RUN_FILES.denseModel);
  const prunedModel = await model(RUN_FILES.prunedModel);
  const tflite = await readTflite(dir, note);
  const benchmarks = await readBenchmarks(dir, note);
  const devicesResult = await readInput(join(dir, RUN_FILES.devices), devicesSchema);
  const noBenchmarks = missing.some((m) => m.item === `${RUN_FILES.benchmarksDir}/`);
  if (!devicesResult.ok && !noBenchmarks) note(RUN_FILES.devices, devicesResult.detail);
  return {
    id,
    dir,
    manifest,
    trainMetrics,
    pruneMetrics,
    denseModel,
    prunedModel,
    conversion,
    tflite,
    benchmarks,
    devices: devicesResult.ok ? devicesResult.value : {},
    missing,
  };
}

async function readTflite(dir: string, note: (item: string, detail: string) => void): Promise<TfliteFile[]> {
  const found: TfliteFile[] = [];
  for (const role of ['dense', 'pruned'] as const) {
    const file = `${RUN_FILES.tfliteDir}/${role}.tflite`;
    const bytes = await readFile(join(dir, file)).catch(() => null);
    if (!bytes) {
      note(file, 'not found');
      continue;
    }
    found.push({ role, file, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return found;
}

async function readBenchmarks(
  dir: string,
  note: (item: string, detail: string) => void,
): Promise<{ file: string; data: BenchmarkInput }[]> {
  const folder = join(dir, RUN_FILES.benchmarksDir);
  // Results sit in per-device subfolders (benchmarks/<device>/<model>.r<rep>.json) or directly in benchmarks/.
  const names = await readdir(folder, { recursive: true }).catch(() => null);
  if (!names) {
    note(`${RUN_FILES.benchmarksDir}/`, 'not found: no benchmark was run');
    return [];
  }
  const files = names
    .map((n) => n.split('\\').join('/'))
    .filter((n) => n.endsWith('.json') && n !== basename(RUN_FILES.devices))
    .sort();
  const loaded: { file: string; data: BenchmarkInput }[] = [];
  for (const name of files) {
    const file = `${RUN_FILES.benchmarksDir}/${name}`;
    const result = await readInput(join(dir, file), benchmarkInputSchema);
    if (result.ok) {
      loaded.push({ file, data: result.value });
      continue;
    }
    const failed = await readInput(join(dir, file), benchmarkFailureSchema);
    if (failed.ok)
      note(
        file,
        `benchmark failed${failed.value.failure.code ? ` (${failed.value.failure.code})` : ''}: ${failed.value.failure.message}`,
      );
    else note(file, result.detail);
  }
  if (files.length === 0) note(`${RUN_FILES.benchmarksDir}/*.json`, 'no benchmark results');
  return loaded;
}
