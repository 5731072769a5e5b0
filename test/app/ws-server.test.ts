import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { EventBus } from '../../electron/app/event-bus';
import type { Handlers } from '../../electron/app/dispatch';
import { COMMAND_NAMES } from '../../shared/contract';
import { startBrowserServer } from '../../electron/server/ws-server';

function echoHandlers(): Handlers {
  return Object.fromEntries(
    COMMAND_NAMES.map((name) => [name, async (request: unknown) => ({ name, request })]),
  ) as unknown as Handlers;
}

function connect(url: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin ? { origin } : {});
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function call(socket: WebSocket, message: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>));
    socket.send(JSON.stringify(message));
  });
}

test('browser-mode server: 127.0.0.1 only, token and origin required, requests validated', async () => {
  const staticDir = await mkdtemp(join(tmpdir(), 'renderer-'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const bus = new EventBus();
  const server = await startBrowserServer({ handlers: echoHandlers(), bus, staticDir });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    const origin = `http://127.0.0.1:${server.port}`;
    const ws = `ws://127.0.0.1:${server.port}/ws`;

    await assert.rejects(connect(ws, origin), /HTTP 403/, 'no token');
    await assert.rejects(connect(`${ws}?token=${'0'.repeat(48)}`, origin), /HTTP 403/, 'wrong token');
    await assert.rejects(connect(`${ws}?token=${server.token}`, 'http://evil.example'), /HTTP 403/, 'foreign origin');
    await assert.rejects(connect(`${ws}?token=${server.token}`), /HTTP 403/, 'no origin');

    const socket = await connect(`${ws}?token=${server.token}`, origin);
    const ok = await call(socket, { id: 1, command: 'runs.show', request: { runDir: '/tmp/x' } });
    assert.deepEqual(ok, { id: 1, ok: true, value: { name: 'runs.show', request: { runDir: '/tmp/x' } } });
    const bad = await call(socket, { id: 2, command: 'devices.connect', request: { host: 'a b;rm -rf /', port: 5555 } });
    assert.equal(bad.ok, false);
    assert.equal((bad.error as { code: string }).code, 'INVALID_REQUEST');
    const unknown = await call(socket, { id: 3, command: 'shell.exec', request: {} });
    assert.equal((unknown.error as { code: string }).code, 'UNKNOWN_COMMAND');
    const garbage = await call(socket, 'not json' as unknown);
    assert.equal(garbage.ok, false);

    const event = new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
    bus.emit('devices.changed', { devices: [] });
    assert.deepEqual(await event, { event: 'devices.changed', payload: { devices: [] } });
    socket.close();

    const page = await fetch(`${origin}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal((await fetch(`${origin}/..%2f..%2fetc%2fpasswd`)).status, 404);
  } finally {
    await server.close();
    await rm(staticDir, { recursive: true, force: true });
  }
});
