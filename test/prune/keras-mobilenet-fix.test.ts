// keras.applications' MobileNet v1 as imported from an .h5 file: its asymmetric correct_pad paddings (stem and every
// stride-2 depthwise) and its GlobalAveragePooling2D without keepdims are what check-xnnpack --fix repairs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importModel } from '../../electron/core/import/import-model';
import { importInputFromPath } from '../../electron/core/import/import-path';
import { fixForXnnpack } from '../../electron/core/prune/fix-for-xnnpack';
import { checkXnnpack } from '../../electron/core/prune/xnnpack-policy';
import { writeLegacyH5 } from '../import/fixture-files';
import { mobileNetV1 } from '../import/mobilenet-v1';

test("keras.applications' MobileNet v1 (imported .h5) passes check-xnnpack after --fix, weights kept", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'fix-mobilenet-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const fixture = mobileNetV1(224, 0.25, 10);
  const { spec, weights } = await importModel(
    await importInputFromPath(await writeLegacyH5(fixture.topology, fixture.groups, join(dir, 'm.h5'))),
  );
  const fixed = fixForXnnpack(spec, weights);
  assert.deepEqual(
    fixed.changes.map((c) => [c.layer, c.kind, c.needsFineTuning]),
    [
      ['conv1', 'symmetric-padding', true],
      ['conv_dw_2', 'symmetric-padding', true],
      ['conv_dw_4', 'symmetric-padding', true],
      ['conv_dw_6', 'symmetric-padding', true],
      ['conv_dw_12', 'symmetric-padding', true],
      ['global_average_pooling2d', 'gap-keepdims', false],
    ],
  );
  assert.deepEqual(checkXnnpack(fixed.spec), { ok: true, diagnostics: [] });
  assert.deepEqual(
    fixed.weights.tensors.map((w) => w.values),
    weights.tensors.map((w) => w.values),
  );
});
