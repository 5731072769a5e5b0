import { join } from 'node:path';
import type { ModelSpec } from '../../shared/model-spec';
import { modelByName, type ModelName } from '../core/model/built-in';
import { loadModel } from '../core/model/io';
import { activationShapes, countParameters, layerWeightShapes } from '../core/model/shapes';
import { checkXnnpack, fixSpecForXnnpack } from '../core/prune';
import { DENSE_MODEL_DIR } from '../core/train/train-run';

/** What the Model screen shows: the layer table, parameter counts, the XNNPACK policy verdict and the fixes on offer. */
export async function describeModel(request: { model?: ModelName; width?: number; runDir?: string }) {
  const spec: ModelSpec = request.runDir
    ? (await loadModel(join(request.runDir, DENSE_MODEL_DIR))).spec
    : modelByName(request.model ?? 'baseline', request.width !== undefined ? { width: request.width } : {});
  const shapes = activationShapes(spec);
  const layers = spec.layers.map((layer, i) => ({
    name: layer.name,
    type: layer.type,
    outputShape: shapes[i + 1],
    parameters: layerWeightShapes(layer, shapes[i]!).reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0),
  }));
  const fix = fixSpecForXnnpack(spec);
  return {
    spec,
    inputShape: spec.inputShape,
    layers,
    parameters: countParameters(spec),
    xnnpack: checkXnnpack(spec),
    fix: { changes: fix.changes, passesAfterFix: checkXnnpack(fix.spec).ok },
  };
}
