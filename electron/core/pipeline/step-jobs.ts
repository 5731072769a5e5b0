import type { Language } from '../../../shared/i18n/languages';
import type { BenchmarkEvent } from '../devices/device';
import { RunFolder } from '../runs/run-folder';
import type { BackendChoice } from '../train/types';
import { benchmarkInRun, type BenchmarkStepConfig } from './benchmark-step';
import { convertInRun, type ConvertedFile } from './convert-step';
import { REPORT_STEP, reportInRun } from './report-step';
import { validateInRun } from './validate-step';

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
  const converted = await RunFolder.single(config.runDir, 'convert', {}, 'convert', () => convertInRun(config.runDir));
  onEvent({ kind: 'converted', files: converted.conversion });
  const data = { source: config.data, ...(config.limit !== undefined ? { limit: config.limit } : {}) };
  const validated = await RunFolder.single(config.runDir, 'convert', {}, 'validate', () =>
    validateInRun(config.runDir, data, config.backend),
  );
  onEvent({ kind: 'validated', files: validated.results });
  return { files: validated.results };
}

export interface BenchmarkJobConfig extends BenchmarkStepConfig {
  runDir: string;
  /** The refreshed report's language (HTML and PDF); unset: the system language. */
  lang?: Language;
}

/** Benchmark a run's .tflite files on the chosen devices, then refresh its report. */
export async function benchmarkJob(config: BenchmarkJobConfig, onEvent: (e: BenchmarkEvent) => void, signal?: AbortSignal) {
  const result = await RunFolder.single(config.runDir, 'benchmark', {}, 'benchmark', () =>
    benchmarkInRun(config.runDir, config, onEvent, signal),
  );
  await RunFolder.single(config.runDir, 'benchmark', {}, REPORT_STEP, () => reportInRun(config.runDir, REPORT_STEP, config.lang));
  return result;
}
