import type { LayerSpec, LayerSpecV1, ModelSpec, ModelSpecV1 } from '../../../shared/model-spec';
import { DEFAULT_INPUT_NAME, MODEL_SPEC_FORMAT, MODEL_SPEC_VERSION } from '../../../shared/model-spec';

/** Links a list of layers into a chain: each reads the one before it, the first reads `inputName`. */
export function chainLayers(layers: readonly LayerSpecV1[], inputName: string = DEFAULT_INPUT_NAME): LayerSpec[] {
  return layers.map((layer, i) => {
    const inputs = [i === 0 ? inputName : layers[i - 1]!.name];
    if (layer.type === 'ReLU') {
      return { ...layer, negativeSlope: layer.negativeSlope ?? 0, threshold: layer.threshold ?? 0, inputs };
    }
    return { ...layer, inputs } as LayerSpec;
  });
}

/** A sequential model (v1 layout) as a v2 graph. */
export function chainModel(
  name: string,
  inputShape: [number, number, number],
  layers: readonly LayerSpecV1[],
  inputName: string = DEFAULT_INPUT_NAME,
): ModelSpec {
  const linked = chainLayers(layers, inputName);
  const last = linked[linked.length - 1];
  if (!last) throw new Error(`Model '${name}' has no layers`);
  return {
    format: MODEL_SPEC_FORMAT,
    version: MODEL_SPEC_VERSION,
    name,
    inputShape,
    inputName,
    layers: linked,
    outputs: [last.name],
  };
}

/** Migrates a v1 file's chain to the v2 graph description. */
export function migrateV1(spec: ModelSpecV1): ModelSpec {
  return chainModel(spec.name, spec.inputShape, spec.layers);
}
