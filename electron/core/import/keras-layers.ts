// One Keras layer -> the spec's layers and where each of their weights comes from. Unsupported layers and settings
// are reported (by name and class, with what to do) instead of thrown, so one import lists them all.
import type { Activation, LayerSpec, Padding2D, Pair } from '../../../shared/model-spec';
import { readActivation, SUPPORTED_ACTIVATIONS_TEXT } from './keras-activations';
import { FieldReader, type JsonObject } from './keras-json';
import { mapTfOp } from './keras-tf-ops';
import type { KerasLayerNode } from './keras-topology';
import type { ImportProblems } from './import-problems';

/** Where one spec weight comes from: the Keras layer's weight (by name, or by position in Keras 3 files), or a constant. */
export interface WeightBinding {
  target: string;
  node: KerasLayerNode;
  /** The Keras weight names to look for under the layer (Keras 3 renamed some, e.g. depthwise_kernel -> kernel). */
  kerasNames: string[];
  /** Position in the layer's Keras variable list (trainable first, as Keras saves them). */
  index: number;
  /** Set when Keras has no such weight (BatchNormalization with center/scale off): every value is this. */
  fill?: number;
}

export interface MappedNode {
  layers: LayerSpec[];
  bindings: WeightBinding[];
  /** The name consumers read (the last spec layer, or the input for a layer that became nothing). */
  output: string;
  /** True when a softmax was removed here (allowed only at the model's output). */
  softmax: boolean;
}

export interface MapOptions {
  /** Keras 2 and TF.js define hard_sigmoid as clip(0.2x + 0.5, 0, 1); Keras 3 (and the spec) as relu6(x + 3) / 6. */
  legacyHardSigmoid: boolean;
}

const SUPPORTED_LAYERS =
  'Conv2D, DepthwiseConv2D, SeparableConv2D, BatchNormalization, ReLU, LeakyReLU, Activation, Softmax (last), ZeroPadding2D, GlobalAveragePooling2D, Flatten, Dense, Add, Multiply, Dropout, Reshape, Rescaling, TFOpLambda (add, multiply, relu, relu6, sigmoid)';

/** What to do about layer classes people commonly have. */
const ADVICE: Record<string, string> = {
  MaxPooling2D: 'Pooling layers are not supported yet: replace it with a stride-2 convolution, or remove it and retrain',
  AveragePooling2D: 'Pooling layers are not supported yet: replace it with a stride-2 convolution, or remove it and retrain',
  GlobalMaxPooling2D: 'Replace it with GlobalAveragePooling2D and fine-tune',
  Concatenate: 'Concatenation is not supported: use Add where the branches have the same shape',
  Lambda: 'Python code inside a Lambda cannot be imported: rewrite it with built-in layers (ReLU(max_value=6), Rescaling, Multiply, Add)',
  SlicingOpLambda: 'Tensor slicing cannot be imported: rewrite it with built-in Keras layers',
  Normalization: 'Replace it with Rescaling (scale = 1/std, offset = -mean/std), or normalise the data outside the model',
  SpatialDropout2D: 'Replace it with Dropout (it only acts during training) or remove it',
  Conv1D: 'Only 2-D image models are supported',
};

function pair(values: number[]): Pair {
  return [values[0]!, values[1]!];
}

