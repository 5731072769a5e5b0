import type { LayerSpec, ModelSpec } from '../../../shared/model-spec';

export class ModelSpecError extends Error {
  constructor(layer: string, problem: string) {
    super(`Layer '${layer}': ${problem}`);
    this.name = 'ModelSpecError';
  }
}

const MERGE_TYPES: ReadonlySet<LayerSpec['type']> = new Set(['Add', 'Multiply']);

/**
 * Checks the graph's wiring: unique names, every input defined before it is read (topological order), one input per
 * layer except Add/Multiply (two or more), exactly one output that names a layer, and no layer whose output is unused.
 */
export function validateGraph(spec: ModelSpec): void {
  if (!spec.inputName) throw new ModelSpecError('(input)', 'the model has no inputName');
  const defined = new Set<string>([spec.inputName]);
  const used = new Set<string>();
  for (const layer of spec.layers) {
    if (defined.has(layer.name)) throw new ModelSpecError(layer.name, 'the name is used twice (layer names must be unique)');
    if (!Array.isArray(layer.inputs) || layer.inputs.length === 0) throw new ModelSpecError(layer.name, 'it names no inputs');
    const merge = MERGE_TYPES.has(layer.type);
    if (merge && layer.inputs.length < 2) throw new ModelSpecError(layer.name, `${layer.type} needs two or more inputs`);
    if (!merge && layer.inputs.length !== 1)
      throw new ModelSpecError(layer.name, `${layer.type} takes exactly one input, got ${layer.inputs.length}`);
    for (const input of layer.inputs) {
      if (!defined.has(input)) {
        const later = spec.layers.some((l) => l.name === input);
        throw new ModelSpecError(
          layer.name,
          later
            ? `input '${input}' is defined after it (layers must be in topological order)`
            : `input '${input}' does not exist`,
        );
      }
      used.add(input);
    }
    defined.add(layer.name);
  }
  if (!Array.isArray(spec.outputs) || spec.outputs.length !== 1)
    throw new ModelSpecError('(outputs)', 'the model must have exactly one output');
  const output = spec.outputs[0];
  if (!spec.layers.some((l) => l.name === output)) throw new ModelSpecError(String(output), 'the model output names no layer');
  used.add(output);
  const dangling = spec.layers.find((l) => !used.has(l.name));
  if (dangling) throw new ModelSpecError(dangling.name, 'its output is used by no layer and is not the model output');
}

/** Per name (a layer or the model input), the layers that read it, in layer order. */
export function consumersByName(spec: ModelSpec): Map<string, LayerSpec[]> {
  const map = new Map<string, LayerSpec[]>([[spec.inputName, []]]);
  for (const layer of spec.layers) map.set(layer.name, []);
  for (const layer of spec.layers) for (const input of layer.inputs) map.get(input)?.push(layer);
  return map;
}

/** Layers by name. */
export function layersByName(spec: ModelSpec): Map<string, LayerSpec> {
  return new Map(spec.layers.map((l) => [l.name, l]));
}

/** The layer that produces a layer's (first) input; undefined when it is the model input. */
export function producerOf(spec: ModelSpec, layer: LayerSpec, byName = layersByName(spec)): LayerSpec | undefined {
  return byName.get(layer.inputs[0]!);
}

/** True when layer i reads only layer i-1 (the first reads the model input) and the last layer is the output. */
export function isChain(spec: ModelSpec): boolean {
  return firstNonChainLayer(spec) === undefined && spec.outputs[0] === spec.layers.at(-1)?.name;
}

/** The first layer that does not simply read the layer before it, if any. */
export function firstNonChainLayer(spec: ModelSpec): LayerSpec | undefined {
  return spec.layers.find((layer, i) => {
    const expected = i === 0 ? spec.inputName : spec.layers[i - 1]!.name;
    return layer.inputs.length !== 1 || layer.inputs[0] !== expected;
  });
}
