// Runs on the real CIFAR-10 JPEG archive when ../shared is present (developer machines); skipped elsewhere.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { readArchiveTree } from '../../electron/core/data/archive-tree';
import { CIFAR10_CLASS_NAMES } from '../../electron/core/data/cifar10-classes';
import { isImagePath } from '../../electron/core/data/image-decode';
import { loadImageFolder } from '../../electron/core/data/image-folder';
import { findImageFolderLayout } from '../../electron/core/data/image-folder-layout';
import { holdOutValidation } from '../../electron/core/data/split-views';
import { sharedPath } from '../support/shared-dir';

const ARCHIVE = sharedPath('datasets', 'cifar10-jpg.tar.gz');
const skip = existsSync(ARCHIVE) ? false : `${ARCHIVE} is not on this machine`;

test(
  'the real CIFAR-10 JPEG archive: 50,000 + 10,000 images -> 45,000 / 5,000 / 10,000, balanced, decodable',
  { skip },
  async () => {
    const tree = await readArchiveTree(ARCHIVE, { keep: isImagePath });
    const layout = findImageFolderLayout(tree);
    assert.equal(layout.root, 'cifar10-jpg');
    assert.deepEqual(layout.classNames, CIFAR10_CLASS_NAMES);
    assert.deepEqual([layout.train.length, layout.test.length], [50_000, 10_000]);
    const validationLabels = layout.train.slice(45_000).map((f) => f.label);
    for (let label = 0; label < 10; label++) assert.equal(validationLabels.filter((l) => l === label).length, 500);

    // Decoding all 60,000 takes ~10 s; the first 2,000 training files (and 400 test images) show it works.
    const set = await loadImageFolder(tree, { limit: 2000 });
    assert.deepEqual([set.totals.train, set.totals.test, set.trainFiles.count, set.test.count], [50_000, 10_000, 2000, 400]);
    const { train, validation } = holdOutValidation(set.trainFiles);
    assert.deepEqual([train.count, validation.count], [1800, 200]);
    const mean = set.trainFiles.images.reduce((a, b) => a + b, 0) / set.trainFiles.images.length;
    assert.ok(mean > 100 && mean < 140, `CIFAR-10's mean pixel is about 120, got ${mean}`);
  },
);
