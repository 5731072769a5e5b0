// A flat Keras graph + its weights -> the spec v2 model and its weights, with every problem reported by layer name.
import type { LayerSpec, ModelSpec, WeightTensor } from '../../../shared/model-spec';
import { MODEL_SPEC_FORMAT, MODEL_SPEC_VERSION } from '../../../shared/model-spec';
import { ModelSpecError, modelWeightShapes, type WeightShape } from '../model/shapes';
import { ModelWeights } from '../model/weights';
import { UserError } from '../util/errors';
import type { ImportProblems } from './import-problems';
import { mapKerasLayer, type MapOptions, type WeightBinding } from './keras-layers';
import type { KerasGraph } from './keras-topology';
import type { WeightSource } from './weight-source';

export interface BuiltModel {
  spec: ModelSpec;
  weights: ModelWeights;
  /** What the import changed on the way, in plain words (a removed softmax, a split SeparableConv2D...). */
  notes: string[];
}

export interface BuildOptions extends MapOptions {
  /** Replaces the model's input height and width (for models with free or other sizes). */
  inputSize?: [number, number];
}

function specInputShape(graph: KerasGraph, file: string, inputSize: [number, number] | undefined): [number, number, number] {
  const shape = graph.inputShape;
  const shown = `[${shape.map((d) => d ?? 'None').join(', ')}]`;
  if (shape.length !== 3)
    throw new UserError('IMPORT_UNSUPPORTED', `${file}: the input '${graph.inputName}' has shape ${shown}; Sparse Studio takes images (height, width, channels)`);
  const [h, w, c] = shape;
  if (c === null || c === undefined)
    throw new UserError('IMPORT_UNSUPPORTED', `${file}: the input '${graph.inputName}' has no fixed channel count (${shown})`);
  const height = inputSize?.[0] ?? h;
  const width = inputSize?.[1] ?? w;
  if (height === null || height === undefined || width === null || width === undefined)
    throw new UserError(
      'IMPORT_INPUT_SIZE',
      `${file}: the input '${graph.inputName}' has no fixed size (${shown})`,
      'Give one with --input-size HxW (for example --input-size 224x224).',
    );
  return [height, width, c];
}

function modelError(file: string, error: unknown): UserError {
  if (error instanceof ModelSpecError)
    return new UserError('IMPORT_BAD_MODEL', `${file}: ${error.message}`, 'Fix the layer in Keras and save the model again.');
  throw error;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Looks up every weight the spec needs; the first missing or mismatching one is a clear error. */
function assignWeights(
  expected: WeightShape[],
  bindings: Map<string, WeightBinding>,
  source: WeightSource,
  file: string,
): WeightTensor[] {
  return expected.map((weight) => {
    const binding = bindings.get(weight.name);
    if (!binding) throw new Error(`No source for weight '${weight.name}'`);
    const size = weight.shape.reduce((a, b) => a * b, 1);
    if (binding.fill !== undefined)
      return { name: weight.name, shape: weight.shape, trainable: weight.trainable, values: new Float32Array(size).fill(binding.fill) };
    const found = source.find(binding.node, binding.kerasNames, binding.index);
    if (!found)
      throw new UserError(
        'IMPORT_WEIGHTS_MISSING',
        `${file}: no weight ${source.describe(binding.node, binding.kerasNames, binding.index)} for layer '${binding.node.name}' (${binding.node.className}); the file has ${source.all().length} weight tensors`,
        'The weights do not belong to this topology: export the model and its weights together (model.save()).',
      );
    if (!sameShape(found.shape, weight.shape))
      throw new UserError(
        'IMPORT_WEIGHTS_MISMATCH',
        `${file}: weight '${found.name}' of layer '${binding.node.name}' (${binding.node.className}) has shape [${found.shape.join(', ')}], the topology needs [${weight.shape.join(', ')}]`,
        'The weights do not belong to this topology (or the input size differs): export the model and its weights together.',
      );
    if (found.values.length !== size) throw new Error(`Weight '${found.name}' has ${found.values.length} values for shape [${found.shape}]`);
    return { name: weight.name, shape: weight.shape, trainable: weight.trainable, values: Float32Array.from(found.values) };
  });
}

/** Builds the spec and weights; collects unsupported layers in `problems` and throws them together first. */
export function buildImportedModel(
  graph: KerasGraph,
  source: WeightSource,
  problems: ImportProblems,
  file: string,
  options: BuildOptions,
): BuiltModel {
  const notes: string[] = [];
  const resolved = new Map<string, string>([[graph.inputName, graph.inputName]]);
  const layers: LayerSpec[] = [];
  const bindings = new Map<string, WeightBinding>();
  const softmaxAt: string[] = [];
  for (const node of graph.layers) {
    const inputs = node.inputs.map((name) => resolved.get(name) ?? name);
    const mapped = mapKerasLayer(node, inputs, problems, options, file);
    if (!mapped) {
      resolved.set(node.name, inputs[0] ?? node.name);
      continue;
    }
    if (mapped.softmax) softmaxAt.push(node.name);
    layers.push(...mapped.layers);
    for (const binding of mapped.bindings) bindings.set(binding.target, binding);
    resolved.set(node.name, mapped.output);
    if (node.className === 'SeparableConv2D')
      notes.push(`'${node.name}' (SeparableConv2D) became a DepthwiseConv2D '${node.name}__depthwise' and a 1x1 Conv2D '${node.name}' (the same function)`);
    if (mapped.layers.some((l) => l.name.endsWith('__hard_sigmoid')))
      notes.push(`'${node.name}': Keras 2's hard_sigmoid clip(0.2x + 0.5, 0, 1) became Rescaling(1.2) + hard_sigmoid (the same function)`);
  }
  for (const name of softmaxAt) {
    if (name !== graph.output)
      problems.unsupported(name, graph.layers.find((l) => l.name === name)!.className, 'softmax in the middle of the model', 'Softmax is supported only as the last layer (it is removed: Sparse Studio trains on logits)');
    else notes.push(`the final softmax of '${name}' was removed: Sparse Studio trains on logits; predicted classes are unchanged`);
  }
  problems.throwIfAny(file);

  const output = resolved.get(graph.output) ?? graph.output;
  const spec: ModelSpec = {
    format: MODEL_SPEC_FORMAT,
    version: MODEL_SPEC_VERSION,
    name: graph.name,
    inputShape: specInputShape(graph, file, options.inputSize),
    inputName: graph.inputName,
    layers,
    outputs: [output],
  };
  let expected: WeightShape[];
  try {
    expected = modelWeightShapes(spec);
  } catch (error) {
    throw modelError(file, error);
  }
  const tensors = assignWeights(expected, bindings, source, file);
  return { spec, weights: new ModelWeights(tensors), notes };
}
