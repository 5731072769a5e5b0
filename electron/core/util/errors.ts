/**
 * An error meant for the user: says what went wrong (naming the file, device or field)
 * and what to do about it. `code` is stable for programs; `hint` is the advice.
 */
export class UserError extends Error {
  readonly code: string;
  readonly hint: string | undefined;

  constructor(code: string, message: string, hint?: string) {
    super(hint ? `${message}\n${hint}` : message);
    this.name = 'UserError';
    this.code = code;
    this.hint = hint;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
