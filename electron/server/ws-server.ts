// Browser mode: serves the renderer and implements the contract over a WebSocket on 127.0.0.1 only.
// A per-launch token (in the page URL) is required, and only our own Origin may connect.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventBus } from '../app/event-bus';
import { dispatch, type Handlers } from '../app/dispatch';
import { WS_PATH, type WsEvent, type WsReply } from '../../shared/transport';
import { CONTENT_SECURITY_POLICY } from '../app/csp';
import { readStaticFile } from './static-files';

export const HOST = '127.0.0.1';
const MAX_MESSAGE_BYTES = 1 << 20;

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  handlers: Handlers;
  bus: EventBus;
  staticDir: string;
  port?: number;
  token?: string;
}

function sameToken(given: string | null, token: string): boolean {
  if (!given || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/** Why a WebSocket upgrade is refused, or undefined when it is allowed. */
export function refusal(request: IncomingMessage, origin: string, token: string): string | undefined {
  const url = new URL(request.url ?? '/', origin);
  if (url.pathname !== WS_PATH) return 'unknown path';
  if (request.headers.origin !== origin) return `foreign origin ${request.headers.origin ?? '(none)'}`;
  if (!sameToken(url.searchParams.get('token'), token)) return 'missing or wrong token';
  return undefined;
}

function serveConnection(socket: WebSocket, options: ServerOptions): void {
  const unsubscribe = options.bus.subscribe((event, payload) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ event, payload } satisfies WsEvent));
  });
  socket.on('message', async (data, isBinary) => {
    let message: { id?: unknown; command?: unknown; request?: unknown };
    try {
      if (isBinary) throw new Error('binary');
      message = JSON.parse(String(data)) as typeof message;
    } catch {
      socket.send(
        JSON.stringify({
          id: null,
          ok: false,
          error: { code: 'INVALID_REQUEST', message: 'Messages must be JSON text' },
        } satisfies WsReply),
      );
      return;
    }
    const reply = await dispatch(options.handlers, message.command, message.request);
    const id = typeof message.id === 'number' ? message.id : null;
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id, ...reply } satisfies WsReply));
  });
  socket.on('close', unsubscribe);
}

export async function startBrowserServer(options: ServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const server: Server = createServer(async (request, response) => {
    const file = await readStaticFile(options.staticDir, new URL(request.url ?? '/', 'http://x').pathname);
    if (!file || request.method !== 'GET') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response
      .writeHead(200, {
        'content-type': file.type,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      })
      .end(file.body);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const origin = `http://${HOST}:${port}`;
  server.on('upgrade', (request, socket, head) => {
    const why = refusal(request, origin, token);
    if (why) {
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n\r\nRefused: ${why}\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serveConnection(ws, options));
  });
  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
