// Turns a Keras 2 / Keras 3 / TF.js Layers model config (Sequential or functional, models nested in models) into one
// flat graph of Keras layers, each naming the layers it reads. No layer semantics here: see keras-layers.ts.
import { badTopology, FieldReader, isObject, type Json, type JsonObject } from './keras-json';
import { SnakeNamer } from './keras-naming';
import type { ImportProblems } from './import-problems';

export interface KerasLayerNode {
  /** Unique name in the flattened graph (the Keras name, prefixed by its model's name only on a clash). */
  name: string;
  /** The name Keras gave the layer (weights are stored under it). */
  kerasName: string;
  className: string;
  config: JsonObject;
  /** Names of the nodes (or the model input) it reads. */
  inputs: string[];
  /** Keras 2's keyword arguments of the call (a TFOpLambda's constant operand `y`); tensors in it are in `inputs`. */
  callKwargs: JsonObject;
  /** Names of the models this layer is nested in, outermost first. */
  modelPath: string[];
  /** Its group in a Keras 3 weights file, e.g. `layers/functional/layers/conv2d_1`. */
  keras3Path: string;
}

export interface KerasGraph {
  name: string;
  inputName: string;
  /** Input shape without the batch dimension, as written (null for a free dimension). */
  inputShape: (number | null)[];
  layers: KerasLayerNode[];
  output: string;
}

const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);

/** The model config inside whatever wraps it: TF.js `modelTopology`, the converter's and h5's `model_config`. */
export function unwrapModelConfig(value: Json | undefined, file: string): JsonObject {
  let config: Json | undefined = value;
  for (let depth = 0; depth < 4; depth++) {
    if (typeof config === 'string') {
      try {
        config = JSON.parse(config) as Json;
      } catch (error) {
        throw badTopology(file, 'model config', `is not valid JSON (${(error as Error).message})`);
      }
    }
    if (!isObject(config)) break;
    if (typeof config.class_name === 'string') return config;
    config = config.modelTopology ?? config.model_config ?? undefined;
  }
  throw badTopology(file, 'model', 'no model config found (expected modelTopology, model_config or class_name + config)');
}

interface Scope {
  /** Local layer name -> flattened node name it resolves to (nested models resolve to their output). */
  resolved: Map<string, string>;
}

class GraphBuilder {
  readonly layers: KerasLayerNode[] = [];
  readonly #used = new Set<string>();
  input: { name: string; shape: (number | null)[] } | undefined;

  constructor(
    readonly file: string,
    readonly problems: ImportProblems,
  ) {}

