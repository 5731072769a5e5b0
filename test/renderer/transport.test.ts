import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWsClient, socketUrl, type SocketLike } from '../../renderer/src/transport/ws-client';
import { createIpcClient } from '../../renderer/src/transport/ipc-client';
import { ApiError } from '../../renderer/src/transport/api-error';
import { unwrapEnvelope } from '../../renderer/src/transport/envelope';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: { id: number; command: string; request: unknown }[] = [];
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  send(data: string): void {
    this.sent.push(JSON.parse(data) as FakeSocket['sent'][number]);
  }
  close(): void {
    this.onclose?.({} as CloseEvent);
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent);
  }
}

test('socketUrl takes the token from the page URL', () => {
  assert.equal(
    socketUrl({ protocol: 'http:', host: '127.0.0.1:4567', search: '?token=abc123' }),
    'ws://127.0.0.1:4567/ws?token=abc123',
  );
  assert.throws(
    () => socketUrl({ protocol: 'http:', host: '127.0.0.1:4567', search: '' }),
    (e: unknown) => e instanceof ApiError && e.code === 'NO_TOKEN' && /token/.test(e.hint ?? ''),
  );
});

test('WebSocket client: queues until open, matches answers by id, throws errors with code and hint, relays events', async () => {
  const socket = new FakeSocket();
  const api = createWsClient(socket, '127.0.0.1:4567');
  const info = api.invoke('app.info', {});
  const settings = api.invoke('settings.update', { adbServer: 'bad' } as never);
  assert.equal(socket.sent.length, 0, 'nothing is sent before the socket opens');
  socket.open();
  assert.deepEqual(
    socket.sent.map((m) => m.command),
    ['app.info', 'settings.update'],
  );
  const events: unknown[] = [];
  const off = api.on('devices.changed', (payload) => events.push(payload));
  socket.receive({ event: 'devices.changed', payload: { devices: [{ id: 'x' }] } });
  socket.receive({
    id: socket.sent[1]!.id,
    ok: false,
    error: { code: 'INVALID_REQUEST', message: 'bad adbServer', hint: 'Use HOST:PORT' },
  });
  socket.receive({ id: socket.sent[0]!.id, ok: true, value: { version: '0.1.0' } });
  assert.deepEqual(await info, { version: '0.1.0' });
  await assert.rejects(
    settings,
    (e: unknown) => e instanceof ApiError && e.code === 'INVALID_REQUEST' && e.hint === 'Use HOST:PORT',
  );
  assert.deepEqual(events, [{ devices: [{ id: 'x' }] }]);
  off();
  socket.receive({ event: 'devices.changed', payload: { devices: [] } });
  assert.equal(events.length, 1, 'unsubscribed listeners get nothing');
});

test('WebSocket client: a socket refused before opening says so', async () => {
  const socket = new FakeSocket();
  const api = createWsClient(socket, '127.0.0.1:9');
  const waiting = api.invoke('app.info', {});
  socket.close();
  await assert.rejects(
    waiting,
    (e: unknown) =>
      e instanceof ApiError && e.code === 'CONNECT_REFUSED' && /token/.test(e.message) && /npm run serve/.test(e.hint ?? ''),
  );
});

test('WebSocket client: a closed socket fails waiting and later requests with a clear error', async () => {
  const socket = new FakeSocket();
  const api = createWsClient(socket, '127.0.0.1:9');
  socket.open();
  const waiting = api.invoke('runs.list', {});
  socket.close();
  await assert.rejects(
    waiting,
    (e: unknown) => e instanceof ApiError && e.code === 'DISCONNECTED' && /127\.0\.0\.1:9/.test(e.message),
  );
  await assert.rejects(api.invoke('runs.list', {}), (e: unknown) => e instanceof ApiError && e.code === 'DISCONNECTED');
});

test('IPC client: unwraps envelopes and relays events from the preload bridge', async () => {
  let emit: (event: string, payload: unknown) => void = () => undefined;
  const calls: [string, unknown][] = [];
  const api = createIpcClient({
    invoke: async (command, request) => {
      calls.push([command, request]);
      return command === 'jobs.cancel'
        ? { ok: false, error: { code: 'NO_JOB', message: 'No job 7' } }
        : { ok: true, value: { jobId: '7' } };
    },
    on: (listener) => {
      emit = listener;
      return () => undefined;
    },
  });
  const config = {
    data: 'sample',
    model: 'baseline-keepdims',
    epochs: 1,
    batchSize: 32,
    seed: 1,
    backend: 'auto',
    out: '/r',
  } as const;
  assert.deepEqual(await api.invoke('jobs.start', { job: 'train', config }), { jobId: '7' });
  await assert.rejects(
    api.invoke('jobs.cancel', { jobId: '7' }),
    (e: unknown) => e instanceof ApiError && e.code === 'NO_JOB' && e.hint === undefined,
  );
  const seen: unknown[] = [];
  api.on('job.finished', (p) => seen.push(p.status));
  emit('job.finished', { jobId: '7', job: 'train', status: 'completed' });
  emit('job.event', { jobId: '7', job: 'train', event: {} });
  assert.deepEqual(seen, ['completed']);
  assert.deepEqual(calls[0], ['jobs.start', { job: 'train', config }]);
});

test('malformed answers become BAD_RESPONSE errors', () => {
  for (const bad of [null, 'x', { value: 1 }, { ok: false }]) {
    assert.throws(
      () => unwrapEnvelope(bad, 'app.info'),
      (e: unknown) => e instanceof ApiError && e.code === 'BAD_RESPONSE' && e.message.includes('app.info'),
    );
  }
});
