import { readEnvelope } from '../../../shared/transport';
import { ApiError } from './api-error';

/** The value of a successful answer; anything else becomes a thrown ApiError (malformed answers included). */
export function unwrapEnvelope(envelope: unknown, command: string): unknown {
  if (typeof envelope !== 'object' || envelope === null || typeof (envelope as { ok?: unknown }).ok !== 'boolean') {
    throw new ApiError({ code: 'BAD_RESPONSE', message: `The app answered '${command}' with something that is not a response` });
  }
  const e = readEnvelope(envelope);
  if (e?.ok) return e.value;
  throw new ApiError(e ? e.error : { code: 'BAD_RESPONSE', message: `'${command}' failed without an error description` });
}
