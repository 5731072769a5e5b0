import type { ContractError } from '../../../shared/contract';
import { InlineCode } from './InlineCode';

/** The core's message, and what to do about it. */
export function ErrorBox({ error, testId }: { error: ContractError | undefined; testId?: string }) {
  if (!error) return null;
  return (
    <div className="error-box" role="alert" data-testid={testId ?? 'error'}>
      <p className="error-message">
        <InlineCode text={error.message} />
      </p>
      {error.hint ? (
        <p className="error-hint">
          <InlineCode text={error.hint} />
        </p>
      ) : null}
      <p className="error-code">{error.code}</p>
    </div>
  );
}
