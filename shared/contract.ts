// The one typed contract between the UI and the core. Electron IPC and the browser-mode WebSocket server both
// implement it; every request is validated against these schemas on the receiving side.
import { z } from 'zod';
import { LANGUAGES, type Language } from './i18n/languages';
import type { describeModel } from '../electron/app/describe-model';
import type { ConnectOutcome, DeviceEntry, DeviceService } from '../electron/app/device-service';
import type { inspectData } from '../electron/app/inspect-data';
import type { listRunsWithLabels } from '../electron/app/run-list';
import type { JobEvent, JobResult } from '../electron/core/jobs/registry';
import type { Report } from '../electron/core/report/types';
import type { RunManifest } from '../electron/core/runs/manifest';
import type { Inspection } from '../electron/core/tflite/inspect';
import type { WhatifReport } from '../electron/core/whatif/whatif-report';
import type { DeletedRun } from '../electron/app/run-trash';
import type { OpenedRun } from '../electron/app/opened-runs';
import type { RunLabels } from '../electron/core/runs/manifest';
import { MODEL_NAMES, WIDTH_LIMITS } from '../electron/core/model/built-in';
import type { ImportSummary } from '../electron/core/import/import-run';
import { MAX_TRAIN_THREADS } from '../electron/core/train/types';
import { MAX_BENCHMARK_THREADS } from '../electron/core/devices/device';
import { PAIRING_CODE } from '../electron/core/devices/pairing-code';
import type { PairedEndpoint } from '../electron/core/devices/pair-endpoint';

const path = z.string().min(1).max(4096);
/** A full path on this computer: /… (POSIX), C:\… or C:/… (Windows), \\server\share (UNC). */
export const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\)/;
export const absolutePath = path.regex(ABSOLUTE_PATH, 'must be a full path (such as /home/me/runs/my-run)');
/** A bare file name (an uploaded model file or shard): no folders. */
const fileName = z.string().min(1).max(255).regex(/^[^/\\]+$/).refine((name) => name !== '.' && name !== '..', 'not a file name');
const inputSize = z.tuple([z.number().int().min(1).max(4096), z.number().int().min(1).max(4096)]);
const positiveInt = z.number().int().min(1).max(1_000_000);
/** 'auto': the guide's 128 unless the data set is too small for batch norm to settle (core/train/batch-size.ts). */
const batchSize = z.union([positiveInt, z.literal('auto')]);

export const backendChoice = z.enum(['auto', 'fast-cpu', 'tfjs-cpu', 'tfjs-node']);
/** fast-cpu data-parallel training threads (core/train/threads.ts); absent = 'auto' = one per core. */
export const trainThreads = z.union([z.number().int().min(1).max(MAX_TRAIN_THREADS), z.literal('auto')]).optional();
export const modelName = z.enum(MODEL_NAMES);
const modelWidth = z.number().min(WIDTH_LIMITS.min).max(WIDTH_LIMITS.max);

export const trainJobConfig = z.strictObject({
  data: z.string().min(1).max(4096),
  model: modelName,
  width: modelWidth.optional(),
  epochs: positiveInt,
  batchSize: batchSize,
  limit: positiveInt.optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  backend: backendChoice,
  trainThreads,
  out: path,
});

const sparsity = z.number().min(0).lt(1);
const count = z.number().int().min(0).max(1_000_000);

export const pruneJobConfig = z.strictObject({
  from: path,
  out: path,
  fix: z.boolean(),
  epochs: positiveInt,
  initialSparsity: sparsity,
  finalSparsity: sparsity,
  endEpoch: count,
  frequency: positiveInt,
  batchSize: batchSize,
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  backend: backendChoice,
  trainThreads,
  data: z.string().min(1).max(4096).optional(),
  limit: positiveInt.optional(),
});

const deviceTarget = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\w.:-]+$/);

