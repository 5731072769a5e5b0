import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { CIFAR10_CLASS_NAMES } from '../../electron/core/data/cifar10-classes';
import { loadDataset } from '../../electron/core/data/load';
import { sampleArchivePath } from '../../electron/core/data/sample-path';
import { tempDir } from './fixtures';

test('the bundled sample loads offline from any working folder', async (t) => {
  assert.ok((await stat(sampleArchivePath())).size < 3_000_000, 'the sample stays small');
  const dir = await tempDir(t);
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const data = await loadDataset('sample', { cacheDir: join(dir, 'cache') });
    assert.equal(data.source, 'sample');
    assert.deepEqual(data.classNames, CIFAR10_CLASS_NAMES);
    assert.deepEqual([data.train.count, data.validation.count, data.test.count], [1800, 200, 500]);
    for (const split of [data.train, data.validation, data.test]) {
      const perClass = new Array<number>(10).fill(0);
      for (const label of split.labels) perClass[label]!++;
      assert.ok(
        perClass.every((n) => n === split.count / 10),
        `balanced: ${perClass.join(' ')}`,
      );
    }
    // Real photos: the pixels are far from constant.
    const mean = data.test.images.reduce((a, b) => a + b, 0) / data.test.images.length;
    assert.ok(mean > 60 && mean < 200, `mean pixel ${mean}`);
  } finally {
    process.chdir(cwd);
  }
});
