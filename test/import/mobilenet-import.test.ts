import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importModel } from '../../electron/core/import/import-model';
import { importInputFromPath } from '../../electron/core/import/import-path';
import { countParameters } from '../../electron/core/model/shapes';
import { checkXnnpack, fixForXnnpack } from '../../electron/core/prune';
import { writeLegacyH5 } from './fixture-files';
import { mobileNetV1 } from './mobilenet-v1';

test("keras.applications' MobileNet v1 (nested, .h5) imports flat; check-xnnpack blames its own layers", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'import-mobilenet-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const fixture = mobileNetV1(224, 0.25, 10);
  const path = await writeLegacyH5(fixture.topology, fixture.groups, join(dir, 'mobilenet.h5'));
  const { spec, weights } = await importModel(await importInputFromPath(path));
  assert.deepEqual(spec.inputShape, [224, 224, 3]);
  assert.equal(spec.layers.filter((l) => l.type === 'DepthwiseConv2D').length, 13);
  // Keras' model.summary() for MobileNet(alpha=0.25, include_top=False): 218,544 parameters; plus the Dense head.
  assert.equal(countParameters(spec).total, 218_544 + 256 * 10 + 10);
  assert.deepEqual(spec.layers[0], { name: 'conv1_pad', inputs: ['input_2'], type: 'ZeroPadding2D', padding: [[0, 1], [0, 1]] });

  const check = checkXnnpack(spec);
  assert.equal(check.ok, false);
  const blamed = check.diagnostics.map((d) => `${d.layer} ${d.rule}`);
  assert.ok(blamed.includes('conv1 start-layer'), blamed.join(', '));
  assert.ok(blamed.includes('global_average_pooling2d end-layer'), blamed.join(', '));
  // The stride-2 depthwise blocks keras.applications pads asymmetrically.
  for (const id of [2, 4, 6, 12]) assert.ok(check.diagnostics.some((d) => d.layer === `conv_dw_${id}`), `conv_dw_${id}`);
  // The stem diagnosis in the model's own words: conv1_pad pads ((0,1),(0,1)), not 1 on every side.
  const stem = check.diagnostics.find((d) => d.layer === 'conv1')!;
  assert.match(stem.fix, /'conv1_pad' before it pads \[\[0,1\],\[0,1\]\]/);

  // --fix repairs it (the moved sampling grid flagged as needing fine-tuning) and the model then passes.
  const fixed = fixForXnnpack(spec, weights);
  assert.equal(checkXnnpack(fixed.spec).ok, true);
  assert.ok(fixed.changes.find((c) => c.layer === 'conv1')?.needsFineTuning);
  assert.equal(fixed.changes.find((c) => c.layer === 'global_average_pooling2d')?.needsFineTuning, false);
});
