import * as tf from '@tensorflow/tfjs';
import type { Activation } from '../../../shared/model-spec';

/** TF.js' own name for a Keras activation when TF.js computes the same function; undefined when it does not. */
export type TfjsActivationName = 'linear' | 'relu' | 'relu6' | 'sigmoid' | 'swish';

export function tfjsActivation(activation: Activation): TfjsActivationName | undefined {
  switch (activation) {
    case 'linear':
    case 'relu':
    case 'relu6':
    case 'sigmoid':
    case 'swish':
      return activation;
    // TF.js' hardSigmoid is Keras 2's clip(0.2x + 0.5, 0, 1); ours is Keras 3's relu6(x + 3) / 6.
    case 'hard_sigmoid':
    case 'hard_swish':
      return undefined;
  }
}

/** Applies a Keras activation with TF.js ops (differentiable). */
export function applyActivation(x: tf.Tensor, activation: Activation): tf.Tensor {
  switch (activation) {
    case 'linear':
      return x;
    case 'relu':
      return tf.relu(x);
    case 'relu6':
      return tf.relu6(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'swish':
      return tf.mul(x, tf.sigmoid(x));
    case 'hard_sigmoid':
      return tf.div(tf.relu6(tf.add(x, 3)), 6);
    case 'hard_swish':
      return tf.mul(x, tf.div(tf.relu6(tf.add(x, 3)), 6));
  }
}
