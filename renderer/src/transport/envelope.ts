import type { ContractError } from '../../../shared/contract';
import { ApiError } from './api-error';

export type Envelope = { ok: true; value: unknown } | { ok: false; error: ContractError };

function isContractError(value: unknown): value is ContractError {
  const v = value as Partial<ContractError> | null;
  return typeof v === 'object' && v !== null && typeof v.code === 'string' && typeof v.message === 'string';
}

/** The value of a successful answer; anything else becomes a thrown ApiError (malformed answers included). */
export function unwrapEnvelope(envelope: unknown, command: string): unknown {
  const e = envelope as Partial<Envelope> | null;
  if (typeof e !== 'object' || e === null || typeof e.ok !== 'boolean') {
    throw new ApiError({ code: 'BAD_RESPONSE', message: `The app answered '${command}' with something that is not a response` });
  }
  if (e.ok) return (e as { value: unknown }).value;
  const error = (e as { error?: unknown }).error;
  throw new ApiError(
    isContractError(error) ? error : { code: 'BAD_RESPONSE', message: `'${command}' failed without an error description` },
  );
}
