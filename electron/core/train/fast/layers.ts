import type { LayerSpec, ModelSpec } from '../../../../shared/model-spec';
import { firstNonChainLayer, isChain } from '../../model/graph';
import { activationShapes, modelWeightShapes, type ActivationShape } from '../../model/shapes';
import type { ModelWeights } from '../../model/weights';
import { batchNormBackward, batchNormInferenceForward, batchNormTrainingForward, type BatchStats } from './batch-norm';
import { conv2dBackward, conv2dForward } from './conv2d';
import { depthwiseBackward, depthwiseForward } from './depthwise-conv2d';
import { convGeometry, type ConvGeometry, type ConvSetup } from './geometry';
import { globalAveragePoolBackward, globalAveragePoolForward } from './global-average-pool';
import { reluBackward, reluForward, reluMaskByOutput } from './relu';
import { HEAP_MEMORY, type TensorMemory } from './tensor-memory';
import { zeroPadBackward, zeroPadForward } from './zero-padding';

/** One weight tensor as the engine holds it; `grad` is null for non-trainable weights (batch-norm moving stats). */
export interface FastParam {
  name: string;
  shape: number[];
  trainable: boolean;
  values: Float32Array;
  grad: Float64Array | null;
}

/** A layer of the engine. Sizes are per sample; buffers hold `n` samples back to back. */
export interface FastLayer {
  readonly name: string;
  readonly inSize: number;
  readonly outSize: number;
  readonly params: FastParam[];
  forward(x: Float32Array, y: Float32Array, n: number, training: boolean): void;
  /** Fills the parameter gradients, and dx unless it is null (the first layer needs no input gradient). */
  backward(x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array | null, n: number): void;
}

const product = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);

class ParamTable {
  readonly #weights: ModelWeights;
  readonly memory: TensorMemory;
  constructor(weights: ModelWeights, memory: TensorMemory) {
    this.#weights = weights;
    this.memory = memory;
  }
  take(layer: string, weight: string, shape: number[], trainable: boolean): FastParam {
    const name = `${layer}/${weight}`;
    const source = this.#weights.get(name);
    if (source.values.length !== product(shape)) {
      throw new Error(`Weight '${name}' has ${source.values.length} values; the model needs [${shape.join(', ')}]`);
    }
    const values = this.memory.f32(product(shape));
    values.set(source.values);
    return { name, shape, trainable, values, grad: trainable ? this.memory.f64(product(shape)) : null };
  }
}

