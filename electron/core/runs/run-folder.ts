import { hostname } from 'node:os';
import { basename } from 'node:path';
import { createRunFolder } from './create-run-folder';
import { errorMessage } from '../util/errors';
import { environmentInfo } from './environment';
import { isCancellation } from '../util/cancel';
import {
  RUN_SCHEMA_VERSION,
  readManifest,
  writeManifest,
  type RunManifest,
  type StepRecord,
} from './manifest';

/**
 * One run's folder on disk and its manifest (run.json). Every change to the manifest is written atomically,
 * so a crash leaves either the previous or the next state, and a run whose process died shows as interrupted.
 */
export class RunFolder {
  readonly dir: string;
  #manifest: RunManifest;

  private constructor(dir: string, manifest: RunManifest) {
    this.dir = dir;
    this.#manifest = manifest;
  }

  /** Opens `dir` as a run, creating it (or taking over an earlier run there, to resume it). */
  static async open(dir: string, kind: string, config: Record<string, unknown>): Promise<RunFolder> {
    const absolute = await createRunFolder(dir);
    const now = new Date().toISOString();
    const previous = await readManifest(absolute).catch(() => undefined);
    const manifest: RunManifest = {
      schemaVersion: RUN_SCHEMA_VERSION,
      id: previous?.id ?? basename(absolute),
      kind: previous?.kind ?? kind,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      status: 'running',
      owner: { pid: process.pid, host: hostname() },
      config: { ...(previous?.config ?? {}), ...config },
      environment: environmentInfo(),
      steps: previous?.steps ?? {},
      ...(previous?.name ? { name: previous.name } : {}),
      ...(previous?.note ? { note: previous.note } : {}),
    };
    const run = new RunFolder(absolute, manifest);
    await run.#save();
    return run;
  }

  /** Opens `dir` and runs one step in it as a whole run (the `train` and `prune` commands, the app's step jobs). */
  static async single<T extends { files: string[] }>(
    dir: string,
    kind: string,
    config: Record<string, unknown>,
    step: string,
    work: (run: RunFolder) => Promise<T>,
  ): Promise<T> {
    const run = await RunFolder.open(dir, kind, config);
    try {
      const result = await run.runStep(step, () => work(run));
      await run.finish('completed');
      return result;
    } catch (error) {
      await run.finish(isCancellation(error) ? 'cancelled' : 'failed', error);
      throw error;
    }
  }

  get manifest(): RunManifest {
    return this.#manifest;
  }

  step(name: string): StepRecord | undefined {
    return this.#manifest.steps[name];
  }

  async setEnvironment(values: Record<string, unknown>): Promise<void> {
    this.#manifest.environment = { ...this.#manifest.environment, ...values };
    await this.#save();
  }

  async startStep(name: string): Promise<void> {
    this.#manifest.steps[name] = { status: 'running', startedAt: new Date().toISOString() };
    await this.#save();
  }

  async completeStep(name: string, outputs: string[], summary: Record<string, unknown>): Promise<void> {
    const step = this.#manifest.steps[name];
    this.#manifest.steps[name] = {
      startedAt: step?.startedAt ?? new Date().toISOString(),
      status: 'completed',
      endedAt: new Date().toISOString(),
      outputs,
      summary,
    };
    await this.#save();
  }

  async failStep(name: string, error: unknown, cancelled: boolean): Promise<void> {
    const step = this.#manifest.steps[name];
    this.#manifest.steps[name] = {
      startedAt: step?.startedAt ?? new Date().toISOString(),
      status: cancelled ? 'cancelled' : 'failed',
      endedAt: new Date().toISOString(),
      error: errorMessage(error),
    };
    await this.#save();
  }

  async finish(status: 'completed' | 'failed' | 'cancelled', error?: unknown): Promise<void> {
    this.#manifest.status = status;
    if (error !== undefined) this.#manifest.error = errorMessage(error);
    else delete this.#manifest.error;
    await this.#save();
  }

  /**
   * Runs one named step: marks it running, then completed with its outputs and summary, or failed/cancelled.
   * A cancelled step is recognised by the error's name ('CancelledError').
   */
  async runStep<T extends { files: string[] }>(name: string, work: () => Promise<T>): Promise<T> {
    await this.startStep(name);
    try {
      const result = await work();
      const { files, ...summary } = result;
      await this.completeStep(name, files, summary);
      return result;
    } catch (error) {
      await this.failStep(name, error, isCancellation(error));
      throw error;
    }
  }

  /** True when `name` completed in an earlier session (so a resumed pipeline can skip it). */
  completed(name: string): boolean {
    return this.#manifest.steps[name]?.status === 'completed';
  }

  #save(): Promise<void> {
    return writeManifest(this.dir, this.#manifest);
  }
}
