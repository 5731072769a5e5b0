import type { ContractError } from '../../../shared/contract';
import type { JobStatus } from '../api/use-job';
import { ErrorBox } from '../components/ErrorBox';

const TEXT: Record<JobStatus, string> = {
  idle: 'Not started',
  starting: 'Starting…',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/**
 * A job's status line; when it failed, the core's message and hint. A cancel is the user's own choice, not an error:
 * it says so and what was kept (`keptNote`).
 */
export function JobStatusLine({
  status,
  error,
  name,
  keptNote,
}: {
  status: JobStatus;
  error: ContractError | undefined;
  name: string;
  keptNote?: string;
}) {
  return (
    <div className="job-status">
      <span className={`badge badge-${status}`} data-testid={`${name}-status`}>
        {TEXT[status]}
      </span>
      {status === 'failed' ? <ErrorBox error={error} testId={`${name}-error`} /> : null}
      {status === 'cancelled' ? (
        <p className="muted" data-testid={`${name}-cancelled`}>
          {keptNote ?? 'You cancelled this job. Files it had already written stay in the run folder.'}
        </p>
      ) : null}
    </div>
  );
}