export const benchmarkSettings = {
  devices: z.array(deviceTarget).min(1).max(64),
  runs: positiveInt,
  warmup: count,
  threads: z.number().int().min(1).max(MAX_BENCHMARK_THREADS),
  repeat: z.number().int().min(1).max(1000),
  xnnpack: z.enum(['true', 'false', 'default']),
  opProfiling: z.boolean(),
  bigCores: z.boolean(),
  cooldownSeconds: z.number().min(0).max(3600),
  timeoutSeconds: z.number().min(1).max(86_400),
  binary: path.optional(),
  adbServer: z
    .string()
    .regex(/^[\w.-]+:\d{1,5}$/)
    .optional(),
};

export const convertJobConfig = z.strictObject({
  runDir: path,
  data: z.string().min(1).max(4096),
  limit: positiveInt.optional(),
  backend: backendChoice,
});
/** The language the step's report is written in (HTML and PDF); unset: the system language. */
const reportLanguage = z.enum(LANGUAGES).optional();
export const benchmarkJobConfig = z.strictObject({ runDir: path, lang: reportLanguage, ...benchmarkSettings });
export const pipelineJobConfig = z.strictObject({
  data: z.string().min(1).max(4096),
  model: modelName,
  width: modelWidth.optional(),
  limit: positiveInt.optional(),
  epochs: positiveInt,
  pruneEpochs: positiveInt,
  initialSparsity: sparsity,
  finalSparsity: sparsity,
  pruneEndEpoch: count,
  pruneFrequency: z.union([positiveInt, z.literal('auto')]),
  batchSize: batchSize,
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  backend: backendChoice,
  trainThreads,
  out: path,
  lang: reportLanguage,
  ...benchmarkSettings,
});

export const whatifJobConfig = z.strictObject({
  model: path,
  out: path,
  sparsities: z.array(z.number().gt(0).lt(1)).min(1).max(16),
  includeFc: z.boolean(),
  lang: reportLanguage,
  ...benchmarkSettings,
});

export const jobName = z.enum(['train', 'prune', 'convert', 'benchmark', 'pipeline', 'whatif']);

export const jobRequest = z.discriminatedUnion('job', [
  z.strictObject({ job: z.literal('train'), config: trainJobConfig }),
  z.strictObject({ job: z.literal('prune'), config: pruneJobConfig }),
  z.strictObject({ job: z.literal('convert'), config: convertJobConfig }),
  z.strictObject({ job: z.literal('benchmark'), config: benchmarkJobConfig }),
  z.strictObject({ job: z.literal('pipeline'), config: pipelineJobConfig }),
  z.strictObject({ job: z.literal('whatif'), config: whatifJobConfig }),
]);

