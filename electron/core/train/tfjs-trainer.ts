import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../../shared/model-spec';
import { WEIGHT_NAMES } from '../../../shared/model-spec';
import { ModelWeights } from '../model/weights';
import { buildTfjsModel } from './tfjs-model';
import {
  KERAS_ADAM,
  type Batch,
  type EvalResult,
  type StepResult,
  type Trainer,
  type TrainerOptions,
  type WeightAccess,
} from './types';

type TfjsBackendName = 'tfjs-cpu' | 'tfjs-node';

/** Per weight name, the TF.js variable that holds it. */
function variablesByName(model: tf.LayersModel, spec: ModelSpec): Map<string, tf.LayerVariable> {
  const map = new Map<string, tf.LayerVariable>();
  for (const layer of spec.layers) {
    const names = (WEIGHT_NAMES[layer.type] as readonly string[]).filter((n) => n !== 'bias' || hasBias(layer));
    const variables = model.getLayer(layer.name).weights;
    names.forEach((weight, i) => map.set(`${layer.name}/${weight}`, variables[i]!));
  }
  return map;
}

function hasBias(layer: ModelSpec['layers'][number]): boolean {
  return 'useBias' in layer ? layer.useBias : true;
}

function crossEntropy(labels: tf.Tensor1D, logits: tf.Tensor2D): tf.Scalar {
  const classes = logits.shape[1];
  return tf.losses.softmaxCrossEntropy(tf.oneHot(labels, classes), logits) as tf.Scalar;
}

function correctCount(labels: tf.Tensor1D, logits: tf.Tensor2D): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32'));
}

class TfjsTrainer implements Trainer {
  readonly backend: TfjsBackendName;
  readonly threads = 1;
  readonly spec: ModelSpec;
  readonly #model: tf.LayersModel;
  readonly #variables: Map<string, tf.LayerVariable>;
  readonly #optimizer: tf.AdamOptimizer;
  readonly #order: string[];

  constructor(options: TrainerOptions, backend: TfjsBackendName) {
    this.backend = backend;
    this.spec = options.spec;
    this.#model = buildTfjsModel(options.spec);
    this.#variables = variablesByName(this.#model, options.spec);
    this.#order = options.weights.tensors.map((t) => t.name);
    for (const tensor of options.weights.tensors) this.weights().write(tensor.name, tensor.values);
    const adam = options.adam ?? KERAS_ADAM;
    this.#optimizer = tf.train.adam(adam.learningRate, adam.beta1, adam.beta2, adam.epsilon);
  }

  trainStep(batch: Batch): StepResult {
    const [h, w, c] = this.spec.inputShape;
    return tf.tidy(() => {
      const x = tf.tensor4d(batch.x, [batch.size, h, w, c]);
      const labels = tf.tensor1d(batch.labels, 'int32');
      let correct: tf.Scalar | undefined;
      const trainable = this.#model.trainableWeights.map((v) => (v as unknown as { val: tf.Variable }).val);
      const loss = this.#optimizer.minimize(
        () => {
          const logits = this.#model.apply(x, { training: true }) as tf.Tensor2D;
          correct = tf.keep(correctCount(labels, logits));
          return crossEntropy(labels, logits);
        },
        true,
        trainable,
      ) as tf.Scalar;
      const accuracy = correct!.dataSync()[0]! / batch.size;
      correct!.dispose();
      return { loss: loss.dataSync()[0]!, accuracy };
    });
  }

  evaluate(batches: Iterable<Batch>): EvalResult {
    let lossSum = 0;
    let correct = 0;
    let count = 0;
    for (const batch of batches) {
      tf.tidy(() => {
        const logits = this.#logits(batch.x, batch.size);
        const labels = tf.tensor1d(batch.labels, 'int32');
        lossSum += crossEntropy(labels, logits).dataSync()[0]! * batch.size;
        correct += correctCount(labels, logits).dataSync()[0]!;
      });
      count += batch.size;
    }
    return { loss: count ? lossSum / count : NaN, accuracy: count ? correct / count : NaN, count };
  }

  predict(x: Float32Array, n: number): Float32Array {
    return tf.tidy(() => this.#logits(x, n).dataSync() as Float32Array).slice();
  }

  #logits(x: Float32Array, n: number): tf.Tensor2D {
    const [h, w, c] = this.spec.inputShape;
    return this.#model.apply(tf.tensor4d(x, [n, h, w, c]), { training: false }) as tf.Tensor2D;
  }

  weights(): WeightAccess {
    const variable = (name: string): tf.LayerVariable => {
      const found = this.#variables.get(name);
      if (!found) throw new Error(`No weight named '${name}'`);
      return found;
    };
    return {
      read: (name) => variable(name).read().dataSync() as Float32Array,
      write: (name, values) => {
        const target = variable(name);
        const tensor = tf.tensor(values, target.shape as number[], 'float32');
        target.write(tensor);
        tensor.dispose();
      },
    };
  }

  snapshot(): ModelWeights {
    const access = this.weights();
    return new ModelWeights(
      this.#order.map((name) => {
        const variable = this.#variables.get(name)!;
        return {
          name,
          shape: [...(variable.shape as number[])],
          trainable: variable.trainable,
          values: access.read(name).slice(),
        };
      }),
    );
  }

  dispose(): void {
    this.#model.dispose();
    this.#optimizer.dispose();
  }
}

/** A trainer on TF.js Layers: the stock CPU backend, or native TensorFlow through tfjs-node. */
export async function createTfjsTrainer(options: TrainerOptions, backend: TfjsBackendName): Promise<Trainer> {
  const target = backend === 'tfjs-node' ? 'tensorflow' : 'cpu';
  if (!(await tf.setBackend(target))) throw new Error(`The TF.js backend '${target}' could not be initialised`);
  await tf.ready();
  return new TfjsTrainer(options, backend);
}
