import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { loadDataset } from '../../electron/core/data/load';
import { profileOnHost } from '../../electron/core/host/profile-run';
import { HostRuntime } from '../../electron/core/host/runtime';
import { validateTflite } from '../../electron/core/host/validate';
import { convertToTflite } from '../../electron/core/tflite/convert';
import { UserError } from '../../electron/core/util/errors';
import { randomImages, testModel } from './test-model';
import { sharedPath } from '../support/shared-dir';

const source = testModel(21);
const dense = convertToTflite(source.spec, source.weights, { sparse: false }).bytes;
const sparse = convertToTflite(source.spec, source.weights, { sparse: true }).bytes;

async function testImages(): Promise<{ images: Float32Array; count: number }> {
  // Real CIFAR-10 test images from the bundled sample, plus random ones.
  const dataset = await loadDataset('sample', { limit: 200 });
  const real = Math.min(40, dataset.test.count);
  const random = 8;
  const images = new Float32Array((real + random) * 3072);
  images.set(Float32Array.from(dataset.test.images.subarray(0, real * 3072), (v) => v / 255));
  images.set(randomImages(random, 4), real * 3072);
  return { images, count: real + random };
}

test('the real TFLite runtime matches the TF.js model within 1e-4 (dense and sparse files), same classes', async () => {
  const { images, count } = await testImages();
  for (const [name, bytes] of [
    ['dense', dense],
    ['sparse', sparse],
  ] as const) {
    const result = await validateTflite(bytes, `${name}.tflite`, source, images, count, 'tfjs-cpu');
    assert.equal(result.images, count);
    assert.ok(result.maxAbsDiff < 1e-4, `${name}: max |Δ| ${result.maxAbsDiff}`);
    assert.equal(result.classAgreement, 1, `${name}: classes differ on ${result.disagreements}`);
  }
  assert.ok(sparse.length < dense.length, `sparse ${sparse.length} B < dense ${dense.length} B`);
});

test('sparse inference: engaged for the sparse file, not for the dense one (with the failing rule as reason)', async () => {
  const yes = await profileOnHost(sparse, 'sparse.tflite');
  assert.equal(yes.engaged, 'yes', yes.reason);
  assert.equal(yes.xnnpackOperators.filter((n) => n.includes('SPMM')).length, 2);
  assert.ok(yes.xnnpackOperators.includes('Convolution (NCHW, F32) Conv2D HWC2CHW'));
  assert.ok(!yes.xnnpackOperators.some((n) => n.startsWith('Constant Pad')), 'both PADs are fused into the convolutions');
  const no = await profileOnHost(dense, 'dense.tflite');
  assert.equal(no.engaged, 'no');
  assert.match(no.reason, /DENSIFY/);
  assert.ok(no.xnnpackOperators.every((n) => !n.includes('NCHW')));
});

test('sparse storage with only 60 % zeros in the 1x1 kernels: XNNPACK stays dense, and the 2/3 rule is the reason', async () => {
  const weak = testModel(21, 0.6);
  const bytes = convertToTflite(weak.spec, weak.weights, { sparse: true }).bytes;
  const observed = await profileOnHost(bytes, 'weak.tflite');
  assert.equal(observed.engaged, 'no');
  assert.match(observed.reason, /2\/3/);
});

test(
  'a file the runtime refuses gives a UserError naming it',
  { skip: existsSync(sharedPath('tflite-models')) ? false : `${sharedPath('tflite-models')} is absent` },
  async () => {
    const runtime = await HostRuntime.create();
    const bytes = new Uint8Array(readFileSync(sharedPath('tflite-models', 'person_detect.tflite')));
    assert.throws(
      () => runtime.loadModel(bytes, 'person_detect.tflite', { threads: 1, profiling: false }),
      (e: unknown) => e instanceof UserError && e.code === 'TFLITE_LOAD_FAILED' && e.message.includes('person_detect.tflite'),
    );
  },
);
