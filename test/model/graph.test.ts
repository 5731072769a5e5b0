import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LayerSpec, ModelSpec } from '../../shared/model-spec';
import { guideModel } from '../../electron/core/model/baseline';
import { chainModel } from '../../electron/core/model/chain';
import { isChain } from '../../electron/core/model/graph';
import { loadModel, saveModel } from '../../electron/core/model/io';
import { graphShapes } from '../../electron/core/model/shapes';
import { initWeights } from '../../electron/core/model/weights';

test('a v1 file (a chain without inputs) migrates on read to the same model as v2', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'spec-v1-'));
  try {
    const spec = guideModel(true);
    const weights = initWeights(spec, 4);
    await saveModel(dir, spec, weights);
    const file = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
    // What version-1 files look like: no inputs, no inputName, no outputs, ReLU without negativeSlope/threshold.
    file.spec = {
      format: 'sparse-studio-model',
      version: 1,
      name: spec.name,
      inputShape: spec.inputShape,
      layers: spec.layers.map((layer: LayerSpec) => {
        const v1: Record<string, unknown> = { ...layer };
        delete v1.inputs;
        if (layer.type === 'ReLU') {
          delete v1.negativeSlope;
          delete v1.threshold;
        }
        return v1;
      }),
    };
    await writeFile(join(dir, 'model.json'), JSON.stringify(file));
    const loaded = await loadModel(dir);
    assert.deepEqual(loaded.spec, spec);
    assert.equal(isChain(loaded.spec), true);
    assert.deepEqual(loaded.weights.tensors, weights.tensors);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

const conv1x1 = (name: string, filters: number, input: string): LayerSpec => ({
  type: 'Conv2D',
  name,
  inputs: [input],
  filters,
  kernelSize: [1, 1],
  strides: [1, 1],
  padding: 'valid',
  dilationRate: [1, 1],
  groups: 1,
  useBias: true,
  activation: 'linear',
});

function seModel(edit: (layers: LayerSpec[]) => LayerSpec[] = (l) => l): ModelSpec {
  const layers: LayerSpec[] = [
    conv1x1('c', 8, 'input_1'),
    { type: 'GlobalAveragePooling2D', name: 'gap', inputs: ['c'], keepdims: true },
    conv1x1('squeeze', 2, 'gap'),
    conv1x1('excite', 8, 'squeeze'),
    { type: 'Activation', name: 'gate', inputs: ['excite'], activation: 'hard_sigmoid' },
    { type: 'Multiply', name: 'scale', inputs: ['c', 'gate'] },
    { type: 'Add', name: 'residual', inputs: ['scale', 'c'] },
    { type: 'Reshape', name: 'flat', inputs: ['residual'], targetShape: [-1] },
  ];
  return { ...chainModel('se', [4, 4, 3], [{ type: 'Flatten', name: 'x' }]), layers: edit(layers), outputs: ['flat'] };
}

test('graph shapes: SE broadcast multiply, residual add, reshape with -1', () => {
  const shapes = graphShapes(seModel());
  assert.deepEqual(shapes.get('gap'), [1, 1, 8]);
  assert.deepEqual(shapes.get('scale'), [4, 4, 8]);
  assert.deepEqual(shapes.get('residual'), [4, 4, 8]);
  assert.deepEqual(shapes.get('flat'), [128]);
  assert.equal(isChain(seModel()), false);
});

test('graph errors name the layer: missing input, wrong order, bad add/multiply shapes, unused layer, one-input add', () => {
  const cases: [string, (l: LayerSpec[]) => LayerSpec[], RegExp][] = [
    [
      'missing input',
      (l) => l.map((x) => (x.name === 'gap' ? { ...x, inputs: ['nope'] } : x)),
      /'gap': input 'nope' does not exist/,
    ],
    ['order', (l) => [l[1]!, l[0]!, ...l.slice(2)], /'gap': input 'c' is defined after it/],
    [
      'add shapes',
      (l) => l.map((x) => (x.name === 'residual' ? { ...x, inputs: ['scale', 'gap'] } : x)),
      /'residual': Add needs inputs of one shape/,
    ],
    [
      'multiply shapes',
      (l) => l.map((x) => (x.name === 'scale' ? { ...x, inputs: ['gate', 'squeeze'] } : x)),
      /'scale': inputs .* do not broadcast/,
    ],
    ['unused', (l) => [...l.slice(0, 2), conv1x1('dead', 2, 'gap'), ...l.slice(2)], /'dead': its output is used by no layer/],
    [
      'one-input add',
      (l) => l.map((x) => (x.name === 'residual' ? { ...x, inputs: ['scale'] } : x)),
      /'residual': Add needs two or more inputs/,
    ],
  ];
  for (const [name, edit, message] of cases) assert.throws(() => graphShapes(seModel(edit)), message, name);
});
