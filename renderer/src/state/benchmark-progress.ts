// Per-device progress of a benchmark job, from the BenchmarkEvent union in electron/core/devices/device.ts:
// download / push byte progress, run-start, run-done (a ModelBenchmark), run-failed (a model's run, or the whole
// device when no model is named — e.g. the phone was unplugged).
import { appI18n } from '../i18n/app-i18n';
import type { ContractError } from '../../../shared/contract';
import type { ModelBenchmark } from '../../../shared/benchmark-result';
import type { BenchmarkEvent } from '../../../electron/core/devices/device';

export interface DeviceProgress {
  device: string;
  /** What the device is doing now, in words. */
  phase: string;
  /** Byte progress of the current download or push. */
  bytes: { done: number; total: number | undefined } | undefined;
  results: ModelBenchmark[];
  /** Failed runs of single models; the device went on with the others. */
  failures: (ContractError & { model?: string; repetition?: number })[];
  /** The device as a whole failed (setup, push, connection lost). */
  error: ContractError | undefined;
}

export type BenchmarkProgress = Record<string, DeviceProgress>;

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function fresh(device: string): DeviceProgress {
  return { device, phase: appI18n.t('wizard.bench.phase.waiting'), bytes: undefined, results: [], failures: [], error: undefined };
}

export function reduceBenchmarkProgress(state: BenchmarkProgress, raw: unknown): BenchmarkProgress {
  const event = raw as Partial<BenchmarkEvent> | null;
  if (!event || typeof event !== 'object' || typeof event.device !== 'string' || typeof event.type !== 'string') return state;
  const e = event as BenchmarkEvent;
  const current = state[e.device] ?? fresh(e.device);
  let next: DeviceProgress;
  switch (e.type) {
    case 'download':
      next = { ...current, phase: appI18n.t('wizard.bench.phase.downloading'), bytes: { done: e.bytes, total: e.total } };
      break;
    case 'push':
      next = {
        ...current,
        phase: appI18n.t(e.skipped ? 'wizard.bench.phase.onDevice' : 'wizard.bench.phase.pushing', { file: baseName(e.file) }),
        bytes: { done: e.bytes, total: e.total },
      };
      break;
    case 'run-start':
      next = { ...current, phase: appI18n.t('wizard.bench.phase.running', { model: baseName(e.model), n: e.repetition + 1 }), bytes: undefined };
      break;
    case 'run-done':
      next = { ...current, phase: appI18n.t('wizard.bench.phase.measured', { file: baseName(e.result.model.file) }), results: [...current.results, e.result] };
      break;
    case 'run-failed': {
      const { model, repetition, code, message, hint } = e.failure;
      const error: ContractError = { code, message, ...(hint ? { hint } : {}) };
      next =
        model === undefined
          ? { ...current, phase: appI18n.t('wizard.bench.phase.failed'), error, bytes: undefined }
          : {
              ...current,
              phase: appI18n.t('wizard.bench.phase.modelFailed', { model: baseName(model) }),
              failures: [...current.failures, { ...error, model, ...(repetition !== undefined ? { repetition } : {}) }],
            };
      break;
    }
    default:
      return state;
  }
  return { ...state, [e.device]: next };
}

/** Runs finished (measured or failed) against the runs planned for the device. */
export function runCount(progress: DeviceProgress, planned: number): { done: number; total: number } {
  return { done: progress.results.length + progress.failures.length, total: planned };
}
