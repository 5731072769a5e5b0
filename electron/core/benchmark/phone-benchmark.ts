import { basename } from 'node:path';
import type { BenchmarkFlags, DeviceRef, ModelBenchmark, OpProfileRow } from '../../../shared/benchmark-result';
import { UserError, errorMessage } from '../util/errors';
import { translateAdbError } from '../devices/adb-errors';
import type { AdbDeviceClient } from '../devices/adbkit';
import type { BenchmarkRequest, BenchmarkRunFailure, DeviceBenchmarkOutcome } from '../devices/device';
import { shellRunner, runDeviceShell } from '../devices/device-shell';
import { readCpuClusters } from '../devices/details/cpu';
import { readDeviceConditions, type DeviceConditions } from '../devices/details/device-details';
import { readIdentity } from '../devices/details/identity';
import { benchmarkBinaryForAbis } from '../devices/parse/benchmark-binary-for-abi';
import { shellCommand } from '../devices/shell-quote';
import { resolveBenchmarkBinary, type BenchmarkBinary } from './benchmark-binary';
import { benchmarkShellCommand, REMOTE_BINARY, REMOTE_DIR } from './benchmark-command';
import { describeLocalFile } from './file-hash';
import { parseBenchmarkOutput } from './parse/parse-benchmark-output';
import type { BenchmarkParseResult } from './parse/types';
import { pushFile } from './push-file';
import { runFileStem, writeRawOutput, writeRunJson } from './result-files';
import { RunInterruptedError, runBenchmarkProcess } from './run-process';
import { runOrder } from './run-order';

/** What is written per phone run: the shared result plus the conditions around it. */
export interface PhoneRunRecord extends ModelBenchmark {
  conditions: { before: DeviceConditions; after: DeviceConditions };
  exitStatus: number;
}

interface LocalModel {
  path: string;
  bytes: number;
  sha256: string;
  remote: string;
}

const PUSH_TIMEOUT_MS = 120_000;

function failureFrom(serial: string, raw: unknown, extra: Partial<BenchmarkRunFailure> = {}): BenchmarkRunFailure {
  const error = translateAdbError(serial, raw) ?? raw;
  if (error instanceof UserError) {
    return {
      ...extra,
      code: error.code,
      message: error.message.split('\n')[0] ?? error.message,
      ...(error.hint ? { hint: error.hint } : {}),
    };
  }
  return { ...extra, code: 'UNEXPECTED', message: errorMessage(error) };
}

/** Remote names keep the model's own file name (quoted everywhere); duplicates get an index prefix. */
function remoteNames(paths: string[]): string[] {
  const seen = new Set<string>();
  return paths.map((path, index) => {
    let name = basename(path);
    if (seen.has(name)) name = `${index}-${name}`;
    seen.add(name);
    return `${REMOTE_DIR}/${name}`;
  });
}

function opProfileRows(parsed: BenchmarkParseResult): OpProfileRow[] | undefined {
  const sections = parsed.opProfiles.filter((s) => s.phase === 'regular');
  const rows = sections.flatMap((s) => s.runOrder);
  if (rows.length === 0) return undefined;
  return rows.map((r) => ({
    nodeType: r.nodeType,
    name: r.name,
    avgMs: r.avgMs,
    percent: r.percent,
    timesCalled: r.timesCalled,
  }));
}

function toModelBenchmark(
  parsed: BenchmarkParseResult,
  base: Omit<ModelBenchmark, 'stats' | 'sparseInference' | 'synthetic'>,
): ModelBenchmark | undefined {
  if (!parsed.stats) return undefined;
  const result: ModelBenchmark = {
    ...base,
    stats: parsed.stats,
    sparseInference: parsed.sparseInference,
    synthetic: parsed.synthetic,
  };
  if (parsed.initUs !== undefined) result.initUs = parsed.initUs;
  if (parsed.firstInferenceUs !== undefined) result.firstInferenceUs = parsed.firstInferenceUs;
  if (parsed.warmupAvgUs !== undefined) result.warmupAvgUs = parsed.warmupAvgUs;
  if (parsed.memory) {
    const { initMb, overallMb, peakMb } = parsed.memory;
    result.memory = {
      ...(initMb !== undefined ? { initMb } : {}),
      ...(overallMb !== undefined ? { overallMb } : {}),
      ...(peakMb !== undefined ? { peakMb } : {}),
    };
  }
  const ops = opProfileRows(parsed);
  if (ops) Object.assign(result, { opProfile: ops, opProfileCalls: parsed.stats.count, opProfileSource: 'these-runs' });
  return result;
}

