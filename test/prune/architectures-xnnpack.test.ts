// The built-in MobileNets against PruneForLatencyOnXNNPack, and their keras.applications originals repaired by --fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LayerSpec, ModelSpec } from '../../shared/model-spec';
import { modelByName } from '../../electron/core/model/built-in';
import { graphShapes } from '../../electron/core/model/shapes';
import { initWeights } from '../../electron/core/model/weights';
import { fixForXnnpack } from '../../electron/core/prune/fix-for-xnnpack';
import { pruneLowMagnitude } from '../../electron/core/prune/pruned-model';
import { checkXnnpack } from '../../electron/core/prune/xnnpack-policy';
import { createTfjsTrainer } from '../../electron/core/train/tfjs-trainer';
import { bypass } from './graph-models';

const START =
  'Could not find `Conv2D 3x3` layer with stride 2x2, `input filters == 3` and `VALID` padding and preceding `ZeroPadding2D` with `padding == 1` in all input branches of the model';

const MODELS = [
  { name: 'mobilenetv2-cifar', stem: 'Conv1', headConvs: ['Conv_1'] },
  { name: 'mobilenetv3s-cifar', stem: 'Conv', headConvs: ['Conv_1', 'Conv_2', 'Logits'] },
] as const;

/**
 * keras.applications' own layout: the stem is Conv2D 3x3 stride 2 'same' without ZeroPadding2D, and each stride-2
 * depthwise follows ZeroPadding2D(correct_pad(x, k)), which on even sizes is ((k//2 - 1, k//2), (k//2 - 1, k//2)).
 */
function kerasLayout(spec: ModelSpec, stem: string): ModelSpec {
  const withoutPad = bypass(spec, `${stem}_pad`);
  return {
    ...withoutPad,
    layers: withoutPad.layers.map((l): LayerSpec => {
      if (l.name === stem && l.type === 'Conv2D') return { ...l, padding: 'same' };
      if (l.type !== 'ZeroPadding2D') return l;
      const p = l.padding[0][0];
      return {
        ...l,
        padding: [
          [p - 1, p],
          [p - 1, p],
        ],
      };
    }),
  };
}

for (const m of MODELS) {
  test(`${m.name} passes check-xnnpack; every 1x1 Conv2D is pruned, the head's included`, () => {
    const spec = modelByName(m.name);
    assert.deepEqual(checkXnnpack(spec), { ok: true, diagnostics: [] });
    const pruned = pruneLowMagnitude(spec, initWeights(spec, 1), { pruningPolicy: 'PruneForLatencyOnXNNPack' });
    const oneByOne = spec.layers.filter((l) => l.type === 'Conv2D' && l.kernelSize.join() === '1,1').length;
    assert.equal(pruned.wrappedLayers.length, oneByOne);
    assert.ok(oneByOne > 20, `${m.name} has ${oneByOne} 1x1 convolutions`);
    for (const head of m.headConvs) assert.ok(pruned.wrappedLayers.includes(head), head);
    assert.ok(!pruned.wrappedLayers.includes(m.stem));
    assert.ok(pruned.tensors.every((t) => t.shape[0] === 1 && t.shape[1] === 1));
  });

  test(`${m.name} in keras.applications' layout fails with the start message; --fix makes it pass and it runs in TF.js`, async () => {
    const spec = kerasLayout(modelByName(m.name), m.stem);
    graphShapes(spec);
    const check = checkXnnpack(spec);
    assert.equal(check.message, START);
    const pads = spec.layers.filter((l) => l.type === 'ZeroPadding2D').length;
    assert.deepEqual(
      check.diagnostics.map((d) => d.rule),
      ['start-layer', ...Array<string>(pads).fill('layer-support')],
    );
    assert.equal(check.diagnostics[0]!.layer, m.stem);
    const weights = initWeights(spec, 2);
    const fixed = fixForXnnpack(spec, weights);
    assert.deepEqual(
      fixed.changes.map((c) => [c.kind, c.needsFineTuning]),
      [['same-to-explicit-padding', true], ...Array(pads).fill(['symmetric-padding', true])],
    );
    assert.deepEqual(checkXnnpack(fixed.spec), { ok: true, diagnostics: [] });
    assert.deepEqual(
      fixed.spec.layers.map((l) => l.type),
      modelByName(m.name).layers.map((l) => l.type),
      'the fixed graph has the built-in layout',
    );
    const trainer = await createTfjsTrainer({ spec: fixed.spec, weights: fixed.weights }, 'tfjs-cpu');
    try {
      const logits = trainer.predict(
        new Float32Array(32 * 32 * 3).map((_, i) => Math.sin(i)),
        1,
      );
      assert.equal(logits.length, 10);
      assert.ok(logits.every(Number.isFinite));
    } finally {
      trainer.dispose();
    }
  });
}
