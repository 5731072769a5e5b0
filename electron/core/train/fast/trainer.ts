import type { ModelSpec } from '../../../../shared/model-spec';
import { ModelWeights } from '../../model/weights';
import {
  KERAS_ADAM,
  type Batch,
  type EvalResult,
  type StepResult,
  type Trainer,
  type TrainerOptions,
  type WeightAccess,
} from '../types';
import { AdamState } from './adam';
import type { FastParam } from './layers';
import { Network } from './network';
import { softmaxCrossEntropy } from './softmax-cross-entropy';

/** Rows per forward pass in predict(): big enough to amortise loops, small enough to stay in cache-sized buffers. */
const INFERENCE_CHUNK = 256;

class FastTrainer implements Trainer {
  readonly backend = 'fast-cpu' as const;
  readonly spec: ModelSpec;
  readonly #training: Network;
  readonly #byName: Map<string, FastParam>;
  readonly #trainable: { values: Float32Array; grad: Float64Array }[];
  readonly #adam: AdamState;

  constructor(options: TrainerOptions) {
    this.spec = options.spec;
    this.#training = new Network(options.spec, options.weights);
    this.#byName = new Map(this.#training.params.map((p) => [p.name, p]));
    this.#trainable = this.#training.params.filter((p) => p.trainable).map((p) => ({ values: p.values, grad: p.grad! }));
    this.#adam = new AdamState(
      options.adam ?? KERAS_ADAM,
      this.#trainable.map((p) => p.values.length),
    );
  }

  trainStep(batch: Batch): StepResult {
    const { loss, correct } = this.#training.lossAndGradients(batch.x, batch.labels, batch.size);
    this.#adam.apply(this.#trainable);
    return { loss, accuracy: correct / batch.size };
  }

  evaluate(batches: Iterable<Batch>): EvalResult {
    let lossSum = 0;
    let correct = 0;
    let count = 0;
    for (const batch of batches) {
      for (let start = 0; start < batch.size; start += INFERENCE_CHUNK) {
        const n = Math.min(INFERENCE_CHUNK, batch.size - start);
        const x = batch.x.subarray(start * this.#training.inputSize, (start + n) * this.#training.inputSize);
        const logits = this.#training.forward(x, n, false);
        const result = softmaxCrossEntropy(
          logits,
          batch.labels.subarray(start, start + n),
          { n, classes: this.#training.classes },
          null,
        );
        lossSum += result.loss * n;
        correct += result.correct;
      }
      count += batch.size;
    }
    return { loss: count ? lossSum / count : NaN, accuracy: count ? correct / count : NaN, count };
  }

  predict(x: Float32Array, n: number): Float32Array {
    const classes = this.#training.classes;
    const size = this.#training.inputSize;
    const out = new Float32Array(n * classes);
    for (let start = 0; start < n; start += INFERENCE_CHUNK) {
      const rows = Math.min(INFERENCE_CHUNK, n - start);
      const logits = this.#training.forward(x.subarray(start * size, (start + rows) * size), rows, false);
      out.set(logits.subarray(0, rows * classes), start * classes);
    }
    return out;
  }

  weights(): WeightAccess {
    const param = (name: string): FastParam => {
      const found = this.#byName.get(name);
      if (!found) throw new Error(`No weight named '${name}'`);
      return found;
    };
    return {
      read: (name) => param(name).values,
      write: (name, values) => {
        const target = param(name);
        if (values.length !== target.values.length) {
          throw new Error(`Weight '${name}' holds ${target.values.length} values, got ${values.length}`);
        }
        target.values.set(values);
      },
    };
  }

  snapshot(): ModelWeights {
    return new ModelWeights(
      this.#training.params.map((p) => ({ name: p.name, shape: [...p.shape], trainable: p.trainable, values: p.values.slice() })),
    );
  }

  dispose(): void {}
}

/** A dependency-free CPU trainer ("fast-cpu") for any ModelSpec graph. */
export function createFastTrainer(options: TrainerOptions): Trainer {
  return new FastTrainer(options);
}
