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

/** A job's status line and, when it failed, the core's message and hint. */
export function JobStatusLine({ status, error, name }: { status: JobStatus; error: ContractError | undefined; name: string }) {
  return (
    <div className="job-status">
      <span className={`badge badge-${status}`} data-testid={`${name}-status`}>
        {TEXT[status]}
      </span>
      {status === 'failed' || status === 'cancelled' ? <ErrorBox error={error} testId={`${name}-error`} /> : null}
    </div>
  );
}
