import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { guideModel } from '../../electron/core/model/baseline';
import { modelClassCount } from '../../electron/core/model/class-count';
import { chanceLevelWarning, resolveBatchSize, stepsForBatchNorm } from '../../electron/core/train/batch-size';
import { cli } from '../cli/cli-io';
import { writeTinyImageFolder } from '../pipeline/tiny-image-folder';

describe('batch size for the data set', () => {
  const spec = guideModel(false);
  it('batch norm (momentum 0.99) needs 299 steps to forget 95 % of its starting statistics', () => {
    assert.equal(stepsForBatchNorm(spec), 299);
    assert.ok(Math.pow(0.99, stepsForBatchNorm(spec)) <= 0.05 && Math.pow(0.99, stepsForBatchNorm(spec) - 1) > 0.05);
  });

  // The bundled sample: 1,800 training images; CIFAR-10's official split: 45,000.
  const table: { name: string; images: number; epochs: number; choice: number | 'auto'; batch: number; warns: boolean }[] = [
    { name: 'bundled sample, 10 epochs, auto', images: 1800, epochs: 10, choice: 'auto', batch: 32, warns: false },
    { name: 'bundled sample, 10 epochs, the guide\'s 128', images: 1800, epochs: 10, choice: 128, batch: 128, warns: true },
    { name: 'bundled sample, 1 epoch, auto', images: 1800, epochs: 1, choice: 'auto', batch: 16, warns: true },
    { name: 'CIFAR-10, 10 epochs, auto keeps the guide\'s 128', images: 45000, epochs: 10, choice: 'auto', batch: 128, warns: false },
    { name: 'CIFAR-10, explicit 64', images: 45000, epochs: 10, choice: 64, batch: 64, warns: false },
  ];
  for (const row of table) {
    it(row.name, () => {
      const resolved = resolveBatchSize(row.choice, spec, row.images, row.epochs);
      assert.equal(resolved.batchSize, row.batch);
      assert.equal(resolved.steps, Math.ceil(row.images / row.batch) * row.epochs);
      assert.equal(resolved.warning !== undefined, row.warns, resolved.warning);
      if (row.warns) assert.match(resolved.warning!, /only \d+ training steps.*batch norm.*near chance\. Use /);
    });
  }
  it('the 128 warning names the fix that works', () => {
    assert.match(resolveBatchSize(128, spec, 1800, 10).warning!, /Use --batch-size 32/);
  });

  it('warns when test accuracy is at chance level', () => {
    assert.match(chanceLevelWarning(0.1, 10) ?? '', /10\.0 % is at chance level \(10\.0 % for 10 classes\)/);
    assert.equal(chanceLevelWarning(0.32, 10), undefined);
    assert.match(chanceLevelWarning(0.5, 2) ?? '', /chance level \(50\.0 % for 2 classes\)/);
  });
});

describe('the number of classes comes from the data set', { timeout: 300_000 }, () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'sparse-classes-'));
  });
  after(async () => rm(root, { recursive: true, force: true }));

  it('the built-in model takes the class count as a parameter', () => {
    assert.equal(modelClassCount(guideModel(true)), 10);
    assert.equal(modelClassCount(guideModel(true, 2)), 2);
    assert.throws(() => guideModel(false, 1), /at least 2 classes/);
  });

  it('a 2-class image folder trains a 2-class model; pruning it on 10-class data is refused before training', async () => {
    const two = await writeTinyImageFolder(join(root, 'two'), 24, 8, 2);
    const ten = await writeTinyImageFolder(join(root, 'ten'), 4, 2, 10);
    const run = join(root, 'run');
    const trained = await cli(['train', '--data', two, '--epochs', '2', '--batch-size', '8', '--backend', 'fast-cpu', '--out', run]);
    assert.equal(trained.code, 0, trained.stderr);
    assert.match(trained.stdout, /Classes:\s+2/);
    const model = JSON.parse(await readFile(join(run, 'dense', 'model.json'), 'utf8')) as unknown;
    assert.match(JSON.stringify(model), /"units":2\b/);
    const metrics = JSON.parse(await readFile(join(run, 'train-metrics.json'), 'utf8')) as { test: { accuracy: number } };
    // 12 steps are far too few for batch norm to settle, and the run says so instead of ending silently at chance.
    assert.ok(metrics.test.accuracy >= 0.5, `only the 2 real classes can be predicted, got ${metrics.test.accuracy}`);
    assert.match(trained.stderr, /Warning: only 12 training steps/);

    const pruned = await cli(['prune', '--from', run, '--fix', '--data', ten, '--epochs', '1', '--backend', 'fast-cpu', '--out', join(root, 'pruned')]);
    assert.equal(pruned.code, 1);
    assert.match(pruned.stderr, /model\.json predicts 2 classes, but the data set .*ten has 10 \(class_00, class_01/);
    assert.doesNotMatch(pruned.stderr, /epoch/i);
  });
});
