import type { CommandName, CommandRequest, CommandResponses } from '../../shared/contract';
import type { Envelope } from '../../shared/transport';
import { parseRequest } from '../../shared/contract';
import { toContractError } from './job-manager';

export type Handlers = { [C in CommandName]: (request: CommandRequest<C>) => Promise<CommandResponses[C]> };

export type { Envelope };

/** Validates and runs one command; never throws, so every transport answers the same way. */
export async function dispatch(handlers: Handlers, command: unknown, request: unknown): Promise<Envelope> {
  try {
    if (typeof command !== 'string')
      throw Object.assign(new Error('The command name must be a string'), { code: 'INVALID_REQUEST' });
    const parsed = parseRequest(command, request);
    const handler = handlers[command as CommandName] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed) };
  } catch (error) {
    return { ok: false, error: toContractError(error) };
  }
}