/** Request schemas, one per command. Responses are typed in `CommandResponses`. */
export const commandRequests = {
  'app.info': z.strictObject({}),
  'settings.get': z.strictObject({}),
  'settings.update': z.strictObject({
    workspace: path.optional(),
    theme: z.enum(['system', 'light', 'dark']).optional(),
    /** An empty string removes the adb path (adb from ANDROID_HOME or PATH). */
    adbPath: path.or(z.literal('')).optional(),
    adbServer: z
      .string()
      .regex(/^[\w.-]+:\d{1,5}$/)
      .optional(),
    /** 'system': forget the choice and follow the OS language again. */
    language: z.enum([...LANGUAGES, 'system']).optional(),
  }),
  'data.inspect': z.strictObject({
    source: z.string().min(1).max(4096),
    limit: positiveInt.optional(),
    samplesPerClass: z.number().int().min(0).max(16).optional(),
  }),
  'model.describe': z.strictObject({ model: modelName.optional(), width: modelWidth.optional(), runDir: path.optional() }),
  /** Starts (no `uploadId`) or continues a browser upload of model files: one file chunk per call, base64. */
  'model.upload': z.strictObject({
    uploadId: z.string().regex(/^[0-9a-f]{24}$/).optional(),
    name: fileName.optional(),
    base64: z.string().max(1 << 20).optional(),
  }),
  /** Imports a model file (a path on this computer, or an upload's main file) into a new run folder. */
  'model.import': z.union([
    z.strictObject({ path, out: path.optional(), inputSize: inputSize.optional() }),
    z.strictObject({ uploadId: z.string().regex(/^[0-9a-f]{24}$/), main: fileName, out: path.optional(), inputSize: inputSize.optional() }),
  ]),
  'jobs.start': jobRequest,
  'jobs.cancel': z.strictObject({ jobId: z.string().min(1).max(64) }),
  'devices.list': z.strictObject({}),
  'devices.connect': z.strictObject({
    host: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[\w.:-]+$/),
    port: z.number().int().min(1).max(65535),
  }),
  /** `adb pair HOST:PORT CODE` (Android 11+ Wireless debugging): the pairing dialog's address and 6-digit code. */
  'devices.pair': z.strictObject({
    host: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[\w.:-]+$/),
    port: z.number().int().min(1).max(65535),
    code: z.string().regex(PAIRING_CODE),
  }),
  'devices.details': z.strictObject({ id: z.string().min(1).max(255) }),
  /** adb disconnect of a network device; `forget` also stops reconnecting it at start. */
  'devices.disconnect': z.strictObject({ id: deviceTarget, forget: z.boolean() }),
  'runs.list': z.strictObject({}),
  'runs.show': z.strictObject({ runDir: path }),
  /** The run's name and note in its run.json; an empty string removes one. */
  'runs.update': z.strictObject({ runDir: path, name: z.string().max(120).optional(), note: z.string().max(2000).optional() }),
  /** Moves a run folder of the workspace to the trash. */
  'runs.delete': z.strictObject({ runDir: path }),
  /** Adds a run folder from outside the workspace to History; no path: the desktop app's folder dialog asks. */
  'runs.open': z.strictObject({ runDir: absolutePath.optional() }),
  /** Removes an opened run folder from History (the folder stays). */
  'runs.forget': z.strictObject({ runDir: absolutePath }),
  'report.build': z.strictObject({ runDirs: z.array(path).min(1).max(32) }),
  'report.export': z.strictObject({
    runDirs: z.array(path).min(1).max(32),
    format: z.enum(['json', 'csv', 'summary-csv', 'html', 'pdf']),
    out: path.optional(),
    lang: z.enum(LANGUAGES).optional(),
    page: z.enum(['A4', 'Letter']).optional(),
  }),
  /** The report as one file's bytes with a name of its own (`<run>-report.<ext>`), for a browser download. */
  'report.download': z.strictObject({
    runDirs: z.array(path).min(1).max(32),
    format: z.enum(['json', 'csv', 'summary-csv', 'html', 'pdf']),
    lang: z.enum(LANGUAGES).optional(),
    page: z.enum(['A4', 'Letter']).optional(),
  }),
  'tflite.inspect': z.strictObject({ file: path }),
  'whatif.report': z.strictObject({ runDir: path }),
} as const;

export type CommandName = keyof typeof commandRequests;
export type CommandRequest<C extends CommandName> = z.infer<(typeof commandRequests)[C]>;

export interface AppInfo {
  version: string;
  platform: string;
  transport: 'ipc' | 'websocket';
  tfjsNode: boolean;
  defaultBackend: string;
  workspace: string;
  /** The OS language (the app's and the reports' language while Settings names none). */
  systemLanguage: Language;
}

export type ThemeChoice = 'system' | 'light' | 'dark';

/** What the app's settings file holds. */
export interface StoredSettings {
  workspace: string;
  /** The UI and report language; unset: the OS locale's. */
  language?: Language;
  /** Light or dark screens; 'system' (the default) follows the operating system's preference. */
  theme?: ThemeChoice;
  adbServer?: string;
  /** Run folders outside the workspace opened in History ("Open run folder…"), as full paths. */
  runFolders?: string[];
}

