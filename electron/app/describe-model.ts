import { join } from 'node:path';
import type { ModelSpec } from '../../shared/model-spec';
import { modelByName, type ModelName } from '../core/model/built-in';
import { isChain } from '../core/model/graph';
import { loadModel } from '../core/model/io';
import { multiplyAddsPerImage } from '../core/model/multiply-adds';
import { countParameters, graphShapes, layerWeightShapes } from '../core/model/shapes';
import { checkXnnpack, fixSpecForXnnpack } from '../core/prune';
import { xnnpackAllowsPruning } from '../core/prune/xnnpack-policy';
import { DENSE_MODEL_DIR } from '../core/train/train-run';

/**
 * What the Model screen shows for a spec: the layer table (with each layer's inputs, and which layers pruning wraps),
 * parameter counts, multiply-adds, the XNNPACK policy verdict and the fixes on offer.
 */
export function describeSpec(spec: ModelSpec) {
  const shapes = graphShapes(spec);
  const layers = spec.layers.map((layer) => ({
    name: layer.name,
    type: layer.type,
    inputs: layer.inputs,
    outputShape: shapes.get(layer.name),
    parameters: layerWeightShapes(layer, shapes.get(layer.inputs[0]!)!).reduce(
      (n, w) => n + w.shape.reduce((a, b) => a * b, 1),
      0,
    ),
    pruned: xnnpackAllowsPruning(layer),
  }));
  const fix = fixSpecForXnnpack(spec);
  return {
    spec,
    inputShape: spec.inputShape,
    inputName: spec.inputName,
    chain: isChain(spec),
    layers,
    parameters: countParameters(spec),
    multiplyAdds: multiplyAddsPerImage(spec),
    xnnpack: checkXnnpack(spec),
    fix: { changes: fix.changes, passesAfterFix: checkXnnpack(fix.spec).ok },
  };
}

/** `model.describe`: a built-in architecture by name, or a run folder's dense model. */
export async function describeModel(request: { model?: ModelName; width?: number; runDir?: string }) {
  const spec: ModelSpec = request.runDir
    ? (await loadModel(join(request.runDir, DENSE_MODEL_DIR))).spec
    : modelByName(request.model ?? 'baseline', request.width !== undefined ? { width: request.width } : {});
  return describeSpec(spec);
}
