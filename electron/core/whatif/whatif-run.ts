import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ModelBenchmark } from '../../../shared/benchmark-result';
import { benchmarkTargets } from '../benchmark/benchmark-targets';
import type { BenchmarkEvent, DeviceBenchmarkOutcome } from '../devices/device';
import { benchmarkRequest, benchmarkTargetOptions, type BenchmarkStepConfig } from '../pipeline/benchmark-step';
import { RunFolder } from '../runs/run-folder';
import { readTflite } from '../tflite/read-model';
import { sparseInferenceVerdict } from '../tflite/xnnpack-verdict';
import { writeFileAtomic, writeJsonAtomic } from '../util/atomic-write';
import { CancelledError, isCancellation } from '../util/cancel';
import { UserError } from '../util/errors';
import { systemLanguage } from '../util/system-language';
import type { Language } from '../../../shared/i18n/i18n';
import { sparsifyModel } from './sparsify-model';
import { buildWhatifReport, type WhatifFile, type WhatifReport } from './whatif-report';
import { renderWhatifHtml } from './render-whatif-html';

export const WHATIF_MODELS_DIR = 'models';
export const WHATIF_REPORT_JSON = 'report/whatif.json';
export const WHATIF_REPORT_HTML = 'report/whatif.html';

export interface WhatifConfig extends BenchmarkStepConfig {
  /** The float .tflite to try. */
  model: string;
  /** Run folder. */
  out: string;
  /** Target sparsities, each in (0, 1); the unpruned file is always measured as the 0 % point. */
  sparsities: number[];
  includeFc: boolean;
  /** The language of whatif.html; unset: the system language. */
  lang?: Language;
}

export type WhatifEvent =
  { kind: 'sparsified'; file: WhatifFile } | { kind: 'benchmark'; event: BenchmarkEvent } | { kind: 'report'; files: string[] };

function checkSparsities(sparsities: number[]): number[] {
  const sorted = [...new Set(sparsities)].sort((a, b) => a - b);
  if (sorted.length === 0) throw new UserError('MISSING_OPTION', '--sparsity needs at least one target, e.g. 0.5,0.75,0.9');
  const bad = sorted.find((s) => !(s > 0 && s < 1));
  if (bad !== undefined) throw new UserError('BAD_OPTION', `--sparsity values must lie strictly between 0 and 1, got ${bad}`);
  return sorted;
}

export function whatifFileName(sparsity: number): string {
  return `sparse-${Math.round(sparsity * 1000) / 10}.tflite`;
}

async function sparsifyStep(config: WhatifConfig, run: RunFolder, onEvent: (e: WhatifEvent) => void): Promise<WhatifFile[]> {
  const bytes = new Uint8Array(
    await readFile(config.model).catch(() => {
      throw new UserError('FILE_NOT_FOUND', `Cannot read ${config.model}`, 'Check the path of the .tflite file.');
    }),
  );
  const dir = join(run.dir, WHATIF_MODELS_DIR);
  await mkdir(dir, { recursive: true });
  const densePath = join(dir, 'dense.tflite');
  await copyFile(config.model, densePath);
  const denseModel = readTflite(bytes, config.model);
  const files: WhatifFile[] = [
    {
      sparsity: 0,
      file: `${WHATIF_MODELS_DIR}/dense.tflite`,
      bytes: bytes.length,
      layers: [],
      verdict: sparseInferenceVerdict(denseModel),
    },
  ];
  onEvent({ kind: 'sparsified', file: files[0]! });
  for (const sparsity of checkSparsities(config.sparsities)) {
    const result = sparsifyModel(bytes, config.model, { sparsity, includeFc: config.includeFc });
    const name = whatifFileName(sparsity);
    await writeFileAtomic(join(dir, name), result.bytes);
    const file: WhatifFile = {
      sparsity,
      file: `${WHATIF_MODELS_DIR}/${name}`,
      bytes: result.bytes.length,
      layers: result.layers,
      verdict: sparseInferenceVerdict(readTflite(result.bytes, name)),
    };
    files.push(file);
    onEvent({ kind: 'sparsified', file });
  }
  await writeJsonAtomic(join(dir, 'sparsify.json'), { source: basename(config.model), includeFc: config.includeFc, files });
  return files;
}

