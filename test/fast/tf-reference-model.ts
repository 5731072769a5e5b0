import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../shared/model-spec';
import type { ModelWeights } from '../../electron/core/model/weights';

/**
 * The forward pass of a ModelSpec written directly with TF.js ops (not tf.layers), used as the independent reference
 * for the fast engine. In training mode it also returns the batch moments of every BatchNormalization layer.
 */
let instances = 0;

export class TfReferenceModel {
  readonly prefix = `ref${++instances}/`;
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

  forward(x: tf.Tensor4D, training: boolean, moments?: Map<string, { mean: tf.Tensor; variance: tf.Tensor }>): tf.Tensor2D {
    let a: tf.Tensor = x;
    for (const layer of this.#spec.layers) {
      const activate = (t: tf.Tensor, activation: string) => (activation === 'relu' ? tf.relu(t) : t);
      switch (layer.type) {
        case 'ZeroPadding2D':
          a = tf.pad(a, [[0, 0], layer.padding[0], layer.padding[1], [0, 0]]);
          break;
        case 'Conv2D': {
          const y = tf.conv2d(a as tf.Tensor4D, this.#v(`${layer.name}/kernel`) as tf.Tensor4D, layer.strides, layer.padding);
          a = activate(layer.useBias ? tf.add(y, this.#v(`${layer.name}/bias`)) : y, layer.activation);
          break;
        }
        case 'DepthwiseConv2D': {
          const k = this.#v(`${layer.name}/depthwise_kernel`) as tf.Tensor4D;
          const y = tf.depthwiseConv2d(a as tf.Tensor4D, k, layer.strides, layer.padding);
          a = activate(layer.useBias ? tf.add(y, this.#v(`${layer.name}/bias`)) : y, layer.activation);
          break;
        }
        case 'BatchNormalization': {
          const gamma = this.#v(`${layer.name}/gamma`) as tf.Tensor1D;
          const beta = this.#v(`${layer.name}/beta`) as tf.Tensor1D;
          if (training) {
            const m = tf.moments(a, [0, 1, 2]);
            moments?.set(layer.name, { mean: tf.keep(m.mean.clone()), variance: tf.keep(m.variance.clone()) });
            a = tf.batchNorm(a, m.mean, m.variance, beta, gamma, layer.epsilon);
          } else {
            const mean = this.#v(`${layer.name}/moving_mean`) as tf.Tensor1D;
            const variance = this.#v(`${layer.name}/moving_variance`) as tf.Tensor1D;
            a = tf.batchNorm(a, mean, variance, beta, gamma, layer.epsilon);
          }
          break;
        }
        case 'ReLU':
          a = layer.maxValue === null ? tf.relu(a) : tf.clipByValue(tf.relu(a), 0, layer.maxValue);
          break;
        case 'GlobalAveragePooling2D':
          a = tf.mean(a, [1, 2], layer.keepdims);
          break;
        case 'Flatten':
          a = tf.reshape(a, [a.shape[0]!, -1]);
          break;
        case 'Dense': {
          const y = tf.matMul(a as tf.Tensor2D, this.#v(`${layer.name}/kernel`) as tf.Tensor2D);
          a = activate(layer.useBias ? tf.add(y, this.#v(`${layer.name}/bias`)) : y, layer.activation);
          break;
        }
      }
    }
    return a as tf.Tensor2D;
  }
}
