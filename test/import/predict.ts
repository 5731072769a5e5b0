import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../shared/model-spec';
import { WEIGHT_NAMES } from '../../shared/model-spec';
import type { ModelWeights } from '../../electron/core/model/weights';
import { buildTfjsModel } from '../../electron/core/train/tfjs-model';

/** The imported model's logits: Sparse Studio's TF.js build of the spec with the imported weights, inference mode. */
export function predictSpec(spec: ModelSpec, weights: ModelWeights, x: tf.Tensor4D): Float32Array {
  const model = buildTfjsModel(spec);
  try {
    for (const layer of spec.layers) {
      const names = (WEIGHT_NAMES[layer.type] as readonly string[]).filter((n) => n !== 'bias' || !('useBias' in layer) || layer.useBias);
      if (names.length === 0) continue;
      model.getLayer(layer.name).setWeights(names.map((n) => {
        const t = weights.get(`${layer.name}/${n}`);
        return tf.tensor(t.values, t.shape);
      }));
    }
    return tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync() as Float32Array);
  } finally {
    model.dispose();
  }
}

export function softmaxRows(logits: Float32Array, classes: number): Float32Array {
  return tf.tidy(() => tf.softmax(tf.tensor2d(logits, [logits.length / classes, classes])).dataSync() as Float32Array);
}

export function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
}