  uniqueName(kerasName: string, modelPath: string[]): string {
    let name = kerasName;
    for (let i = modelPath.length - 1; this.#used.has(name) && i >= 0; i--) name = `${modelPath[i]}_${name}`;
    for (let n = 1; this.#used.has(name); n++) name = `${kerasName}_${n}`;
    this.#used.add(name);
    return name;
  }

  reserve(name: string): void {
    this.#used.add(name);
  }
}

function layerEntry(builder: GraphBuilder, entry: Json, where: string): { className: string; config: JsonObject; reader: FieldReader; raw: JsonObject } {
  if (!isObject(entry) || typeof entry.class_name !== 'string')
    throw badTopology(builder.file, where, 'a layer entry needs class_name and config');
  const config = isObject(entry.config) ? entry.config : {};
  const name = typeof config.name === 'string' ? config.name : typeof entry.name === 'string' ? entry.name : where;
  return {
    className: entry.class_name,
    config,
    reader: new FieldReader(builder.file, `layer '${name}' (${entry.class_name})`, config),
    raw: entry,
  };
}

function layerName(entry: { config: JsonObject; raw: JsonObject }, fallback: string): string {
  const name = entry.raw.name ?? entry.config.name;
  return typeof name === 'string' ? name : fallback;
}

/** Batch input shape from an InputLayer or a first layer: Keras 2/TF.js `batch_input_shape`, Keras 3 `batch_shape`. */
function batchShape(config: JsonObject): (number | null)[] | undefined {
  const shape = config.batch_input_shape ?? config.batch_shape ?? undefined;
  if (Array.isArray(shape)) return shape.slice(1).map((d) => (typeof d === 'number' ? d : null));
  if (Array.isArray(config.input_shape)) return config.input_shape.map((d) => (typeof d === 'number' ? d : null));
  return undefined;
}

/** The producer names of a layer's single call: Keras 2/TF.js nested lists, Keras 3 dicts with args/kwargs. */
function inboundNames(
  builder: GraphBuilder,
  where: string,
  inbound: Json | undefined,
  name: string,
  className: string,
): { names: string[]; kwargs: JsonObject } {
  const kwargs: JsonObject = {};
  if (inbound === undefined || inbound === null || (Array.isArray(inbound) && inbound.length === 0)) return { names: [], kwargs };
  if (!Array.isArray(inbound)) throw badTopology(builder.file, where, 'inbound_nodes must be a list');
  if (inbound.length > 1) {
    builder.problems.unsupported(
      name,
      className,
      `it is called ${inbound.length} times (a shared layer); Sparse Studio needs each layer used once`,
      'Give each call its own layer (copy the layer and its weights) and save the model again.',
    );
    // Go on with the first call, so the rest of the model is checked too.
  }
  const node = inbound[0]!;
  const names: string[] = [];
  const history = (triple: Json[], at: string): void => {
    const [producer, , tensorIndex] = triple;
    if (typeof producer !== 'string') throw badTopology(builder.file, where, `inbound ${at} has no layer name`);
    if (typeof tensorIndex === 'number' && tensorIndex !== 0) {
      builder.problems.unsupported(name, className, `it reads output ${tensorIndex} of '${producer}' (a layer with several outputs)`, 'Only single-output layers are supported.');
    }
    names.push(producer);
  };
  if (Array.isArray(node)) {
    for (const [i, entry] of node.entries()) {
      if (!Array.isArray(entry)) throw badTopology(builder.file, where, `inbound node entry ${i} must be a list [layer, node, tensor, kwargs]`);
      history(entry, `entry ${i}`);
      if (i === 0 && isObject(entry[3])) Object.assign(kwargs, entry[3]);
    }
    // A TFOpLambda's tensor operand (`x + y` of two tensors) is a kwarg written as [layer, node, tensor].
    for (const [key, value] of className === 'TFOpLambda' ? Object.entries(kwargs) : []) {
      if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'number' && typeof value[2] === 'number')
        history(value, `kwarg '${key}'`);
    }
    return { names, kwargs };
  }
  if (isObject(node)) {
    const visit = (value: Json | undefined): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (isObject(value)) {
        if (value.class_name === '__keras_tensor__' && isObject(value.config) && Array.isArray(value.config.keras_history))
          history(value.config.keras_history, 'tensor');
        else Object.values(value).forEach(visit);
      }
    };
    visit(node.args);
    visit(node.kwargs);
    return { names, kwargs };
  }
  throw badTopology(builder.file, where, 'an inbound node must be a list (Keras 2, TF.js) or {args, kwargs} (Keras 3)');
}

/** [[name, node, tensor], ...] or a single [name, node, tensor] (Keras 3 writes either for input_layers/output_layers). */
function tensorRefs(value: Json | undefined): string[] {
  if (!Array.isArray(value)) return [];
  if (typeof value[0] === 'string') return [value[0]];
  return value.flatMap((v) => (Array.isArray(v) && typeof v[0] === 'string' ? [v[0]] : []));
}

/**
 * Adds one model's layers to the graph. `input` is the flattened name feeding the model (undefined for the outermost,
 * whose InputLayer becomes the graph input). Returns the flattened name of the model's output.
 */
