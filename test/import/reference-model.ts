// The independent reference: the fixture network built with TF.js' own Layers API (a nested tf.model for the block),
// with deterministic weights. Its saved artifacts are the TF.js fixture; its weights feed the Keras fixtures.
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../electron/core/util/rng';

export interface NamedArray {
  /** `<layer>/<weight>` as TF.js and Keras 2 name it, e.g. `conv1_bn/moving_variance`. */
  name: string;
  shape: number[];
  values: Float32Array;
}

/** The residual fixture: ZeroPadding2D((0,1),(0,1)) + 3x3 s2 conv + BN + ReLU(6), a nested block (depthwise, 1x1, Add), Dropout, pool, Dense softmax. */
export function residualReference(): tf.LayersModel {
  const blockInput = tf.input({ shape: [4, 4, 8], name: 'input_2' });
  const dw = tf.layers
    .depthwiseConv2d({ name: 'block_1_dw', kernelSize: 3, padding: 'same', activation: 'relu' })
    .apply(blockInput) as tf.SymbolicTensor;
  const project = tf.layers.conv2d({ name: 'block_1_project', filters: 8, kernelSize: 1 }).apply(dw) as tf.SymbolicTensor;
  const add = tf.layers.add({ name: 'block_1_add' }).apply([blockInput, project]) as tf.SymbolicTensor;
  const block = tf.model({ name: 'block_1', inputs: blockInput, outputs: add });

  const input = tf.input({ shape: [8, 8, 3], name: 'input_1' });
  let x = tf.layers.zeroPadding2d({ name: 'conv1_pad', padding: [[0, 1], [0, 1]] }).apply(input) as tf.SymbolicTensor;
  x = tf.layers.conv2d({ name: 'conv1', filters: 8, kernelSize: 3, strides: 2, useBias: false }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization({ name: 'conv1_bn', axis: 3 }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.reLU({ name: 'conv1_relu', maxValue: 6 }).apply(x) as tf.SymbolicTensor;
  x = block.apply(x) as tf.SymbolicTensor;
  x = tf.layers.dropout({ name: 'dropout', rate: 0.2 }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.globalAveragePooling2d({ name: 'pool' }).apply(x) as tf.SymbolicTensor;
  const out = tf.layers.dense({ name: 'predictions', units: 5, activation: 'softmax' }).apply(x) as tf.SymbolicTensor;
  const model = tf.model({ name: 'residual_k2', inputs: input, outputs: out });
  setDeterministicWeights(model, 11);
  return model;
}

/** A Sequential fixture: conv, BN, ReLU, flatten, dense (no softmax). */
export function sequentialReference(): tf.Sequential {
  const model = tf.sequential({ name: 'plain_seq' });
  model.add(tf.layers.conv2d({ name: 'conv2d', inputShape: [6, 6, 2], filters: 4, kernelSize: 3, activation: 'relu' }));
  model.add(tf.layers.batchNormalization({ name: 'batch_normalization' }));
  model.add(tf.layers.flatten({ name: 'flatten' }));
  model.add(tf.layers.dense({ name: 'dense', units: 3 }));
  setDeterministicWeights(model, 5);
  return model;
}

/** Random values in [-0.5, 0.5) for every weight; moving variances in [0.5, 1.5) so batch norm does something. */
function setDeterministicWeights(model: tf.LayersModel, seed: number): void {
  const rng = createRng(seed);
  const values = model.weights.map((w) => {
    const shape = w.shape as number[];
    const size = shape.reduce((a, b) => a * b, 1);
    const variance = w.originalName.endsWith('moving_variance');
    const values = new Float32Array(size).map(() => rng.next() - (variance ? -0.5 : 0.5));
    return tf.tensor(values, shape);
  });
  model.setWeights(values);
  tf.dispose(values);
}

/** The model's weights by their Keras names (`layer/weight`), in the model's own order. */
export function namedWeights(model: tf.LayersModel): NamedArray[] {
  return model.weights.map((w) => ({ name: w.originalName, shape: [...w.shape] as number[], values: w.read().dataSync() as Float32Array }));
}

/** Deterministic input images. */
export function inputBatch(shape: [number, number, number], count: number, seed = 3): tf.Tensor4D {
  const rng = createRng(seed);
  const size = count * shape[0] * shape[1] * shape[2];
  return tf.tensor4d(Float32Array.from({ length: size }, () => rng.next() * 2 - 1), [count, ...shape]);
}
