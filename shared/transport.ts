// The wire of the contract, defined once for both transports: the Electron IPC channels (main process and preload)
// and the browser-mode WebSocket (server and client). Only type imports: the sandboxed preload bundles this file and
// cannot load npm packages.
import type { CommandName, ContractError, EventName } from './contract';

/** ipcRenderer.invoke(INVOKE_CHANNEL, command, request) answers an Envelope. */
export const INVOKE_CHANNEL = 'sparse-studio:invoke';
/** webContents.send(EVENT_CHANNEL, event, payload) pushes one contract event. */
export const EVENT_CHANNEL = 'sparse-studio:event';
/** The WebSocket's path on the browser-mode server (`?token=` follows). */
export const WS_PATH = '/ws';

/** Every answer, on both transports: the value, or the error as it crosses the contract. */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: ContractError };

/** A WebSocket request: `id` comes back in its answer. */
export interface WsRequest {
  id: number;
  command: CommandName;
  request: unknown;
}

/** A WebSocket answer: the envelope with its request's id (null when the message could not be read at all). */
export type WsReply = Envelope & { id: number | null };

/** A WebSocket event push. */
export interface WsEvent {
  event: EventName;
  payload: unknown;
}

export function isContractError(value: unknown): value is ContractError {
  const v = value as Partial<ContractError> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.code === 'string' &&
    typeof v.message === 'string' &&
    (v.hint === undefined || typeof v.hint === 'string')
  );
}

/** The envelope's schema: `value` when ok, a ContractError otherwise; anything else is not an envelope (undefined). */
export function readEnvelope(value: unknown): Envelope | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const e = value as { ok?: unknown; value?: unknown; error?: unknown };
  if (e.ok === true) return { ok: true, value: e.value };
  if (e.ok === false && isContractError(e.error)) return { ok: false, error: e.error };
  return undefined;
}
