import { activeCollective } from './parallel/collective';

/**
 * Mean sparse softmax cross-entropy from logits [n, classes] (stable log-softmax), the count of argmax hits, and,
 * when `dLogits` is given, the gradient of the mean loss: (softmax - onehot) / n. In a data-parallel step n is the
 * whole batch's size, so the shards' gradients add up to the batch's.
 */
export function softmaxCrossEntropy(
  logits: Float32Array,
  labels: Int32Array,
  shape: { n: number; classes: number },
  dLogits: Float32Array | null,
): { loss: number; correct: number } {
  const { n, classes } = shape;
  const gradientScale = 1 / (activeCollective()?.totalSamples ?? n);
  let loss = 0;
  let correct = 0;
  for (let b = 0; b < n; b++) {
    const base = b * classes;
    const label = labels[b]!;
    if (!(label >= 0 && label < classes)) throw new RangeError(`Label ${label} of sample ${b} is outside 0..${classes - 1}`);
    let max = -Infinity;
    let best = 0;
    for (let k = 0; k < classes; k++) {
      const v = logits[base + k]!;
      if (v > max) {
        max = v;
        best = k;
      }
    }
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += Math.exp(logits[base + k]! - max);
    const logSum = Math.log(sum) + max;
    loss += logSum - logits[base + label]!;
    if (best === label) correct++;
    if (dLogits) {
      for (let k = 0; k < classes; k++) {
        const p = Math.exp(logits[base + k]! - logSum);
        dLogits[base + k] = (p - (k === label ? 1 : 0)) * gradientScale;
      }
    }
  }
  return { loss: loss / n, correct };
}
