import * as tf from '@tensorflow/tfjs';
import type { Activation } from '../../shared/model-spec';
import type { ReluOptions } from '../../electron/core/train/fast/activations';

/** Keras' activation definitions written with TF.js ops (Keras 3 hard_sigmoid = relu6(x + 3) / 6). */
export const TF_ACTIVATIONS: Record<Activation, (t: tf.Tensor) => tf.Tensor> = {
  linear: (t) => t,
  relu: (t) => tf.relu(t),
  relu6: (t) => tf.relu6(t),
  sigmoid: (t) => tf.sigmoid(t),
  hard_sigmoid: (t) => tf.div(tf.relu6(tf.add(t, 3)), 6),
  hard_swish: (t) => tf.mul(t, tf.div(tf.relu6(tf.add(t, 3)), 6)),
  swish: (t) => tf.mul(t, tf.sigmoid(t)),
};

/** Keras 3's ReLU.static_call written with TF.js ops (for thresholds >= 0, where it matches the documented formula). */
export function kerasRelu(t: tf.Tensor, o: ReluOptions): tf.Tensor {
  if (o.negativeSlope !== 0 && o.maxValue === null && o.threshold === 0) return tf.leakyRelu(t, o.negativeSlope);
  const negative = o.negativeSlope !== 0 ? tf.relu(tf.add(tf.neg(t), o.threshold)) : null;
  let clipMax = o.maxValue !== null;
  let y: tf.Tensor;
  if (o.threshold !== 0) {
    // cast(x > threshold) is a constant for autodiff (TF.js has no gradient for Greater; TensorFlow's is none).
    const threshold = Math.fround(o.threshold);
    y = tf.mul(t, tf.tensor(Float32Array.from(t.dataSync(), (v) => (v > threshold ? 1 : 0)), t.shape));
  } else if (o.maxValue === 6) {
    y = tf.relu6(t);
    clipMax = false;
  } else y = tf.relu(t);
  if (clipMax) y = tf.clipByValue(y, 0, o.maxValue!);
  return negative ? tf.sub(y, tf.mul(negative, o.negativeSlope)) : y;
}
