import { useCallback, useRef, useState } from 'react';
import type { CommandRequest, ContractError, EventPayloads, JobEventPayload } from '../../../shared/contract';
import { asContractError } from '../transport/api-error';
import { useApi } from './api-context';
import { useEvent } from './use-event';

export type JobName = EventPayloads['job.event']['job'];
/** The config the contract accepts for job `J` (validated again by the receiving side). */
export type JobConfigOf<J extends JobName> = Extract<CommandRequest<'jobs.start'>, { job: J }>['config'];
export type JobStatus = 'idle' | 'starting' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface JobState<S> {
  status: JobStatus;
  jobId: string | undefined;
  progress: S;
  result: unknown;
  error: ContractError | undefined;
}

type Buffered =
  { type: 'event'; payload: EventPayloads['job.event'] } | { type: 'finished'; payload: EventPayloads['job.finished'] };

/**
 * One long job (train, prune, ...): start it with a config, fold its events into `progress` with `reduce`, and see how
 * it finished. Events that arrive before `jobs.start` has answered with the job id are held and replayed.
 */
/** `reduce` gets job J's own events (the core's event union for that job, via the contract). */
export function useJob<J extends JobName, S>(
  job: J,
  reduce: (state: S, event: JobEventPayload<J>['event']) => S,
  initial: () => S,
) {
  const api = useApi();
  const [state, setState] = useState<JobState<S>>(() => ({
    status: 'idle',
    jobId: undefined,
    progress: initial(),
    result: undefined,
    error: undefined,
  }));
  const jobId = useRef<string | undefined>(undefined);
  const buffer = useRef<Buffered[] | null>(null);
  const reduceRef = useRef(reduce);
  reduceRef.current = reduce;

  const apply = useCallback((item: Buffered) => {
    if (item.type === 'event') {
      // route() passed only this job's events.
      setState((s) => ({ ...s, progress: reduceRef.current(s.progress, item.payload.event as JobEventPayload<J>['event']) }));
    } else {
      const { status, result, error } = item.payload;
      setState((s) => ({ ...s, status, result, error }));
    }
  }, []);

  const route = (item: Buffered): void => {
    if (item.payload.job !== job) return;
    if (item.payload.jobId === jobId.current) apply(item);
    else if (buffer.current) buffer.current.push(item);
  };
  useEvent('job.event', (payload) => route({ type: 'event', payload }));
  useEvent('job.finished', (payload) => route({ type: 'finished', payload }));

  const start = useCallback(
    async (config: JobConfigOf<J>): Promise<void> => {
      jobId.current = undefined;
      buffer.current = [];
      setState({ status: 'starting', jobId: undefined, progress: initial(), result: undefined, error: undefined });
      try {
        // TypeScript cannot tie the generic job name to its config member of the union; JobConfigOf<J> guarantees it.
        const started = await api.invoke('jobs.start', { job, config } as CommandRequest<'jobs.start'>);
        jobId.current = started.jobId;
        setState((s) =>
          s.status === 'starting' ? { ...s, status: 'running', jobId: started.jobId } : { ...s, jobId: started.jobId },
        );
        for (const item of buffer.current ?? []) if (item.payload.jobId === started.jobId) apply(item);
      } catch (error) {
        setState((s) => ({ ...s, status: 'failed', error: asContractError(error) }));
      } finally {
        buffer.current = null;
      }
    },
    // `initial` is a factory the caller defines once; it is deliberately not a dependency.
    [api, job, apply],
  );

  const cancel = useCallback(async (): Promise<void> => {
    if (!jobId.current) return;
    try {
      await api.invoke('jobs.cancel', { jobId: jobId.current });
    } catch (error) {
      setState((s) => ({ ...s, error: asContractError(error) }));
    }
  }, [api]);

  /** Forgets the job shown (its later events are ignored): the screen moved on to another run. */
  const reset = useCallback((): void => {
    jobId.current = undefined;
    buffer.current = null;
    setState({ status: 'idle', jobId: undefined, progress: initial(), result: undefined, error: undefined });
  }, []);

  return { ...state, start, cancel, reset, active: state.status === 'starting' || state.status === 'running' };
}