function zeroPadding(reader: FieldReader): Padding2D {
  const value = reader.raw('padding') ?? 1;
  if (typeof value === 'number') return [[value, value], [value, value]];
  if (Array.isArray(value) && value.length === 2) {
    if (value.every((v) => typeof v === 'number')) {
      const [h, w] = value as number[];
      return [[h!, h!], [w!, w!]];
    }
    if (value.every((v) => Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number')))
      return value as unknown as Padding2D;
  }
  return reader.fail('padding', `must be an int, (h, w) or ((top, bottom), (left, right)), got ${JSON.stringify(value)}`);
}

function convPadding(reader: FieldReader): 'valid' | 'same' {
  const padding = reader.string('padding', 'valid');
  if (padding !== 'valid' && padding !== 'same') reader.fail('padding', `must be 'valid' or 'same', got '${padding}'`);
  return padding;
}

/** Maps one layer. `inputs` are the spec names it reads. Returns undefined (after reporting) when it cannot. */
export function mapKerasLayer(
  node: KerasLayerNode,
  inputs: string[],
  problems: ImportProblems,
  options: MapOptions,
  file: string,
): MappedNode | undefined {
  const { name, className, config } = node;
  const reader = new FieldReader(file, `layer '${name}' (${className})`, config);
  const report = (problem: string, todo: string): undefined => {
    problems.unsupported(name, className, problem, todo);
    return undefined;
  };
  const dataFormat = reader.has('data_format') ? reader.string('data_format') : 'channels_last';
  if (dataFormat !== 'channels_last')
    return report(`data_format '${dataFormat}'`, 'Only channels_last (NHWC) models are supported: save the model with channels_last');
  const bindings: WeightBinding[] = [];
  const bind = (target: string, kerasNames: string[], index: number, fill?: number): void => {
    bindings.push({ target, node, kerasNames, index, ...(fill === undefined ? {} : { fill }) });
  };
  const single = (layer: LayerSpec, softmax = false): MappedNode => ({ layers: [layer], bindings, output: layer.name, softmax });

  // A layer with an activation: the activation fused when the spec has it; Keras 2's hard_sigmoid as its own layers.
  const withActivation = (
    key: string,
    build: (activation: Activation) => LayerSpec,
  ): MappedNode | undefined => {
    const read = readActivation(reader.raw(key));
    if (read.kind === 'unsupported')
      return report(`activation '${read.name}' is not supported`, `Use one of ${SUPPORTED_ACTIVATIONS_TEXT}`);
    if (read.kind === 'softmax') return single(build('linear'), true);
    if (read.activation === 'hard_sigmoid' && options.legacyHardSigmoid) {
      const main = build('linear');
      const tail = legacyHardSigmoid(name, main.name);
      return { layers: [main, ...tail], bindings, output: tail.at(-1)!.name, softmax: false };
    }
    return single(build(read.activation));
  };
  const base = { name, inputs };

  switch (className) {
    case 'Conv2D': {
      const groups = reader.number('groups', 1);
      if (groups !== 1) return report(`groups=${groups} (a grouped convolution)`, 'Use groups=1, or a DepthwiseConv2D when groups equals the channels');
      const useBias = reader.boolean('use_bias', true);
      bind(`${name}/kernel`, ['kernel'], 0);
      if (useBias) bind(`${name}/bias`, ['bias'], 1);
      return withActivation('activation', (activation) => ({
        ...base,
        type: 'Conv2D',
        filters: reader.number('filters'),
        kernelSize: pair(reader.tuple('kernel_size', 2)),
        strides: pair(reader.tuple('strides', 2, 1)),
        padding: convPadding(reader),
        dilationRate: pair(reader.tuple('dilation_rate', 2, 1)),
        groups: 1,
        useBias,
        activation,
      }));
    }
    case 'DepthwiseConv2D': {
      const useBias = reader.boolean('use_bias', true);
      bind(`${name}/depthwise_kernel`, ['depthwise_kernel', 'kernel'], 0);
      if (useBias) bind(`${name}/bias`, ['bias'], 1);
      return withActivation('activation', (activation) => ({
        ...base,
        type: 'DepthwiseConv2D',
        kernelSize: pair(reader.tuple('kernel_size', 2)),
        strides: pair(reader.tuple('strides', 2, 1)),
        padding: convPadding(reader),
        dilationRate: pair(reader.tuple('dilation_rate', 2, 1)),
        depthMultiplier: reader.number('depth_multiplier', 1),
        useBias,
        activation,
      }));
    }
    case 'SeparableConv2D': {
      // Exactly a depthwise convolution followed by a 1x1 convolution (what the TFLite converter emits too).
      const depthwise = `${name}__depthwise`;
      const useBias = reader.boolean('use_bias', true);
      bind(`${depthwise}/depthwise_kernel`, ['depthwise_kernel'], 0);
      bind(`${name}/kernel`, ['pointwise_kernel'], 1);
      if (useBias) bind(`${name}/bias`, ['bias'], 2);
      const first: LayerSpec = {
        name: depthwise,
        inputs,
        type: 'DepthwiseConv2D',
        kernelSize: pair(reader.tuple('kernel_size', 2)),
        strides: pair(reader.tuple('strides', 2, 1)),
        padding: convPadding(reader),
        dilationRate: pair(reader.tuple('dilation_rate', 2, 1)),
        depthMultiplier: reader.number('depth_multiplier', 1),
        useBias: false,
        activation: 'linear',
      };
      const rest = withActivation('activation', (activation) => ({
        name,
        inputs: [depthwise],
        type: 'Conv2D',
        filters: reader.number('filters'),
        kernelSize: [1, 1],
        strides: [1, 1],
        padding: 'valid',
        dilationRate: [1, 1],
        groups: 1,
        useBias,
        activation,
      }));
      return rest && { ...rest, layers: [first, ...rest.layers] };
    }
    case 'BatchNormalization': {
      const axisValue = reader.raw('axis') ?? -1;
      const axis = Array.isArray(axisValue) && axisValue.length === 1 ? axisValue[0] : axisValue;
      if (typeof axis !== 'number') return report(`axis ${JSON.stringify(axisValue)}`, 'Normalise over the channel axis only (axis=-1)');
      const scale = reader.boolean('scale', true);
      const center = reader.boolean('center', true);
      let index = 0;
      bind(`${name}/gamma`, ['gamma'], scale ? index++ : -1, scale ? undefined : 1);
      bind(`${name}/beta`, ['beta'], center ? index++ : -1, center ? undefined : 0);
      bind(`${name}/moving_mean`, ['moving_mean'], index++);
      bind(`${name}/moving_variance`, ['moving_variance'], index++);
      return single({
        ...base,
        type: 'BatchNormalization',
        axis,
        epsilon: reader.number('epsilon', 0.001),
        momentum: reader.number('momentum', 0.99),
      });
    }
    case 'ReLU':
      return single({
        ...base,
        type: 'ReLU',
        maxValue: reader.nullableNumber('max_value'),
        negativeSlope: reader.number('negative_slope', 0),
        threshold: reader.number('threshold', 0),
      });
    case 'KerasReLU': // Sparse Studio's own TF.js layer (camelCase config)
      return single({
        ...base,
        type: 'ReLU',
        maxValue: reader.nullableNumber('maxValue'),
        negativeSlope: reader.number('negativeSlope', 0),
        threshold: reader.number('threshold', 0),
      });
    case 'LeakyReLU':
      // Keras 2 and TF.js call the slope alpha (default 0.3); Keras 3 negative_slope.
      return single({
        ...base,
        type: 'ReLU',
        maxValue: null,
        negativeSlope: reader.has('negative_slope') ? reader.number('negative_slope') : reader.number('alpha', 0.3),
        threshold: 0,
      });
    case 'Activation':
    case 'KerasActivation': {
      const read = readActivation(reader.raw('activation'));
      if (read.kind === 'softmax') return { layers: [], bindings, output: inputs[0]!, softmax: true };
      if (read.kind === 'activation' && read.activation === 'hard_sigmoid' && options.legacyHardSigmoid && className === 'Activation') {
        const tail = legacyHardSigmoid(name, inputs[0]!);
        return { layers: tail, bindings, output: tail.at(-1)!.name, softmax: false };
      }
      return withActivation('activation', (activation) => ({ ...base, type: 'Activation', activation }));
    }
    case 'Softmax':
      return { layers: [], bindings, output: inputs[0]!, softmax: true };
    case 'ZeroPadding2D':
      return single({ ...base, type: 'ZeroPadding2D', padding: zeroPadding(reader) });
    case 'GlobalAveragePooling2D':
      return single({ ...base, type: 'GlobalAveragePooling2D', keepdims: reader.boolean('keepdims', false) });
    case 'GlobalAveragePooling2DKeepDims': // Sparse Studio's own TF.js layer
      return single({ ...base, type: 'GlobalAveragePooling2D', keepdims: true });
    case 'Flatten':
      return single({ ...base, type: 'Flatten' });
    case 'Dense': {
      const useBias = reader.boolean('use_bias', true);
      bind(`${name}/kernel`, ['kernel'], 0);
      if (useBias) bind(`${name}/bias`, ['bias'], 1);
      return withActivation('activation', (activation) => ({ ...base, type: 'Dense', units: reader.number('units'), useBias, activation }));
    }
    case 'Add':
      return single({ ...base, type: 'Add' });
    case 'Multiply':
      return single({ ...base, type: 'Multiply' });
    case 'Dropout':
      return single({ ...base, type: 'Dropout', rate: reader.number('rate'), seed: reader.nullableNumber('seed') });
    case 'Reshape': {
      const target = reader.raw('target_shape');
      if (!Array.isArray(target) || !target.every((d) => typeof d === 'number'))
        return reader.fail('target_shape', `must be a list of integers, got ${JSON.stringify(target)}`);
      return single({ ...base, type: 'Reshape', targetShape: target as number[] });
    }
    case 'Rescaling': {
      const scale = reader.raw('scale') ?? 1;
      const offset = reader.raw('offset') ?? 0;
      if (typeof scale !== 'number' || typeof offset !== 'number')
        return report('a per-channel scale or offset', 'Use one scale and one offset for all channels, or normalise the data outside the model');
      return single({ ...base, type: 'Rescaling', scale, offset });
    }
    case 'TFOpLambda': {
      const mapped = mapTfOp(reader.string('function'), name, inputs, node.callKwargs);
      return 'layer' in mapped ? single(mapped.layer) : report(mapped.problem, mapped.todo);
    }
    default:
      return report(
        'this layer type is not supported',
        `${ADVICE[className] ?? 'Remove or replace it'}. Supported layers: ${SUPPORTED_LAYERS}`,
      );
  }
}

/** Keras 2 / TF.js hard_sigmoid(x) = clip(0.2x + 0.5, 0, 1) = relu6(1.2x + 3) / 6: a Rescaling(1.2), then the spec's. */
function legacyHardSigmoid(name: string, input: string): LayerSpec[] {
  const scaled = `${name}__hard_sigmoid_scale`;
  return [
    { name: scaled, inputs: [input], type: 'Rescaling', scale: 1.2, offset: 0 },
    { name: `${name}__hard_sigmoid`, inputs: [scaled], type: 'Activation', activation: 'hard_sigmoid' },
  ];
}

export type { JsonObject };
