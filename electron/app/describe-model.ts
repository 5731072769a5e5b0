import { join } from 'node:path';
import type { ModelSpec } from '../../shared/model-spec';
import { modelByName, type ModelName } from '../core/model/built-in';
import { loadModel } from '../core/model/io';
import { countParameters, graphShapes, layerWeightShapes } from '../core/model/shapes';
import { checkXnnpack, fixSpecForXnnpack, xnnpackAllowsPruning } from '../core/prune';
import { DENSE_MODEL_DIR } from '../core/train/train-run';

/**
 * What the Model screen shows for a spec: the layer table (with each layer's inputs, so graphs read as graphs, and
 * whether the XNNPACK policy prunes it), parameter counts, the policy verdict and the fixes on offer.
 */
export function describeSpec(spec: ModelSpec) {
  const shapes = graphShapes(spec);
  const layers = spec.layers.map((layer) => ({
    name: layer.name,
    type: layer.type,
    inputs: [...layer.inputs],
    outputShape: shapes.get(layer.name),
    parameters: layerWeightShapes(layer, shapes.get(layer.inputs[0]!)!).reduce(
      (n, w) => n + w.shape.reduce((a, b) => a * b, 1),
      0,
    ),
    prunedByPolicy: xnnpackAllowsPruning(layer),
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

export type ModelDescription = ReturnType<typeof describeSpec>;

/** `model.describe`: a built-in architecture by name, or a run folder's dense model. */
export async function describeModel(request: { model?: ModelName; width?: number; runDir?: string }): Promise<ModelDescription> {
  const spec: ModelSpec = request.runDir
    ? (await loadModel(join(request.runDir, DENSE_MODEL_DIR))).spec
    : modelByName(request.model ?? 'baseline', request.width !== undefined ? { width: request.width } : {});
  return describeSpec(spec);
}
