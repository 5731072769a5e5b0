import * as tf from '@tensorflow/tfjs';
import type { LayerSpec, ModelSpec } from '../../shared/model-spec';
import type { ModelWeights } from '../../electron/core/model/weights';
import { kerasRelu, TF_ACTIVATIONS } from './tf-ops';

/**
 * The forward pass of a ModelSpec graph written directly with TF.js ops (not tf.layers), the independent reference for
 * the fast engine on graphs. In training mode it records every BatchNormalization layer's batch moments; Dropout
 * multiplies by the mask given for its layer (the engine's, so both sides drop the same values).
 */
let instances = 0;

export type Moments = Map<string, { mean: tf.Tensor; variance: tf.Tensor }>;

export class TfGraphReference {
  readonly prefix = `graph${++instances}/`;
  readonly variables = new Map<string, tf.Variable>();
  readonly #spec: ModelSpec;

  constructor(spec: ModelSpec, weights: ModelWeights) {
    this.#spec = spec;
    for (const t of weights.tensors)
      this.variables.set(t.name, tf.variable(tf.tensor(t.values, t.shape), t.trainable, `${this.prefix}${t.name}`));
  }

  #v(name: string): tf.Variable {
    const v = this.variables.get(name);
    if (!v) throw new Error(`no variable ${name}`);
    return v;
  }

  forward(
    x: tf.Tensor4D,
    training: boolean,
    record?: { moments?: Moments; masks?: Map<string, Float32Array> },
  ): tf.Tensor2D {
    const outputs = new Map<string, tf.Tensor>([[this.#spec.inputName, x]]);
    for (const layer of this.#spec.layers) {
      outputs.set(layer.name, this.#layer(layer, layer.inputs.map((name) => outputs.get(name)!), training, record));
    }
    return outputs.get(this.#spec.outputs[0])! as tf.Tensor2D;
  }

  #layer(
    layer: LayerSpec,
    inputs: tf.Tensor[],
    training: boolean,
    record?: { moments?: Moments; masks?: Map<string, Float32Array> },
  ): tf.Tensor {
    const a = inputs[0]!;
    const biased = (y: tf.Tensor, useBias: boolean) => (useBias ? tf.add(y, this.#v(`${layer.name}/bias`)) : y);
    switch (layer.type) {
      case 'ZeroPadding2D':
        return tf.pad(a, [[0, 0], layer.padding[0], layer.padding[1], [0, 0]]);
      case 'Conv2D': {
        const k = this.#v(`${layer.name}/kernel`) as tf.Tensor4D;
        const y = tf.conv2d(a as tf.Tensor4D, k, layer.strides, layer.padding);
        return TF_ACTIVATIONS[layer.activation](biased(y, layer.useBias));
      }
      case 'DepthwiseConv2D': {
        const k = this.#v(`${layer.name}/depthwise_kernel`) as tf.Tensor4D;
        const y = tf.depthwiseConv2d(a as tf.Tensor4D, k, layer.strides, layer.padding);
        return TF_ACTIVATIONS[layer.activation](biased(y, layer.useBias));
      }
      case 'Dense': {
        const y = tf.matMul(a as tf.Tensor2D, this.#v(`${layer.name}/kernel`) as tf.Tensor2D);
        return TF_ACTIVATIONS[layer.activation](biased(y, layer.useBias));
      }
      case 'BatchNormalization': {
        const gamma = this.#v(`${layer.name}/gamma`) as tf.Tensor1D;
        const beta = this.#v(`${layer.name}/beta`) as tf.Tensor1D;
        if (training) {
          const m = tf.moments(a, [0, 1, 2]);
          record?.moments?.set(layer.name, { mean: tf.keep(m.mean.clone()), variance: tf.keep(m.variance.clone()) });
          return tf.batchNorm(a, m.mean, m.variance, beta, gamma, layer.epsilon);
        }
        const mean = this.#v(`${layer.name}/moving_mean`) as tf.Tensor1D;
        const variance = this.#v(`${layer.name}/moving_variance`) as tf.Tensor1D;
        return tf.batchNorm(a, mean, variance, beta, gamma, layer.epsilon);
      }
      case 'ReLU':
        return kerasRelu(a, layer);
      case 'Activation':
        return TF_ACTIVATIONS[layer.activation](a);
      case 'GlobalAveragePooling2D':
        return tf.mean(a, [1, 2], layer.keepdims);
      case 'Flatten':
        return tf.reshape(a, [a.shape[0]!, -1]);
      case 'Reshape':
        return tf.reshape(a, [a.shape[0]!, ...layer.targetShape]);
      case 'Rescaling':
        return tf.add(tf.mul(a, layer.scale), layer.offset);
      case 'Dropout': {
        if (!training || layer.rate === 0) return a;
        const mask = record?.masks?.get(layer.name);
        if (!mask) throw new Error(`no dropout mask for ${layer.name}`);
        return tf.mul(a, tf.tensor(mask.subarray(0, a.size), a.shape));
      }
      case 'Add':
        return inputs.reduce((p, q) => tf.add(p, q));
      case 'Multiply':
        return inputs.reduce((p, q) => tf.mul(p, q));
    }
  }
}
