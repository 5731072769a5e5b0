import type { LayerSpec, ModelSpec } from '../../../../shared/model-spec';
import { graphShapes, modelWeightShapes, type ActivationShape } from '../../model/shapes';
import type { ModelWeights } from '../../model/weights';
import type { FastLayer, FastNode } from './layer-types';
import { batchNormLayer, buildLayer, ParamTable, type FusedRelu } from './layers';
import { mergeNode } from './op-layers';
import type { TensorMemory } from './tensor-memory';

/** The engine's view of a model graph: nodes in an order where every input is computed before it is read. */
export interface FastGraph {
  nodes: FastNode[];
  /** The model input's name, as nodes list it in `inputs`. */
  inputName: string;
  /** The node producing the logits. */
  output: string;
}

function single(layer: FastLayer, output: string, input: string): FastNode {
  const node: FastNode = {
    name: layer.name,
    output,
    inputs: [input],
    outSize: layer.outSize,
    params: layer.params,
    forward: (xs, y, n, training) => layer.forward(xs[0]!, y, n, training),
    backward: (xs, y, dy, dxs, n) => layer.backward(xs[0]!, y, dy, dxs[0] ?? null, n),
  };
  return layer.lastMask ? { ...node, lastMask: layer.lastMask } : node;
}

/**
 * The ReLU a BatchNormalization can run itself: zero floor, no slope or threshold, any ceiling (null when `layer` is
 * not one). Its backward then needs only the output.
 */
function fusableRelu(layer: LayerSpec | undefined): FusedRelu | null {
  if (layer?.type === 'ReLU' && layer.negativeSlope === 0 && layer.threshold === 0)
    return { name: layer.name, ceiling: layer.maxValue ?? Infinity };
  if (layer?.type === 'Activation' && (layer.activation === 'relu' || layer.activation === 'relu6'))
    return { name: layer.name, ceiling: layer.activation === 'relu6' ? 6 : Infinity };
  return null;
}

/**
 * Builds the engine's nodes for a model, holding copies of `weights` in `memory` (as every buffer the nodes
 * allocate), with parameters in `modelWeightShapes` order.
 */
export function buildGraph(spec: ModelSpec, weights: ModelWeights, memory: TensorMemory): FastGraph {
  const shapes = graphShapes(spec);
  const byName = new Map(spec.layers.map((l) => [l.name, l]));
  const readers = new Map<string, LayerSpec[]>();
  for (const layer of spec.layers) {
    for (const input of layer.inputs) readers.set(input, [...(readers.get(input) ?? []), layer]);
  }
  const output = spec.outputs[0];
  const shapeOf = (name: string): ActivationShape => {
    const shape = shapes.get(name);
    if (!shape) throw new Error(`Layer input '${name}' is neither a layer nor the model input`);
    return shape;
  };
  const table = new ParamTable(weights, memory);
  const nodes: FastNode[] = [];
  const fused = new Set<string>();
  for (const layer of spec.layers) {
    if (fused.has(layer.name)) continue;
    if (layer.type === 'Add' || layer.type === 'Multiply') {
      nodes.push(mergeNode(layer, layer.inputs.map(shapeOf)));
      continue;
    }
    const input = layer.inputs[0]!;
    const myReaders = readers.get(layer.name) ?? [];
    // BatchNormalization + ReLU (or ReLU6) run as one node (the ReLU's output is all its backward needs).
    const relu =
      layer.type === 'BatchNormalization' && layer.name !== output && myReaders.length === 1 ? fusableRelu(myReaders[0]) : null;
    if (layer.type === 'BatchNormalization' && relu) {
      nodes.push(single(batchNormLayer(layer, shapeOf(input), table, relu), relu.name, input));
      fused.add(relu.name);
      continue;
    }
    const feedsOnlyBatchNorm =
      layer.name !== output && myReaders.length > 0 && myReaders.every((r) => r.type === 'BatchNormalization');
    const built = buildLayer(layer, shapeOf(input), shapeOf(layer.name), table, { feedsOnlyBatchNorm });
    nodes.push(single(built, layer.name, input));
  }
  if (!byName.has(output)) throw new Error(`The model output '${output}' is not a layer`);
  const expected = modelWeightShapes(spec).map((w) => w.name);
  const built = nodes.flatMap((l) => l.params.map((p) => p.name));
  if (expected.join('|') !== built.join('|'))
    throw new Error(`Weight order mismatch: expected ${expected.join(', ')}, built ${built.join(', ')}`);
  return { nodes, inputName: spec.inputName, output };
}
