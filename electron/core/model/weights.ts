import type { ModelSpec, WeightTensor } from '../../../shared/model-spec';
import { createRng, type Rng } from '../util/rng';
import { modelWeightShapes, type WeightShape } from './shapes';

/** The weights of a model, in the order of `modelWeightShapes(spec)`, addressable by name (`layer/weight`). */
export class ModelWeights {
  readonly tensors: WeightTensor[];
  readonly #byName: Map<string, WeightTensor>;

  constructor(tensors: WeightTensor[]) {
    this.tensors = tensors;
    this.#byName = new Map(tensors.map((t) => [t.name, t]));
  }

  get(name: string): WeightTensor {
    const tensor = this.#byName.get(name);
    if (!tensor) throw new Error(`No weight named '${name}'`);
    return tensor;
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }

  clone(): ModelWeights {
    return new ModelWeights(this.tensors.map((t) => ({ ...t, shape: [...t.shape], values: t.values.slice() })));
  }
}

function glorotUniform(shape: number[], rng: Rng, depthwise: boolean): Float32Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const receptive = shape.length > 2 ? shape.slice(0, -2).reduce((a, b) => a * b, 1) : 1;
  const fanIn = receptive * shape[shape.length - 2]!;
  const fanOut = receptive * shape[shape.length - 1]!;
  // Keras computes the depthwise kernel's fans from its [kh, kw, in, multiplier] shape the same way.
  void depthwise;
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = (rng.next() * 2 - 1) * limit;
  return values;
}

function initialValues(weight: WeightShape, rng: Rng): Float32Array {
  const size = weight.shape.reduce((a, b) => a * b, 1);
  const kind = weight.name.slice(weight.name.lastIndexOf('/') + 1);
  switch (kind) {
    case 'kernel':
      return glorotUniform(weight.shape, rng, false);
    case 'depthwise_kernel':
      return glorotUniform(weight.shape, rng, true);
    case 'gamma':
    case 'moving_variance':
      return new Float32Array(size).fill(1);
    default:
      return new Float32Array(size);
  }
}

/** Fresh weights with Keras' default initializers (Glorot uniform kernels, zero biases, identity batch norm). */
export function initWeights(spec: ModelSpec, seed: number): ModelWeights {
  const rng = createRng(seed);
  return new ModelWeights(
    modelWeightShapes(spec).map((w) => ({ name: w.name, shape: w.shape, trainable: w.trainable, values: initialValues(w, rng) })),
  );
}

/**
 * Copies weights from one model to another of the same structure, position by position (as Keras'
 * `set_weights(get_weights())` does in the guide when it moves to the keepdims variant).
 */
export function transferWeights(target: ModelSpec, source: ModelWeights): ModelWeights {
  const shapes = modelWeightShapes(target);
  if (shapes.length !== source.tensors.length) {
    throw new Error(
      `Cannot copy weights: the target model has ${shapes.length} weight tensors, the source ${source.tensors.length}`,
    );
  }
  return new ModelWeights(
    shapes.map((shape, i) => {
      const from = source.tensors[i]!;
      if (from.shape.join(',') !== shape.shape.join(',')) {
        throw new Error(`Cannot copy weight '${from.name}' [${from.shape}] into '${shape.name}' [${shape.shape}]: shapes differ`);
      }
      return { name: shape.name, shape: shape.shape, trainable: shape.trainable, values: from.values.slice() };
    }),
  );
}
