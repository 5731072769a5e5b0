import { loadDataset } from '../data/load';
import type { BenchmarkEvent } from '../devices/device';
import { RunFolder } from '../runs/run-folder';
import type { BackendChoice } from '../train/types';
import { benchmarkInRun, type BenchmarkStepConfig } from './benchmark-step';
import { CONVERSION_FILE, convertInRun, type ConvertedFile } from './convert-step';
import { reportInRun } from './report-step';
import { validateInRun } from './validate-step';

/** Runs one step in an existing run folder as a job of its own (the app's Convert and Benchmark screens). */
function inRun<T extends { files: string[] }>(
  runDir: string,
  kind: string,
  step: string,
  work: (run: RunFolder) => Promise<T>,
): Promise<T> {
  return RunFolder.single(runDir, kind, {}, step, work);
}

export interface ConvertJobConfig {
  runDir: string;
  /** Test images to validate on (default: the data set the run was trained on). */
  data: string;
  limit?: number;
  backend: BackendChoice;
}

/** Convert both models of a run and validate them in the real TFLite runtime. */
export async function convertJob(
  config: ConvertJobConfig,
  onEvent: (e: { kind: 'converted' | 'validated'; files: ConvertedFile[] }) => void,
): Promise<{ files: ConvertedFile[] }> {
  const converted = await inRun(config.runDir, 'convert', 'convert', async () => {
    const conversion = await convertInRun(config.runDir);
    return { files: [CONVERSION_FILE, ...conversion.files.map((f) => f.file)], conversion: conversion.files };
  });
  onEvent({ kind: 'converted', files: converted.conversion });
  const validated = await inRun(config.runDir, 'convert', 'validate', async () => {
    const dataset = await loadDataset(config.data, config.limit !== undefined ? { limit: config.limit } : {});
    return validateInRun(config.runDir, dataset.test, config.backend);
  });
  onEvent({ kind: 'validated', files: validated.results });
  return { files: validated.results };
}

export interface BenchmarkJobConfig extends BenchmarkStepConfig {
  runDir: string;
}

/** Benchmark a run's .tflite files on the chosen devices, then refresh its report. */
export async function benchmarkJob(config: BenchmarkJobConfig, onEvent: (e: BenchmarkEvent) => void, signal?: AbortSignal) {
  const result = await inRun(config.runDir, 'benchmark', 'benchmark', () =>
    benchmarkInRun(config.runDir, config, onEvent, signal),
  );
  await inRun(config.runDir, 'benchmark', 'report', () => reportInRun(config.runDir));
  return result;
}
