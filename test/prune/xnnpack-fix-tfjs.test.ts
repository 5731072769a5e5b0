// The fixed graphs run in stock TF.js, and TF.js' own 'same' padding is the reference for which rewrites are exact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelSpec } from '../../shared/model-spec';
import { initWeights, type ModelWeights } from '../../electron/core/model/weights';
import { fixForXnnpack } from '../../electron/core/prune/fix-for-xnnpack';
import { checkXnnpack } from '../../electron/core/prune/xnnpack-policy';
import { createTfjsTrainer } from '../../electron/core/train/tfjs-trainer';
import { createRng } from '../../electron/core/util/rng';
import { edited, miniMobileNet, reshapeSqueezeExcite, sameDepthwise, sameStem, set } from './graph-models';

const IMAGES = 2;

async function logits(spec: ModelSpec, weights: ModelWeights): Promise<Float32Array> {
  const trainer = await createTfjsTrainer({ spec, weights }, 'tfjs-cpu');
  try {
    const rng = createRng(11);
    const size = IMAGES * spec.inputShape.reduce((a, b) => a * b, 1);
    return trainer.predict(
      Float32Array.from({ length: size }, () => rng.next()),
      IMAGES,
    );
  } finally {
    trainer.dispose();
  }
}

const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

const cases: { name: string; spec: ModelSpec; exact: boolean }[] = [
  // 9x9: TF 'same' with stride 2 pads 1 on each side, so ZeroPadding2D(1) + 'valid' is the same computation.
  { name: "'same' stem on 9x9", spec: sameStem(miniMobileNet([9, 9, 3])), exact: true },
  // 8x8: TF pads 0 before / 1 after, the rewrite moves the grid.
  { name: "'same' stem on 8x8", spec: sameStem(), exact: false },
  { name: "3x3 s2 'same' depthwise on 8x8", spec: sameDepthwise(), exact: false },
  {
    name: 'asymmetric ((0, 1), (0, 1)) before the stride-2 depthwise',
    spec: edited(miniMobileNet(), {
      down_pad: set({
        padding: [
          [0, 1],
          [0, 1],
        ],
      }),
    }),
    exact: false,
  },
  { name: 'SE pooling without keepdims + Reshape', spec: reshapeSqueezeExcite(), exact: true },
];

test('fixed graphs build and run in TF.js; exact rewrites keep the logits, the others change them (fine-tuning)', async () => {
  for (const c of cases) {
    const weights = initWeights(c.spec, 5);
    const fixed = fixForXnnpack(c.spec, weights);
    assert.equal(checkXnnpack(fixed.spec).ok, true, c.name);
    assert.equal(fixed.changes.length, 1, c.name);
    assert.equal(fixed.changes[0]!.exact, c.exact, c.name);
    const before = await logits(c.spec, weights);
    const after = await logits(fixed.spec, fixed.weights);
    assert.equal(after.length, IMAGES * 10, c.name);
    assert.ok(after.every(Number.isFinite), c.name);
    const diff = maxDiff(before, after);
    if (c.exact) assert.ok(diff < 1e-5, `${c.name}: logits differ by ${diff}`);
    else assert.ok(diff > 1e-4, `${c.name}: the grid moved, so the logits must change (max diff ${diff})`);
  }
});
