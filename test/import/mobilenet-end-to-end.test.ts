import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../cli/cli-io';
import { writeLegacyH5 } from './fixture-files';
import { mobileNetV1 } from './mobilenet-v1';

// keras.applications' MobileNet v1 (alpha 0.25, 224x224 input, nested in a transfer model, .h5) as a user brings it:
// import -> prune --fix on the bundled 32x32 sample (resized to 224x224) -> convert --sparse -> validate in the real
// TFLite runtime, whose profile must show XNNPACK's sparse 1x1 convolutions (SPMM). A few images keep it fast.
const SIZE = 224;
const POINTWISE = 13; // conv_pw_1 .. conv_pw_13

test('an imported keras.applications MobileNet (224x224 .h5) is fixed, pruned on 32x32 images, converted and runs sparse (SPMM)', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'mobilenet-e2e-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const fixture = mobileNetV1(SIZE, 0.25, 10);
  const h5 = await writeLegacyH5(fixture.topology, fixture.groups, join(dir, 'mobilenet.h5'));
  const run = join(dir, 'run');

  const imported = await cli(['import', h5, '--out', run]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.equal((await cli(['check-xnnpack', run])).code, 1, 'conv1_pad ((0,1),(0,1)) fails the stem rule before --fix');

  const pruned = await cli(
    ['prune', '--from', run, '--fix', '--out', run, '--data', 'sample', '--limit', '40', '--epochs', '1', '--initial', '0.5']
      .concat(['--final', '0.75', '--end-epoch', '1', '--frequency', '1', '--batch-size', '16', '--threads', '1', '--json']),
  );
  assert.equal(pruned.code, 0, pruned.stderr);
  const summary = JSON.parse(pruned.stdout.trim().split('\n').at(-1)!);
  assert.deepEqual(summary.data.imageSize, [SIZE, SIZE]);
  assert.deepEqual(summary.data.resizedFrom, [32, 32]);
  assert.ok(summary.fixes.some((c: { layer: string }) => c.layer === 'conv1'), 'the stem is fixed');
  const metrics = JSON.parse(await readFile(join(run, 'pruning-metrics.json'), 'utf8'));
  assert.deepEqual(metrics.dataset.resizedFrom, [32, 32], 'the resize is recorded in the run');
  const pointwise = metrics.sparsity.filter((s: { pruned: boolean }) => s.pruned);
  assert.equal(pointwise.length, POINTWISE);
  for (const s of pointwise) assert.ok(Math.abs(s.sparsity - 0.75) < 0.01, `${s.name}: ${s.sparsity}`);

  const file = join(dir, 'pruned.tflite');
  const converted = await cli(['convert', '--from', run, '--sparse', '--out', file, '--json']);
  assert.equal(converted.code, 0, converted.stderr);

  const validated = await cli(['validate', file, '--from', run, '--limit', '4', '--json']);
  assert.equal(validated.code, 0, validated.stderr);
  const result = JSON.parse(validated.stdout.trim().split('\n').at(-1)!);
  assert.equal(result.images, 4);
  assert.ok(result.maxAbsDiff < 1e-4, `max |Δ logit| ${result.maxAbsDiff}`);
  assert.equal(result.classAgreement, 1);
  assert.equal(result.sparseInference.engaged, 'yes', result.sparseInference.reason);
  const spmm = (result.sparseInference.operators as string[]).filter((n) => n.includes('SPMM'));
  assert.equal(spmm.length, POINTWISE, result.sparseInference.operators.join(', '));
});
