import type { SparseStudioApi } from '../../../shared/contract';
import { ApiError } from './api-error';
import { WS_PATH, type WsRequest } from '../../../shared/transport';
import { unwrapEnvelope } from './envelope';
import { Listeners } from './listeners';

/** The subset of the browser WebSocket the client uses (tests pass a fake). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

const OPEN = 1;

interface Pending {
  command: string;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** ws(s)://host/ws?token=... for a page served at http://host/?token=... */
export function socketUrl(location: { protocol: string; host: string; search: string }): string {
  const token = new URLSearchParams(location.search).get('token');
  if (!token) {
    throw new ApiError({
      code: 'NO_TOKEN',
      message: 'This page was opened without its access token',
      hint: 'Open the full URL that `npm run serve` printed (it ends with ?token=...).',
    });
  }
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${WS_PATH}?token=${encodeURIComponent(token)}`;
}

/**
 * The contract over the browser-mode WebSocket: requests carry an id, answers come back with it, events are pushed
 * as {event, payload}. Requests sent before the socket opens wait for it; a closed socket fails every waiting request.
 */
export function createWsClient(socket: SocketLike, serverLabel: string): SparseStudioApi {
  const listeners = new Listeners();
  const pending = new Map<number, Pending>();
  const queued: string[] = [];
  let nextId = 1;
  let closed = false;

  let opened = false;
  const lost = (): ApiError =>
    opened
      ? new ApiError({
          code: 'DISCONNECTED',
          message: `Lost the connection to Sparse Studio at ${serverLabel}`,
          hint: 'Check that `npm run serve` is still running; if it was restarted, open the new URL it printed.',
        })
      : new ApiError({
          code: 'CONNECT_REFUSED',
          message: `Could not connect to Sparse Studio at ${serverLabel}: the server is not running or refused this page's token`,
          hint: 'Start `npm run serve` and open the exact URL it prints (each launch has a new token).',
        });

  socket.onopen = () => {
    opened = true;
    for (const message of queued.splice(0)) socket.send(message);
  };
  socket.onmessage = (event) => {
    let message: { id?: unknown; event?: unknown; payload?: unknown };
    try {
      message = JSON.parse(String(event.data)) as typeof message;
    } catch {
      return;
    }
    if (typeof message.event === 'string') {
      listeners.emit(message.event, message.payload);
      return;
    }
    const entry = typeof message.id === 'number' ? pending.get(message.id) : undefined;
    if (!entry) return;
    pending.delete(message.id as number);
    try {
      entry.resolve(unwrapEnvelope(message, entry.command));
    } catch (error) {
      entry.reject(error);
    }
  };
  socket.onclose = () => {
    closed = true;
    for (const entry of pending.values()) entry.reject(lost());
    pending.clear();
  };
  socket.onerror = () => undefined;

  return {
    invoke: (command, request) =>
      new Promise((resolve, reject) => {
        if (closed) {
          reject(lost());
          return;
        }
        const id = nextId++;
        pending.set(id, { command, resolve: resolve as (value: unknown) => void, reject });
        const text = JSON.stringify({ id, command, request } satisfies WsRequest);
        if (socket.readyState === OPEN) socket.send(text);
        else queued.push(text);
      }),
    on: (event, listener) => listeners.add(event, listener),
  };
}
