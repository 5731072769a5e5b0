import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY } from '../../electron/app/csp';
import { stepForKey, STEPS } from '../../renderer/src/app/steps';
import { HOST_DEVICE, isReady, stateAdvice, withHost } from '../../renderer/src/state/devices';
import { opCounts, resolveInRun, sparseTensors, type Inspection } from '../../renderer/src/state/conversion';

test("index.html's CSP meta tag is the app's policy (frame-ancestors is header-only)", () => {
  const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  const expected = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'));
  assert.deepEqual(meta?.split('; '), expected);
});

test('step navigation keys wrap around', () => {
  assert.equal(STEPS.length, 7);
  assert.equal(stepForKey(1, 'ArrowDown'), 2);
  assert.equal(stepForKey(7, 'ArrowDown'), 1);
  assert.equal(stepForKey(1, 'ArrowUp'), 7);
  assert.equal(stepForKey(4, 'ArrowLeft'), 3);
  assert.equal(stepForKey(4, 'Home'), 1);
  assert.equal(stepForKey(4, 'End'), 7);
  assert.equal(stepForKey(4, 'a'), undefined);
});

test('devices: this computer is always offered; unauthorized phones say how to accept the prompt', () => {
  assert.deepEqual(withHost([]), [HOST_DEVICE]);
  const phone = { id: 'R58M', kind: 'adb' as const, label: 'Pixel 7', state: 'unauthorized' };
  assert.deepEqual(withHost([phone]), [HOST_DEVICE, phone]);
  assert.equal(isReady(phone), false);
  assert.equal(isReady({ ...phone, state: 'device' }), true);
  assert.match(stateAdvice('unauthorized')?.steps.join(' ') ?? '', /Allow USB debugging/);
  assert.equal(stateAdvice('device'), undefined);
  assert.ok(stateAdvice('offline'));
});

test('conversion helpers: op counts, sparse tensors, run-relative paths', () => {
  const t = (name: string, sparse: boolean) => ({
    index: 0,
    name,
    shape: [8, 16],
    shapeSignature: undefined,
    type: 'FLOAT32',
    buffer: 1,
    bytes: 512,
    constant: true,
    quantization: undefined,
    sparsity: sparse
      ? { format: 'CSR', traversalOrder: [0, 1], blockMap: [], storedValues: 32, indexTypes: ['uint8'] }
      : undefined,
    zeroFraction: 0.75,
  });
  const op = (name: string) => ({ index: 0, op: name, version: 1, inputs: [], outputs: [], optionsType: 'NONE', options: {} });
  const inspection = {
    subgraphs: [{ operators: [op('DENSIFY'), op('CONV_2D'), op('CONV_2D'), op('MEAN')], tensors: [t('a', true), t('b', false)] }],
  } as unknown as Inspection;
  assert.deepEqual(opCounts(inspection), [
    { op: 'DENSIFY', count: 1 },
    { op: 'CONV_2D', count: 2 },
    { op: 'MEAN', count: 1 },
  ]);
  assert.deepEqual(sparseTensors(inspection), [{ name: 'a', shape: [8, 16], storedValues: 32, zeroFraction: 0.75 }]);
  assert.equal(resolveInRun('/r', 'tflite/dense.tflite'), '/r/tflite/dense.tflite');
  assert.equal(resolveInRun('/r', '/abs/x.tflite'), '/abs/x.tflite');
  assert.equal(resolveInRun('C:\\r', 'D:\\x.tflite'), 'D:\\x.tflite');
});
