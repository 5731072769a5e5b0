import type { ContractError } from '../../../shared/contract';

/** The core's message, and what to do about it. */
export function ErrorBox({ error, testId }: { error: ContractError | undefined; testId?: string }) {
  if (!error) return null;
  return (
    <div className="error-box" role="alert" data-testid={testId ?? 'error'}>
      <p className="error-message">{error.message}</p>
      {error.hint ? <p className="error-hint">{error.hint}</p> : null}
      <p className="error-code">{error.code}</p>
    </div>
  );
}
