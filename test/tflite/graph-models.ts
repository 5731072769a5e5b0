// Small graph models, one per TFLite lowering feature, with random weights and non-trivial batch-norm statistics,
// for converter and real-runtime tests. Every model starts with the XNNPACK-friendly stem (ZeroPadding2D(1) +
// 3x3 stride-2 'valid' conv on 3 channels) so the pruned variants can take the sparse path.
import { initWeights, type ModelWeights } from '../../electron/core/model/weights';
import { createRng } from '../../electron/core/util/rng';
import type { Activation, LayerSpec, ModelSpec } from '../../shared/model-spec';
import { DEFAULT_INPUT_NAME, MODEL_SPEC_FORMAT, MODEL_SPEC_VERSION } from '../../shared/model-spec';
import { pruneSmallest } from './test-model';

export const INPUT_SHAPE: [number, number, number] = [16, 16, 3];

/** Builds layers in order; each helper returns the new layer's name. */
export class GraphSpecBuilder {
  readonly layers: LayerSpec[] = [];
  #count = 0;

  #push(layer: LayerSpec): string {
    this.layers.push(layer);
    return layer.name;
  }

  #name(kind: string): string {
    return `${kind}_${this.#count++}`;
  }

  pad(
    x: string,
    padding: [[number, number], [number, number]] = [
      [1, 1],
      [1, 1],
    ],
  ): string {
    return this.#push({ type: 'ZeroPadding2D', name: this.#name('zero_padding2d'), inputs: [x], padding });
  }

  conv(
    x: string,
    filters: number,
    k = 1,
    stride = 1,
    activation: Activation = 'linear',
    padding: 'same' | 'valid' = 'valid',
  ): string {
    return this.#push({
      type: 'Conv2D',
      name: this.#name('conv2d'),
      inputs: [x],
      filters,
      kernelSize: [k, k],
      strides: [stride, stride],
      padding,
      dilationRate: [1, 1],
      groups: 1,
      useBias: true,
      activation,
    });
  }

  dw(x: string, k = 3, stride = 1, padding: 'same' | 'valid' = 'same', activation: Activation = 'linear'): string {
    return this.#push({
      type: 'DepthwiseConv2D',
      name: this.#name('depthwise_conv2d'),
      inputs: [x],
      kernelSize: [k, k],
      strides: [stride, stride],
      padding,
      dilationRate: [1, 1],
      depthMultiplier: 1,
      useBias: true,
      activation,
    });
  }

  bn(x: string): string {
    return this.#push({
      type: 'BatchNormalization',
      name: this.#name('batch_normalization'),
      inputs: [x],
      axis: 3,
      epsilon: 1e-3,
      momentum: 0.99,
    });
  }

  relu(x: string, maxValue: number | null = null): string {
    return this.#push({ type: 'ReLU', name: this.#name('re_lu'), inputs: [x], maxValue, negativeSlope: 0, threshold: 0 });
  }

  act(x: string, activation: Activation): string {
    return this.#push({ type: 'Activation', name: this.#name('activation'), inputs: [x], activation });
  }

  add(...xs: string[]): string {
    return this.#push({ type: 'Add', name: this.#name('add'), inputs: xs });
  }

  mul(...xs: string[]): string {
    return this.#push({ type: 'Multiply', name: this.#name('multiply'), inputs: xs });
  }

  gap(x: string, keepdims: boolean): string {
    return this.#push({ type: 'GlobalAveragePooling2D', name: this.#name('global_average_pooling2d'), inputs: [x], keepdims });
  }

  reshape(x: string, targetShape: number[]): string {
    return this.#push({ type: 'Reshape', name: this.#name('reshape'), inputs: [x], targetShape });
  }

  flatten(x: string): string {
    return this.#push({ type: 'Flatten', name: this.#name('flatten'), inputs: [x] });
  }

  dropout(x: string, rate = 0.2): string {
    return this.#push({ type: 'Dropout', name: this.#name('dropout'), inputs: [x], rate, seed: 1 });
  }

  rescale(x: string, scale: number, offset: number): string {
    return this.#push({ type: 'Rescaling', name: this.#name('rescaling'), inputs: [x], scale, offset });
  }

  dense(x: string, units = 10): string {
    return this.#push({ type: 'Dense', name: this.#name('dense'), inputs: [x], units, useBias: true, activation: 'linear' });
  }

  /** ZeroPadding2D(1) + 3x3 stride-2 'valid' conv + BN + ReLU6: the XNNPACK sparse-inference stem. */
  stem(x: string, filters = 8): string {
    return this.relu(this.bn(this.conv(this.pad(x), filters, 3, 2)), 6);
  }

  /** GlobalAveragePooling2D(keepdims) + Flatten + Dense: the head the reference model uses. */
  head(x: string, classes = 10): string {
    return this.dense(this.flatten(this.gap(x, true)), classes);
  }

  spec(name: string, output: string): ModelSpec {
    return {
      format: MODEL_SPEC_FORMAT,
      version: MODEL_SPEC_VERSION,
      name,
      inputShape: INPUT_SHAPE,
      inputName: DEFAULT_INPUT_NAME,
      layers: this.layers,
      outputs: [output],
    };
  }
}

/** Random biases and batch-norm statistics (Keras' initial ones make BN an identity and hide folding mistakes). */
export function randomWeights(spec: ModelSpec, seed: number): ModelWeights {
  const weights = initWeights(spec, seed);
  const rng = createRng(seed + 1000);
  for (const t of weights.tensors) {
    const kind = t.name.slice(t.name.lastIndexOf('/') + 1);
    for (let i = 0; i < t.values.length; i++) {
      if (kind === 'gamma') t.values[i] = 0.5 + rng.next();
      if (kind === 'beta' || kind === 'bias') t.values[i] = (rng.next() - 0.5) * 0.4;
      if (kind === 'moving_mean') t.values[i] = (rng.next() - 0.5) * 0.6;
      if (kind === 'moving_variance') t.values[i] = 0.2 + rng.next() * 1.5;
    }
  }
  return weights;
}

/** The names of the 1x1 Conv2D kernels (what PruneForLatencyOnXNNPack prunes). */
export function pointwiseKernels(spec: ModelSpec): string[] {
  return spec.layers
    .filter((l) => l.type === 'Conv2D' && l.kernelSize[0] === 1 && l.kernelSize[1] === 1)
    .map((l) => `${l.name}/kernel`);
}

/** A copy of the weights with every 1x1 kernel's smallest-magnitude `fraction` set to zero. */
export function prunePointwise(spec: ModelSpec, weights: ModelWeights, fraction: number): ModelWeights {
  const pruned = weights.clone();
  for (const name of pointwiseKernels(spec)) pruneSmallest(pruned.get(name).values, fraction);
  return pruned;
}
