// Electron IPC transport of the contract. Takes ipcMain-like objects as parameters so tests can pass fakes.
import { COMMAND_NAMES } from '../shared/contract';
import type { EventBus } from './app/event-bus';
import { dispatch, type Handlers } from './app/dispatch';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type Envelope } from '../shared/transport';

export { EVENT_CHANNEL, INVOKE_CHANNEL };

export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/**
 * Registers the one invoke channel. Requests from frames other than our own page are refused; every argument is
 * validated by `dispatch` against the contract's schemas. Returns the list of registered commands (all of them).
 */
export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers, isTrustedUrl: (url: string) => boolean): readonly string[] {
  ipcMain.handle(INVOKE_CHANNEL, async (event, command, request): Promise<Envelope> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url))
      return { ok: false, error: { code: 'UNTRUSTED_SENDER', message: `Refused a request from ${url || 'an unknown frame'}` } };
    return dispatch(handlers, command, request);
  });
  return COMMAND_NAMES;
}

/** Forwards every contract event to the window while it exists. */
export function forwardEvents(bus: EventBus, contents: WebContentsLike): () => void {
  return bus.subscribe((event, payload) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
  });
}