/** Output buffer masked by a fused ReLU activation before the backward pass. */
class ActivationMask {
  readonly #memory: TensorMemory;
  #buffer: Float32Array = new Float32Array(0);
  constructor(memory: TensorMemory) {
    this.#memory = memory;
  }
  apply(y: Float32Array, dy: Float32Array, size: number): Float32Array {
    if (this.#buffer.length < size) this.#buffer = this.#memory.f32(size);
    reluMaskByOutput(y, dy, size, this.#buffer);
    return this.#buffer;
  }
}

function convLayer(
  spec: Extract<LayerSpec, { type: 'Conv2D' | 'DepthwiseConv2D' }>,
  input: ActivationShape,
  output: ActivationShape,
  table: ParamTable,
  feedsBatchNorm: boolean,
): FastLayer {
  const [h, w, c] = input as [number, number, number];
  const depthwise = spec.type === 'DepthwiseConv2D';
  const outC = output[2]!;
  const kernelShape = [spec.kernelSize[0], spec.kernelSize[1], c, depthwise ? spec.depthMultiplier : outC];
  const kernel = table.take(spec.name, depthwise ? 'depthwise_kernel' : 'kernel', kernelShape, true);
  const bias = spec.useBias ? table.take(spec.name, 'bias', [outC], true) : null;
  const setup: ConvSetup = {
    inShape: [h, w, c],
    outC,
    kernel: spec.kernelSize,
    strides: spec.strides,
    dilation: spec.dilationRate,
    padding: spec.padding,
  };
  const relu = spec.activation === 'relu';
  const mask = new ActivationMask(table.memory);
  const forwardKernel = depthwise ? depthwiseForward : conv2dForward;
  const backwardKernel = depthwise ? depthwiseBackward : conv2dBackward;
  const outSize = product(output);
  return {
    name: spec.name,
    inSize: h * w * c,
    outSize,
    params: bias ? [kernel, bias] : [kernel],
    forward(x, y, n) {
      const g: ConvGeometry = convGeometry(setup, n);
      forwardKernel(g, x, kernel.values, bias ? bias.values : null, y);
      if (relu) reluForward(y, n * outSize, Infinity, y);
    },
    backward(x, y, dy, dx, n) {
      const grad = relu ? mask.apply(y, dy, n * outSize) : dy;
      backwardKernel(convGeometry(setup, n), { x, w: kernel.values, dy: grad }, dx, {
        dw: kernel.grad!,
        dbias: bias ? bias.grad! : null,
      });
      // A training-mode BatchNormalization subtracts each channel's batch mean, so the loss does not depend on a
      // per-channel constant before it: this bias's exact gradient is 0. Computed, it is rounding noise, which Adam
      // (scale-free) turns into learning-rate-sized steps. When pruning zeroes a channel's whole kernel, that random
      // walk moves the channel's constant output away from its BatchNormalization's moving mean while the moving
      // variance decays to 0, and inference then amplifies the gap by 1/sqrt(epsilon) (the guide run lost 27 points).
      if (bias && feedsBatchNorm) bias.grad!.fill(0);
    },
  };
}

function denseLayer(spec: Extract<LayerSpec, { type: 'Dense' }>, input: ActivationShape, table: ParamTable): FastLayer {
  const inC = input[0]!;
  const kernel = table.take(spec.name, 'kernel', [inC, spec.units], true);
  const bias = spec.useBias ? table.take(spec.name, 'bias', [spec.units], true) : null;
  // A dense layer is a 1x1 convolution over a 1x1 image.
  const setup: ConvSetup = {
    inShape: [1, 1, inC],
    outC: spec.units,
    kernel: [1, 1],
    strides: [1, 1],
    dilation: [1, 1],
    padding: 'valid',
  };
  const relu = spec.activation === 'relu';
  const mask = new ActivationMask(table.memory);
  return {
    name: spec.name,
    inSize: inC,
    outSize: spec.units,
    params: bias ? [kernel, bias] : [kernel],
    forward(x, y, n) {
      conv2dForward(convGeometry(setup, n), x, kernel.values, bias ? bias.values : null, y);
      if (relu) reluForward(y, n * spec.units, Infinity, y);
    },
    backward(x, y, dy, dx, n) {
      const grad = relu ? mask.apply(y, dy, n * spec.units) : dy;
      conv2dBackward(convGeometry(setup, n), { x, w: kernel.values, dy: grad }, dx, {
        dw: kernel.grad!,
        dbias: bias ? bias.grad! : null,
      });
    },
  };
}

function batchNormLayer(
  spec: Extract<LayerSpec, { type: 'BatchNormalization' }>,
  input: ActivationShape,
  table: ParamTable,
  fusedRelu: string | null,
): FastLayer {
  const c = input[input.length - 1]!;
  const size = product(input);
  const gamma = table.take(spec.name, 'gamma', [c], true);
  const beta = table.take(spec.name, 'beta', [c], true);
  const movingMean = table.take(spec.name, 'moving_mean', [c], false);
  const movingVariance = table.take(spec.name, 'moving_variance', [c], false);
  const stats: BatchStats = { mean: new Float64Array(c), variance: new Float64Array(c) };
  const params = () => ({ gamma: gamma.values, beta: beta.values, epsilon: spec.epsilon, relu: fusedRelu !== null });
  const decay = 1 - spec.momentum;
  return {
    name: fusedRelu ? `${spec.name}+${fusedRelu}` : spec.name,
    inSize: size,
    outSize: size,
    params: [gamma, beta, movingMean, movingVariance],
    forward(x, y, n, training) {
      const shape = { rows: (n * size) / c, channels: c };
      if (!training) {
        batchNormInferenceForward(
          x,
          shape,
          { ...params(), movingMean: movingMean.values, movingVariance: movingVariance.values },
          y,
        );
        return;
      }
      batchNormTrainingForward(x, shape, params(), { y, stats });
      // tfjs-layers: moving = moving - (moving - batch) * (1 - momentum), with the biased batch variance.
      for (let k = 0; k < c; k++) {
        const m = movingMean.values[k]!;
        movingMean.values[k] = m - (m - stats.mean[k]!) * decay;
        const v = movingVariance.values[k]!;
        movingVariance.values[k] = v - (v - stats.variance[k]!) * decay;
      }
    },
    backward(x, y, dy, dx, n) {
      batchNormBackward({ x, dy, stats, y }, { rows: (n * size) / c, channels: c }, params(), {
        dx,
        dgamma: gamma.grad!,
        dbeta: beta.grad!,
      });
    },
  };
}

function reluLayer(spec: Extract<LayerSpec, { type: 'ReLU' }>, input: ActivationShape): FastLayer {
  const size = product(input);
  const max = spec.maxValue ?? Infinity;
  return {
    name: spec.name,
    inSize: size,
    outSize: size,
    params: [],
    forward: (x, y, n) => reluForward(x, n * size, max, y),
    backward: (x, _y, dy, dx, n) => dx && reluBackward(x, dy, n * size, max, dx),
  };
}

function zeroPaddingLayer(
  spec: Extract<LayerSpec, { type: 'ZeroPadding2D' }>,
  input: ActivationShape,
  output: ActivationShape,
): FastLayer {
  const [h, w, c] = input as [number, number, number];
  return {
    name: spec.name,
    inSize: h * w * c,
    outSize: product(output),
    params: [],
    forward: (x, y, n) => zeroPadForward(x, { n, h, w, c }, spec.padding, y),
    backward: (_x, _y, dy, dx, n) => dx && zeroPadBackward(dy, { n, h, w, c }, spec.padding, dx),
  };
}

function globalAveragePoolLayer(spec: LayerSpec, input: ActivationShape): FastLayer {
  const c = input[2]!;
  const positions = input[0]! * input[1]!;
  return {
    name: spec.name,
    inSize: positions * c,
    outSize: c,
    params: [],
    forward: (x, y, n) => globalAveragePoolForward(x, { n, positions, c }, y),
    backward: (_x, _y, dy, dx, n) => dx && globalAveragePoolBackward(dy, { n, positions, c }, dx),
  };
}

function flattenLayer(spec: LayerSpec, input: ActivationShape): FastLayer {
  const size = product(input);
  return {
    name: spec.name,
    inSize: size,
    outSize: size,
    params: [],
    forward: (x, y, n) => y.set(x.subarray(0, n * size)),
    backward: (_x, _y, dy, dx, n) => dx && dx.set(dy.subarray(0, n * size)),
  };
}

function buildLayer(
  spec: LayerSpec,
  input: ActivationShape,
  output: ActivationShape,
  table: ParamTable,
  next: LayerSpec | undefined,
): FastLayer {
  const unsupported = (what: string): Error =>
    new Error(`The fast-cpu engine cannot run layer '${spec.name}' (${what}) yet; train this model with --backend tfjs-cpu`);
  if ('activation' in spec && spec.activation !== 'linear' && spec.activation !== 'relu')
    throw unsupported(`${spec.type} with activation '${spec.activation}'`);
  if (spec.type === 'ReLU' && (spec.negativeSlope !== 0 || spec.threshold !== 0))
    throw unsupported('ReLU with negative_slope or threshold');
  switch (spec.type) {
    case 'BatchNormalization':
      return batchNormLayer(spec, input, table, null);
    case 'Conv2D':
    case 'DepthwiseConv2D':
      return convLayer(spec, input, output, table, spec.activation === 'linear' && next?.type === 'BatchNormalization');
    case 'Dense':
      return denseLayer(spec, input, table);
    case 'ReLU':
      return reluLayer(spec, input);
    case 'ZeroPadding2D':
      return zeroPaddingLayer(spec, input, output);
    case 'GlobalAveragePooling2D':
      return globalAveragePoolLayer(spec, input);
    case 'Flatten':
      return flattenLayer(spec, input);
    default:
      throw unsupported(spec.type);
  }
}

/** The engine's layers for a model, holding copies of `weights`, with parameters in `modelWeightShapes` order. */
export function buildLayers(spec: ModelSpec, weights: ModelWeights, memory: TensorMemory = HEAP_MEMORY): FastLayer[] {
  const shapes = activationShapes(spec);
  const branching = firstNonChainLayer(spec);
  if (branching || !isChain(spec)) {
    const culprit = branching ?? spec.layers.at(-1)!;
    throw new Error(
      `The fast-cpu engine runs only chains of layers yet; layer '${culprit.name}' (${culprit.type}) reads ${culprit.inputs.map((n) => `'${n}'`).join(', ')}, not the layer before it. Train this model with --backend tfjs-cpu.`,
    );
  }
  const table = new ParamTable(weights, memory);
  const layers: FastLayer[] = [];
  for (let i = 0; i < spec.layers.length; i++) {
    const layer = spec.layers[i]!;
    const next = spec.layers[i + 1];
    // BatchNormalization + ReLU without a ceiling run as one pass each way (the ReLU's output is all its backward needs).
    if (layer.type === 'BatchNormalization' && next?.type === 'ReLU' && next.maxValue === null) {
      layers.push(batchNormLayer(layer, shapes[i]!, table, next.name));
      i++;
    } else {
      layers.push(buildLayer(layer, shapes[i]!, shapes[i + 1]!, table, next));
    }
  }
  const expected = modelWeightShapes(spec).map((w) => w.name);
  const built = layers.flatMap((l) => l.params.map((p) => p.name));
  if (expected.join('|') !== built.join('|'))
    throw new Error(`Weight order mismatch: expected ${expected.join(', ')}, built ${built.join(', ')}`);
  return layers;
}
