import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventBus } from '../../electron/app/event-bus';
import type { Envelope, Handlers } from '../../electron/app/dispatch';
import { COMMAND_NAMES, commandRequests } from '../../shared/contract';
import {
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  forwardEvents,
  registerIpc,
  type InvokeEventLike,
  type IpcMainLike,
} from '../../electron/ipc';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    assert.ok(!this.handlers.has(channel), `channel ${channel} registered twice`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(url: string | null, ...args: unknown[]): Promise<Envelope> {
    const listener = this.handlers.get(INVOKE_CHANNEL);
    assert.ok(listener);
    return listener({ senderFrame: url === null ? null : { url } }, ...args) as Promise<Envelope>;
  }
}

const PAGE = 'file:///app/dist/renderer/index.html';

function recordingHandlers(calls: string[]): Handlers {
  return Object.fromEntries(
    COMMAND_NAMES.map((name) => [
      name,
      async (request: unknown) => {
        calls.push(name);
        return { echoed: request };
      },
    ]),
  ) as unknown as Handlers;
}

// A valid request for every command, so the test proves each one reaches its handler through IPC.
const VALID: Record<string, unknown> = {
  'settings.update': { workspace: '/tmp/w' },
  'data.inspect': { source: 'sample' },
  'model.describe': { model: 'baseline' },
  'model.upload': { uploadId: '0123456789abcdef01234567', name: 'model.json', base64: 'e30=' },
  'model.import': { uploadId: '0123456789abcdef01234567', main: 'model.json' },
  'jobs.start': {
    job: 'train',
    config: { data: 'sample', model: 'baseline', epochs: 1, batchSize: 32, seed: 1, backend: 'auto', out: '/tmp/run' },
  },
  'jobs.cancel': { jobId: 'abc' },
  'devices.connect': { host: '127.0.0.1', port: 5555 },
  'devices.pair': { host: '192.168.1.40', port: 37099, code: '123456' },
  'devices.details': { id: 'emulator-5554' },
  'devices.disconnect': { id: '10.0.0.5:5555', forget: true },
  'runs.show': { runDir: '/tmp/run' },
  'runs.update': { runDir: '/tmp/run', name: 'first', note: '' },
  'runs.delete': { runDir: '/tmp/run' },
  'runs.forget': { runDir: '/tmp/run' },
  'report.download': { runDirs: ['/tmp/run'], format: 'summary-csv' },
  'report.build': { runDirs: ['/tmp/run'] },
  'report.export': { runDirs: ['/tmp/run'], format: 'html' },
  'tflite.inspect': { file: '/tmp/m.tflite' },
  'whatif.report': { runDir: '/tmp/run' },
};

test('every contract command is reachable over IPC from our page', async () => {
  const ipc = new FakeIpcMain();
  const calls: string[] = [];
  const registered = registerIpc(ipc, recordingHandlers(calls), (url) => url === PAGE);
  assert.deepEqual([...registered].sort(), Object.keys(commandRequests).sort());
  for (const name of COMMAND_NAMES) {
    const reply = await ipc.invoke(PAGE, name, VALID[name] ?? {});
    assert.equal(reply.ok, true, `${name}: ${JSON.stringify(reply)}`);
  }
  assert.deepEqual(calls, COMMAND_NAMES);
});

test('malformed arguments, unknown commands and foreign senders are refused before any handler runs', async () => {
  const ipc = new FakeIpcMain();
  const calls: string[] = [];
  registerIpc(ipc, recordingHandlers(calls), (url) => url === PAGE);
  const cases: [string | null, unknown, unknown, string][] = [
    [PAGE, 'devices.connect', { host: 'x;reboot', port: 5555 }, 'INVALID_REQUEST'],
    [PAGE, 'devices.connect', { host: '127.0.0.1', port: 70000 }, 'INVALID_REQUEST'],
    [PAGE, 'devices.pair', { host: '192.168.1.23', port: 37099, code: '12345;reboot' }, 'INVALID_REQUEST'],
    [PAGE, 'jobs.cancel', { jobId: '' }, 'INVALID_REQUEST'],
    [PAGE, 'jobs.start', { job: 'train', config: { data: 'sample' } }, 'INVALID_REQUEST'],
    [PAGE, 'jobs.start', { job: 'shell', config: {} }, 'INVALID_REQUEST'],
    [PAGE, 'report.export', { runDirs: ['/r'], format: 'exe' }, 'INVALID_REQUEST'],
    [PAGE, 'runs.show', { runDir: '/r', extra: true }, 'INVALID_REQUEST'],
    [PAGE, 'app.info', 'not an object', 'INVALID_REQUEST'],
    [PAGE, 'fs.delete', {}, 'UNKNOWN_COMMAND'],
    [PAGE, 42, {}, 'INVALID_REQUEST'],
    ['https://evil.example/', 'app.info', {}, 'UNTRUSTED_SENDER'],
    [null, 'app.info', {}, 'UNTRUSTED_SENDER'],
  ];
  for (const [url, command, request, code] of cases) {
    const reply = await ipc.invoke(url, command, request);
    assert.equal(reply.ok, false, `${String(command)} should be refused`);
    if (!reply.ok) assert.equal(reply.error.code, code, `${String(command)}: ${reply.error.message}`);
  }
  assert.deepEqual(calls, []);
});

test('events reach the window until it is destroyed', () => {
  const bus = new EventBus();
  const sent: unknown[][] = [];
  let destroyed = false;
  const stop = forwardEvents(bus, { send: (...args) => sent.push(args), isDestroyed: () => destroyed });
  bus.emit('devices.changed', { devices: [] });
  destroyed = true;
  bus.emit('devices.changed', { devices: [{ id: 'host', kind: 'host', state: 'device', label: 'This computer' }] });
  stop();
  assert.deepEqual(sent, [[EVENT_CHANNEL, 'devices.changed', { devices: [] }]]);
});