async function prepare(
  device: AdbDeviceClient,
  request: BenchmarkRequest,
): Promise<{ binary: BenchmarkBinary; flags: BenchmarkFlags; models: LocalModel[] }> {
  const serial = device.serial;
  const shell = shellRunner(device);
  const identity = await readIdentity(shell);
  const binary = await resolveBenchmarkBinary({
    name: benchmarkBinaryForAbis(identity.abis, serial),
    ...(request.binaryPath ? { userPath: request.binaryPath } : {}),
    ...(request.binaryCacheDir ? { cacheDir: request.binaryCacheDir } : {}),
    onProgress: (bytes, total) =>
      request.onEvent?.({ type: 'download', device: serial, bytes, ...(total !== undefined ? { total } : {}) }),
  });
  const flags: BenchmarkFlags = { ...request.flags };
  if (request.bigCores) {
    const cpu = await readCpuClusters(shell);
    if (!cpu.bigCoreMask)
      throw new UserError(
        'NO_CPU_CLUSTERS',
        `${serial} does not report CPU max frequencies, so its big cores are unknown`,
        'Run without --big-cores.',
      );
    flags.bigCoresMask = cpu.bigCoreMask;
  }
  const remotes = remoteNames(request.models);
  const models: LocalModel[] = [];
  for (const [index, path] of request.models.entries()) {
    const local = await describeLocalFile(path).catch(() => {
      throw new UserError('MODEL_NOT_FOUND', `Model file ${path} cannot be read`, 'Check the --model path.');
    });
    models.push({ ...local, remote: remotes[index]! });
  }
  await runDeviceShell(device, shellCommand(['mkdir', '-p', REMOTE_DIR]), { timeoutMs: 15_000 });
  const binaryInfo = await describeLocalFile(binary.path);
  const uploads = [
    {
      path: binary.path,
      remote: `${REMOTE_DIR}/${REMOTE_BINARY}`,
      mode: 0o755,
      bytes: binaryInfo.bytes,
      sha256: binaryInfo.sha256,
    },
    ...models.map((m) => ({ ...m, mode: 0o644 })),
  ];
  for (const upload of uploads) {
    await pushFile(device, upload.path, upload.remote, {
      mode: upload.mode,
      bytes: upload.bytes,
      sha256: upload.sha256,
      timeoutMs: PUSH_TIMEOUT_MS,
      onProgress: (bytes, total, skipped) =>
        request.onEvent?.({ type: 'push', device: serial, file: upload.path, bytes, total, skipped }),
    });
  }
  return { binary, flags, models };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Benchmarks every model `repeat` times (A B A B ...) on one phone: push, run with a timeout, parse, write one JSON
 * and the raw output per run, record thermal status and battery temperature around each run, clean up.
 * Failures are collected, never thrown; a lost connection ends this phone's runs.
 */
export async function benchmarkOnPhone(
  device: AdbDeviceClient,
  ref: DeviceRef,
  request: BenchmarkRequest,
): Promise<DeviceBenchmarkOutcome> {
  const outcome: DeviceBenchmarkOutcome = { device: ref, results: [], failures: [] };
  const serial = device.serial;
  const shell = shellRunner(device);
  const fail = (failure: BenchmarkRunFailure) => {
    outcome.failures.push(failure);
    request.onEvent?.({ type: 'run-failed', device: serial, failure });
  };
  try {
    const { binary, flags, models } = await prepare(device, request);
    const order = runOrder(models, request.repeat);
    for (const [index, { item: model, repetition }] of order.entries()) {
      if (request.signal?.aborted) {
        fail({
          model: model.path,
          repetition,
          code: 'CANCELLED',
          message: `${serial}: cancelled before ${basename(model.path)} run ${repetition + 1}`,
        });
        break;
      }
      if (index > 0 && request.cooldownMs > 0) await sleep(request.cooldownMs, request.signal);
      request.onEvent?.({ type: 'run-start', device: serial, model: model.path, repetition });
      const stem = runFileStem(request.outDir, ref.id, model.path, repetition);
      const before = await readDeviceConditions(shell);
      const startedAt = new Date().toISOString();
      let raw: string;
      let exitStatus: number;
      try {
        const run = await runBenchmarkProcess(device, benchmarkShellCommand(REMOTE_DIR, model.remote, flags), {
          timeoutMs: request.timeoutMs,
          ...(request.signal ? { signal: request.signal } : {}),
          label: `benchmark of ${basename(model.path)} (run ${repetition + 1})`,
        });
        raw = run.raw;
        exitStatus = run.exitStatus;
      } catch (error) {
        const rawOutputFile = error instanceof RunInterruptedError ? await writeRawOutput(stem, error.raw) : undefined;
        const failure = failureFrom(serial, error, {
          model: model.path,
          repetition,
          ...(rawOutputFile ? { rawOutputFile } : {}),
        });
        await writeRunJson(stem, { device: ref, model: model.path, repetition, startedAt, failure });
        fail(failure);
        if (failure.code === 'DEVICE_CONNECTION_LOST') break;
        continue;
      }
      const after = await readDeviceConditions(shell);
      const rawOutputFile = await writeRawOutput(stem, raw);
      const parsed = parseBenchmarkOutput(raw, { exitStatus });
      const result = toModelBenchmark(parsed, {
        device: ref,
        model: { file: model.path, sha256: model.sha256, bytes: model.bytes },
        repetition,
        flags,
        tool: { name: 'benchmark_model', version: binary.version, sha256: binary.sha256 },
        startedAt,
        rawOutputFile,
      });
      if (!parsed.ok || !result) {
        const error = parsed.ok
          ? {
              code: 'incomplete-output',
              message: `${serial}: benchmark_model printed no latency for ${basename(model.path)}`,
              hint: 'See the raw output file.',
            }
          : { code: parsed.error.kind, message: `${serial}: ${parsed.error.message}`, hint: parsed.error.hint };
        const failure: BenchmarkRunFailure = { model: model.path, repetition, ...error, rawOutputFile };
        await writeRunJson(stem, {
          device: ref,
          model: model.path,
          repetition,
          startedAt,
          exitStatus,
          conditions: { before, after },
          failure,
        });
        fail(failure);
        continue;
      }
      const record: PhoneRunRecord = { ...result, conditions: { before, after }, exitStatus };
      await writeRunJson(stem, record);
      outcome.results.push(record);
      request.onEvent?.({ type: 'run-done', device: serial, result: record });
    }
  } catch (error) {
    fail(failureFrom(serial, error));
  } finally {
    if (!request.keepFiles) {
      await runDeviceShell(device, shellCommand(['rm', '-rf', REMOTE_DIR]), { timeoutMs: 15_000 }).catch(() => undefined);
    }
  }
  return outcome;
}