async function benchmarkStep(
  config: WhatifConfig,
  run: RunFolder,
  files: WhatifFile[],
  onEvent: (e: WhatifEvent) => void,
  signal?: AbortSignal,
): Promise<DeviceBenchmarkOutcome[]> {
  return benchmarkTargets(
    benchmarkTargetOptions(config),
    benchmarkRequest(
      config,
      files.map((f) => join(run.dir, f.file)),
      join(run.dir, 'benchmarks'),
      (event) => onEvent({ kind: 'benchmark', event }),
      signal,
    ),
  );
}

/**
 * "Would sparse inference pay off?": prunes a float .tflite's 1x1 convolutions to each target sparsity without
 * training, checks XNNPACK's sparse-inference rules per file, benchmarks every file on every device (dense
 * included, A B C D / D C B A between repetitions) and writes the latency-vs-sparsity report.
 */
export async function whatifRun(
  config: WhatifConfig,
  onEvent: (e: WhatifEvent) => void,
  signal?: AbortSignal,
): Promise<{ runDir: string; report: WhatifReport }> {
  const run = await RunFolder.open(config.out, 'whatif', { ...config });
  try {
    let list: WhatifFile[] = [];
    await run.runStep('sparsify', async () => {
      list = await sparsifyStep(config, run, onEvent);
      return { files: [...list.map((f) => f.file), `${WHATIF_MODELS_DIR}/sparsify.json`], models: list.length };
    });
    if (signal?.aborted) throw new CancelledError();
    let results: ModelBenchmark[] = [];
    let failures: WhatifReport['failures'] = [];
    await run.runStep('benchmark', async () => {
      const outcomes = await benchmarkStep(config, run, list, onEvent, signal);
      results = outcomes.flatMap((o) => o.results);
      failures = outcomes.flatMap((o) => o.failures.map((f) => ({ device: o.device.id, code: f.code, message: f.message })));
      return { files: ['benchmarks'], runs: results.length, failures: failures.length };
    });
    const report = await run.runStep('report', async () => {
      const built = buildWhatifReport({
        source: { file: basename(config.model), bytes: list[0]!.bytes },
        runDir: run.dir,
        files: list,
        results,
        failures,
        config: {
          devices: config.devices,
          runs: config.runs,
          repeat: config.repeat,
          threads: config.threads,
          includeFc: config.includeFc,
        },
      });
      await writeJsonAtomic(join(run.dir, WHATIF_REPORT_JSON), built);
      await writeFileAtomic(join(run.dir, WHATIF_REPORT_HTML), await renderWhatifHtml(built, config.lang ?? systemLanguage()));
      onEvent({ kind: 'report', files: [WHATIF_REPORT_JSON, WHATIF_REPORT_HTML] });
      return { files: [WHATIF_REPORT_JSON, WHATIF_REPORT_HTML], report: built };
    });
    await run.finish('completed');
    return { runDir: run.dir, report: report.report };
  } catch (error) {
    await run.finish(isCancellation(error) || signal?.aborted ? 'cancelled' : 'failed', error);
    throw error;
  }
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** The report of an earlier what-if run (for the app and `report`). */
export async function readWhatifReport(runDir: string): Promise<WhatifReport> {
  return readJson<WhatifReport>(join(runDir, WHATIF_REPORT_JSON)).catch(() => {
    throw new UserError(
      'WHATIF_REPORT_MISSING',
      `${runDir} has no what-if report (${WHATIF_REPORT_JSON})`,
      'Run `whatif` into this folder first, or pick the folder of a finished what-if run.',
    );
  });
}
