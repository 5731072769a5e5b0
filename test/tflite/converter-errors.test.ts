import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guideModel } from '../../electron/core/model/baseline';
import { initWeights } from '../../electron/core/model/weights';
import { convertToTflite } from '../../electron/core/tflite/convert';
import { UserError } from '../../electron/core/util/errors';
import { chainModel } from '../../electron/core/model/chain';
import type { LayerSpec, LayerSpecV1, ModelSpec } from '../../shared/model-spec';

function withLayers(edit: (layers: LayerSpec[]) => (LayerSpec | LayerSpecV1)[]): ModelSpec {
  const spec = guideModel(true);
  return chainModel(spec.name, spec.inputShape, edit(structuredClone(spec.layers)));
}

const cases: { name: string; spec: ModelSpec; layer: string }[] = [
  {
    name: 'a ReLU with an unsupported max value',
    spec: withLayers((l) => l.map((x) => (x.name === 're_lu_2' ? { ...x, maxValue: 4 } : x)) as LayerSpec[]),
    layer: 're_lu_2',
  },
  {
    name: 'a leaky ReLU (negative slope)',
    spec: withLayers((l) => l.map((x) => (x.name === 're_lu_1' ? { ...x, negativeSlope: 0.1 } : x)) as LayerSpec[]),
    layer: 're_lu_1',
  },
  {
    name: 'a ReLU with a threshold',
    spec: withLayers((l) => l.map((x) => (x.name === 're_lu' ? { ...x, threshold: 0.5 } : x)) as LayerSpec[]),
    layer: 're_lu',
  },
];

for (const c of cases) {
  test(`an unsupported layer is named in the error: ${c.name}`, () => {
    const weights = initWeights(c.spec, 1);
    assert.throws(
      () => convertToTflite(c.spec, weights, { sparse: false }),
      (error: unknown) =>
        error instanceof UserError && error.code === 'TFLITE_UNSUPPORTED_LAYER' && error.message.includes(`'${c.layer}'`),
    );
  });
}
