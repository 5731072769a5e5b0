import { randomUUID } from 'node:crypto';
import type { ContractError, JobEventPayload } from '../../shared/contract';
import { runJob } from '../core/jobs/run-job';
import type { JobConfig, JobName } from '../core/jobs/registry';
import { UserError, errorMessage } from '../core/util/errors';
import type { EventBus } from './event-bus';
import { isCancellation } from '../core/util/cancel';

export function toContractError(error: unknown): ContractError {
  if (error instanceof UserError) {
    const message =
      error.hint && error.message.endsWith(error.hint) ? error.message.slice(0, -error.hint.length - 1) : error.message;
    return { code: error.code, message, ...(error.hint ? { hint: error.hint } : {}) };
  }
  const code = (error as { code?: unknown }).code;
  return { code: typeof code === 'string' ? code : 'INTERNAL', message: errorMessage(error) };
}

/** Starts long jobs in worker threads, relays their events on the bus and cancels them on request. */
export class JobManager {
  readonly #bus: EventBus;
  readonly #running = new Map<string, AbortController>();

  constructor(bus: EventBus) {
    this.#bus = bus;
  }

  start<N extends JobName>(job: N, config: JobConfig<N>): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    this.#running.set(jobId, controller);
    runJob(
      job,
      config,
      // TypeScript cannot tie the generic N to one member of the union; runJob's JobEvent<N> guarantees it.
      (event) => this.#bus.emit('job.event', { jobId, job, event } as JobEventPayload),
      controller.signal,
    )
      .then(
        (result) => this.#bus.emit('job.finished', { jobId, job, status: 'completed', result }),
        (error: unknown) =>
          this.#bus.emit('job.finished', {
            jobId,
            job,
            status: isCancellation(error) ? 'cancelled' : 'failed',
            error: toContractError(error),
          }),
      )
      .finally(() => this.#running.delete(jobId));
    return jobId;
  }

  cancel(jobId: string): boolean {
    const controller = this.#running.get(jobId);
    controller?.abort();
    return controller !== undefined;
  }

  cancelAll(): void {
    for (const controller of this.#running.values()) controller.abort();
  }
}