/** The Settings page's values: the app's settings plus the adb program, kept in the device settings the CLI reads. */
export interface Settings extends StoredSettings {
  adbPath?: string;
}

export interface JobStarted {
  jobId: string;
}

/** What each command answers: the core's own types, never a shape declared again here or in the UI. */
export interface CommandResponses {
  'app.info': AppInfo;
  'settings.get': Settings;
  'settings.update': Settings;
  'data.inspect': Awaited<ReturnType<typeof inspectData>>;
  'model.describe': Awaited<ReturnType<typeof describeModel>>;
  'model.upload': { uploadId: string; bytes: number };
  'model.import': ImportSummary;
  'jobs.start': JobStarted;
  'jobs.cancel': { cancelled: boolean };
  'devices.list': DeviceEntry[];
  'devices.connect': ConnectOutcome;
  'devices.pair': PairedEndpoint;
  'devices.details': Awaited<ReturnType<DeviceService['details']>>;
  'devices.disconnect': Awaited<ReturnType<DeviceService['disconnect']>>;
  'runs.list': Awaited<ReturnType<typeof listRunsWithLabels>>;
  'runs.show': RunManifest;
  'runs.update': RunLabels;
  'runs.delete': DeletedRun;
  'runs.open': OpenedRun;
  'runs.forget': { runFolders: string[] };
  'report.build': Report;
  /** `cancelled`: the user closed the desktop save dialog without choosing a file. */
  'report.export': { file: string } | { cancelled: true };
  'report.download': { fileName: string; mimeType: string; base64: string };
  'tflite.inspect': Inspection;
  'whatif.report': WhatifReport;
}

export type ContractJobName = z.infer<typeof jobName>;

/**
 * One job's progress event, with the job's name as the discriminant (the event types are the jobs' own, e.g. the prune
 * job's PruneEvent with its per-mask-update 'mask-update'); `J` narrows it to some jobs.
 */
export type JobEventPayload<J extends ContractJobName = ContractJobName> = {
  [N in J]: { jobId: string; job: N; event: JobEvent<N> };
}[J];

/** A job's end: its result when it completed, the error when it failed. */
export type JobFinishedPayload = {
  [N in ContractJobName]: {
    jobId: string;
    job: N;
    status: 'completed' | 'failed' | 'cancelled';
    result?: JobResult<N>;
    error?: ContractError;
  };
}[ContractJobName];

/** Events pushed from the core to the UI. */
export interface EventPayloads {
  'job.event': JobEventPayload;
  'job.finished': JobFinishedPayload;
  'devices.changed': { devices: DeviceEntry[] };
  /** Loading a data set for `data.inspect`: download, extraction or decoding progress. */
  'data.progress': { source: string; phase: 'download' | 'extract' | 'decode'; done: number; total: number; file?: string };
}

export type EventName = keyof EventPayloads;

/** An error as it crosses the contract: the core's message plus what to do. */
export interface ContractError {
  code: string;
  message: string;
  hint?: string;
}

/** The object the preload exposes (and the WebSocket client mimics). */
export interface SparseStudioApi {
  invoke<C extends CommandName>(command: C, request: CommandRequest<C>): Promise<CommandResponses[C]>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

export const COMMAND_NAMES = Object.keys(commandRequests) as CommandName[];

/** Validates a request; throws a ContractError-shaped error naming the command and field. */
export function parseRequest<C extends CommandName>(command: string, request: unknown): CommandRequest<C> {
  if (!Object.hasOwn(commandRequests, command)) {
    throw Object.assign(new Error(`Unknown command '${command}'`), { code: 'UNKNOWN_COMMAND' });
  }
  const result = commandRequests[command as C].safeParse(request);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : '(request)';
    throw Object.assign(new Error(`Invalid request for '${command}': ${field}: ${issue?.message ?? 'invalid'}`), {
      code: 'INVALID_REQUEST',
    });
  }
  return result.data as CommandRequest<C>;
}
