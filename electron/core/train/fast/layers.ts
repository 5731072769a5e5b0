import type { LayerSpec } from '../../../../shared/model-spec';
import type { ActivationShape } from '../../model/shapes';
import type { ModelWeights } from '../../model/weights';
import { batchNormBackward, batchNormInferenceForward, batchNormTrainingForward, type BatchStats } from './batch-norm';
import { conv2dBackward, conv2dForward } from './conv2d';
import { depthwiseBackward, depthwiseForward } from './depthwise-conv2d';
import { convGeometry, type ConvGeometry, type ConvSetup } from './geometry';
import { activationLayer, dropoutLayer, leakyReluLayer, rescalingLayer } from './op-layers';
import { globalAveragePoolBackward, globalAveragePoolForward } from './global-average-pool';
import { FusedActivation } from './fused-activation';
import { reluBackward, reluForward } from './relu';
import { product, type FastLayer, type FastParam } from './layer-types';
import type { TensorMemory } from './tensor-memory';
import { zeroPadBackward, zeroPadForward } from './zero-padding';

export type { FastLayer, FastNode, FastParam } from './layer-types';

export class ParamTable {
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

  #scratch: Float32Array = new Float32Array(0);
  /** A buffer of at least `size` values shared by every layer of the network, for use within one call only. */
  scratch(size: number): Float32Array {
    if (this.#scratch.length < size) this.#scratch = this.memory.f32(size);
    return this.#scratch;
  }
}

/** A ReLU fused into the BatchNormalization before it: the ReLU layer's name and its ceiling (Infinity for none). */
export interface FusedRelu {
  name: string;
  ceiling: number;
}

/** The largest float32 below `ceiling`: reluBackward with it passes the gradient where 0 < y < ceiling. */
function belowCeiling(ceiling: number): number {
  const f = new Float32Array([ceiling]);
  new Int32Array(f.buffer)[0]! -= 1;
  return f[0]!;
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
  const activation = new FusedActivation(spec.activation, table.memory);
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
      forwardKernel(g, x, kernel.values, bias ? bias.values : null, activation.target(y, n * outSize));
      activation.apply(y, n * outSize);
    },
    backward(x, y, dy, dx, n) {
      const grad = activation.gradient(y, dy, n * outSize);
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
  const activation = new FusedActivation(spec.activation, table.memory);
  return {
    name: spec.name,
    inSize: inC,
    outSize: spec.units,
    params: bias ? [kernel, bias] : [kernel],
    forward(x, y, n) {
      const size = n * spec.units;
      conv2dForward(convGeometry(setup, n), x, kernel.values, bias ? bias.values : null, activation.target(y, size));
      activation.apply(y, size);
    },
    backward(x, y, dy, dx, n) {
      const grad = activation.gradient(y, dy, n * spec.units);
      conv2dBackward(convGeometry(setup, n), { x, w: kernel.values, dy: grad }, dx, {
        dw: kernel.grad!,
        dbias: bias ? bias.grad! : null,
      });
    },
  };
}

export function batchNormLayer(
  spec: Extract<LayerSpec, { type: 'BatchNormalization' }>,
  input: ActivationShape,
  table: ParamTable,
  fusedRelu: FusedRelu | null,
): FastLayer {
  const c = input[input.length - 1]!;
  const size = product(input);
  const gamma = table.take(spec.name, 'gamma', [c], true);
  const beta = table.take(spec.name, 'beta', [c], true);
  const movingMean = table.take(spec.name, 'moving_mean', [c], false);
  const movingVariance = table.take(spec.name, 'moving_variance', [c], false);
  const stats: BatchStats = { mean: new Float64Array(c), variance: new Float64Array(c) };
  // A plain ReLU runs inside the batch-norm kernels. One with a ceiling (ReLU6) clamps the output in place afterwards
  // and masks the gradient by the output (0 < y < ceiling: it differs from the ReLU's own rule only at x = ceiling
  // exactly), through a buffer the whole network shares, so the ReLU layer needs no buffers of its own.
  const ceiling = fusedRelu?.ceiling ?? Infinity;
  const inKernel = fusedRelu !== null && ceiling === Infinity;
  const params = () => ({ gamma: gamma.values, beta: beta.values, epsilon: spec.epsilon, relu: inKernel });
  const clamp = (y: Float32Array, count: number) => {
    if (fusedRelu && !inKernel) reluForward(y, count, ceiling, y);
  };
  const passBelow = belowCeiling(ceiling);
  const decay = 1 - spec.momentum;
  return {
    name: fusedRelu ? `${spec.name}+${fusedRelu.name}` : spec.name,
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
        clamp(y, n * size);
        return;
      }
      batchNormTrainingForward(x, shape, params(), { y, stats });
      clamp(y, n * size);
      // tfjs-layers: moving = moving - (moving - batch) * (1 - momentum), with the biased batch variance.
      for (let k = 0; k < c; k++) {
        const m = movingMean.values[k]!;
        movingMean.values[k] = m - (m - stats.mean[k]!) * decay;
        const v = movingVariance.values[k]!;
        movingVariance.values[k] = v - (v - stats.variance[k]!) * decay;
      }
    },
    backward(x, y, dy, dx, n) {
      const shape = { rows: (n * size) / c, channels: c };
      const grads = { dx, dgamma: gamma.grad!, dbeta: beta.grad! };
      if (inKernel || !fusedRelu) {
        batchNormBackward({ x, dy, stats, y }, shape, params(), grads);
        return;
      }
      const masked = table.scratch(n * size);
      reluBackward(y, dy, n * size, passBelow, masked);
      batchNormBackward({ x, dy: masked, stats }, shape, params(), grads);
    },
  };
}

function reluLayer(spec: Extract<LayerSpec, { type: 'ReLU' }>, input: ActivationShape): FastLayer {
  const size = product(input);
  if (spec.negativeSlope !== 0 || spec.threshold !== 0) return leakyReluLayer(spec, size);
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

/** Flatten and Reshape: the values keep their order. */
function copyLayer(spec: LayerSpec, input: ActivationShape): FastLayer {
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

/** What a layer's builder needs to know about where its output goes. */
export interface LayerContext {
  /** Every reader of this layer's output is a BatchNormalization layer (and it is not the model's output). */
  feedsOnlyBatchNorm: boolean;
}

/** The engine's layer for a single-input layer spec (Add and Multiply are built by op-layers' mergeNode). */
export function buildLayer(
  spec: Exclude<LayerSpec, { type: 'Add' | 'Multiply' }>,
  input: ActivationShape,
  output: ActivationShape,
  table: ParamTable,
  context: LayerContext,
): FastLayer {
  switch (spec.type) {
    case 'BatchNormalization':
      return batchNormLayer(spec, input, table, null);
    case 'Conv2D':
    case 'DepthwiseConv2D':
      return convLayer(spec, input, output, table, spec.activation === 'linear' && context.feedsOnlyBatchNorm);
    case 'Dense':
      return denseLayer(spec, input, table);
    case 'ReLU':
      return reluLayer(spec, input);
    case 'ZeroPadding2D':
      return zeroPaddingLayer(spec, input, output);
    case 'GlobalAveragePooling2D':
      return globalAveragePoolLayer(spec, input);
    case 'Flatten':
    case 'Reshape':
      return copyLayer(spec, input);
    case 'Activation':
      return activationLayer(spec, input);
    case 'Dropout':
      return dropoutLayer(spec, input, table.memory);
    case 'Rescaling':
      return rescalingLayer(spec, input);
  }
}
