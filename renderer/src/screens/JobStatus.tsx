import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../shared/contract';
import type { JobStatus } from '../api/use-job';
import { ErrorBox } from '../components/ErrorBox';

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
  const { t } = useTranslation();
  return (
    <div className="job-status">
      <span className={`badge badge-${status}`} data-testid={`${name}-status`}>
        {t(`wizard.job.${status}`)}
      </span>
      {status === 'failed' ? <ErrorBox error={error} testId={`${name}-error`} /> : null}
      {status === 'cancelled' ? (
        <p className="muted" data-testid={`${name}-cancelled`}>
          {keptNote ?? t('wizard.job.cancelledNote')}
        </p>
      ) : null}
    </div>
  );
}