function addModel(
  builder: GraphBuilder,
  model: JsonObject,
  modelPath: string[],
  keras3Prefix: string,
  input: string | undefined,
): string {
  const className = String(model.class_name);
  const modelName = isObject(model.config) && typeof model.config.name === 'string' ? model.config.name : className;
  const where = modelPath.length === 0 ? `model '${modelName}'` : `nested model '${modelPath.join('/')}'`;
  // Keras 2.2 wrote a Sequential's config as the bare list of layers.
  const config: JsonObject = Array.isArray(model.config) ? { layers: model.config } : isObject(model.config) ? model.config : {};
  const entries = config.layers;
  if (!Array.isArray(entries) || entries.length === 0) throw badTopology(builder.file, where, 'has no layers');
  const namer = new SnakeNamer();
  const scope: Scope = { resolved: new Map() };
  const sequential = className === 'Sequential';

  const setInput = (name: string, shape: (number | null)[] | undefined, layerWhere: string): void => {
    if (input !== undefined) {
      scope.resolved.set(name, input);
      return;
    }
    if (builder.input) {
      builder.problems.unsupported(name, 'InputLayer', 'the model has more than one input', 'Sparse Studio models take one image input.');
      return;
    }
    if (!shape) throw badTopology(builder.file, layerWhere, 'the input has no shape (batch_input_shape / batch_shape)');
    builder.reserve(name);
    builder.input = { name, shape };
    scope.resolved.set(name, name);
  };

  let previous: string | undefined = input;
  if (sequential && input === undefined) {
    const first = entries[0]!;
    const firstEntry = isObject(first) ? layerEntry(builder, first, `${where} layer 0`) : undefined;
    const shape = batchShape(firstEntry?.config ?? {}) ?? batchShape({ batch_input_shape: config.build_input_shape ?? null });
    if (firstEntry?.className !== 'InputLayer') {
      setInput('input_1', shape, where);
      previous = 'input_1';
    }
  }
  for (const [i, raw] of entries.entries()) {
    const entry = layerEntry(builder, raw, `${where} layer ${i}`);
    const kerasName = layerName(entry, `${entry.className.toLowerCase()}_${i}`);
    const keras3Path = `${keras3Prefix}layers/${namer.next(entry.className)}`;
    const layerWhere = `layer '${kerasName}' (${entry.className})`;
    if (entry.className === 'InputLayer') {
      setInput(kerasName, batchShape(entry.config), layerWhere);
      if (sequential) previous = scope.resolved.get(kerasName);
      continue;
    }
    let inputs: string[];
    let callKwargs: JsonObject = {};
    if (sequential) {
      inputs = previous === undefined ? [] : [previous];
    } else {
      const local = inboundNames(builder, layerWhere, entry.raw.inbound_nodes, kerasName, entry.className);
      callKwargs = local.kwargs;
      inputs = local.names.map((producer) => {
        const resolved = scope.resolved.get(producer);
        if (resolved === undefined)
          throw badTopology(builder.file, layerWhere, `reads '${producer}', which is not defined before it in ${where}`);
        return resolved;
      });
    }
    if (inputs.length === 0) throw badTopology(builder.file, layerWhere, 'reads no input');
    if (MODEL_CLASSES.has(entry.className)) {
      if (inputs.length !== 1) {
        builder.problems.unsupported(kerasName, entry.className, 'a nested model with several inputs', 'Flatten it by hand into one model.');
      }
      const output = addModel(builder, entry.raw, [...modelPath, kerasName], `${keras3Path}/`, inputs[0]);
      scope.resolved.set(kerasName, output);
      previous = output;
      continue;
    }
    const name = builder.uniqueName(kerasName, modelPath);
    builder.layers.push({ name, kerasName, className: entry.className, config: entry.config, inputs, callKwargs, modelPath, keras3Path });
    scope.resolved.set(kerasName, name);
    previous = name;
  }
  if (sequential) {
    if (previous === undefined) throw badTopology(builder.file, where, 'has no output');
    return previous;
  }
  const outputs = tensorRefs(config.output_layers);
  if (outputs.length !== 1) {
    builder.problems.unsupported(modelName, className, `the model has ${outputs.length} outputs`, 'Sparse Studio models have one output (the class logits).');
  }
  const output = scope.resolved.get(outputs[0] ?? '');
  if (output === undefined) throw badTopology(builder.file, where, `output_layers names '${outputs[0]}', which is not a layer of it`);
  const inputs = tensorRefs(config.input_layers);
  if (inputs.length > 1)
    builder.problems.unsupported(modelName, className, `the model has ${inputs.length} inputs`, 'Sparse Studio models take one image input.');
  return output;
}

/** The flat graph of a model config; problems (unsupported constructs) are collected in `problems`, not thrown. */
export function parseKerasTopology(modelConfig: JsonObject, file: string, problems: ImportProblems): KerasGraph {
  if (!MODEL_CLASSES.has(String(modelConfig.class_name))) {
    throw badTopology(file, 'model', `class_name '${String(modelConfig.class_name)}' is not a Sequential or functional model`);
  }
  const builder = new GraphBuilder(file, problems);
  const output = addModel(builder, modelConfig, [], '', undefined);
  if (!builder.input) throw badTopology(file, 'model', 'no InputLayer and no batch_input_shape on the first layer');
  const name = isObject(modelConfig.config) && typeof modelConfig.config.name === 'string' ? modelConfig.config.name : 'imported';
  return { name, inputName: builder.input.name, inputShape: builder.input.shape, layers: builder.layers, output };
}
