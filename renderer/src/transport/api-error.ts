import type { ContractError } from '../../../shared/contract';

/** An error answered by the core, as thrown to the UI: the core's message, a stable code and what to do (hint). */
export class ApiError extends Error implements ContractError {
  readonly code: string;
  readonly hint: string | undefined;

  constructor(error: ContractError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.hint = error.hint;
  }
}

/** Any thrown value as a ContractError, so error views can show code, message and hint alike. */
export function asContractError(error: unknown): ContractError {
  if (error instanceof ApiError) return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  if (error instanceof Error) return { code: 'UI', message: error.message };
  return { code: 'UI', message: String(error) };
}
