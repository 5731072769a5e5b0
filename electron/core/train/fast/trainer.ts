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
import type { ThreadPool } from './parallel/thread-pool';
import { softmaxCrossEntropy } from './softmax-cross-entropy';
import { HEAP_MEMORY, type TensorMemory } from './tensor-memory';
import { KernelMemory } from './wasm/kernel-memory';

/** Rows per forward pass in predict(): big enough to amortise loops, small enough to stay in cache-sized buffers. */
const INFERENCE_CHUNK = 256;

/** Copies of the caller's batches inside the kernel memory (the WebAssembly kernels run only on their memory). */
class Staging {
  readonly #memory: TensorMemory;
  #x: Float32Array = new Float32Array(0);
  #labels: Int32Array = new Int32Array(0);
  constructor(memory: TensorMemory) {
    this.#memory = memory;
  }
  x(source: Float32Array, size: number): Float32Array {
    if (this.#memory === HEAP_MEMORY) return source;
    if (this.#x.length < size) this.#x = this.#memory.f32(size);
    const view = this.#x.subarray(0, size);
    view.set(source.subarray(0, size));
    return view;
  }
  labels(source: Int32Array, size: number): Int32Array {
    if (this.#memory === HEAP_MEMORY) return source;
    if (this.#labels.length < size) this.#labels = (this.#memory as KernelMemory).i32(size);
    const view = this.#labels.subarray(0, size);
    view.set(source.subarray(0, size));
    return view;
  }
}

/** Options of the fast engine beyond the Trainer's. */
export interface FastTrainerSetup {
  /** Kernel memory the network lives in (shared with the pool's threads); null runs the JavaScript kernels. */
  memory: KernelMemory | null;
  /** Worker threads that take shards of every batch; null trains on this thread alone. */
  pool: ThreadPool | null;
}

class FastTrainer implements Trainer {
  readonly backend = 'fast-cpu' as const;
  readonly spec: ModelSpec;
  readonly #training: Network;
  readonly #byName: Map<string, FastParam>;
  readonly #trainable: { values: Float32Array; grad: Float64Array }[];
  readonly #adam: AdamState;
  readonly #staging: Staging;
  readonly #pool: ThreadPool | null;

  constructor(options: TrainerOptions, setup: FastTrainerSetup) {
    this.spec = options.spec;
    const memory = setup.memory ?? HEAP_MEMORY;
    this.#training = new Network(options.spec, options.weights, memory);
    this.#byName = new Map(this.#training.params.map((p) => [p.name, p]));
    this.#trainable = this.#training.params.filter((p) => p.trainable).map((p) => ({ values: p.values, grad: p.grad! }));
    this.#adam = new AdamState(
      options.adam ?? KERAS_ADAM,
      this.#trainable.map((p) => p.values.length),
      memory,
    );
    this.#staging = new Staging(memory);
    this.#pool = setup.pool;
    this.#pool?.bind(this.#training);
  }

  get threads(): number {
    return this.#pool?.threads ?? 1;
  }

  trainStep(batch: Batch): StepResult {
    const x = this.#staging.x(batch.x, batch.size * this.#training.inputSize);
    const labels = this.#staging.labels(batch.labels, batch.size);
    const { loss, correct } = this.#pool
      ? this.#pool.lossAndGradients(x, labels, batch.size)
      : this.#training.lossAndGradients(x, labels, batch.size);
    this.#adam.apply(this.#trainable);
    return { loss, accuracy: correct / batch.size };
  }

  /** Logits of n rows, in chunks (on the pool's threads when there is one); `take` sees each chunk's logits. */
  #infer(source: Float32Array, n: number, take: (start: number, rows: number, logits: Float32Array) => void): void {
    const size = this.#training.inputSize;
    const chunk = this.#pool ? INFERENCE_CHUNK * this.#pool.threads : INFERENCE_CHUNK;
    for (let start = 0; start < n; start += chunk) {
      const rows = Math.min(chunk, n - start);
      const x = this.#staging.x(source.subarray(start * size, (start + rows) * size), rows * size);
      const logits = this.#pool ? this.#pool.forward(x, rows) : this.#training.forward(x, rows, false);
      take(start, rows, logits);
    }
  }

  evaluate(batches: Iterable<Batch>): EvalResult {
    let lossSum = 0;
    let correct = 0;
    let count = 0;
    const classes = this.#training.classes;
    for (const batch of batches) {
      this.#infer(batch.x, batch.size, (start, n, logits) => {
        const result = softmaxCrossEntropy(logits, batch.labels.subarray(start, start + n), { n, classes }, null);
        lossSum += result.loss * n;
        correct += result.correct;
      });
      count += batch.size;
    }
    return { loss: count ? lossSum / count : NaN, accuracy: count ? correct / count : NaN, count };
  }

  predict(x: Float32Array, n: number): Float32Array {
    const classes = this.#training.classes;
    const out = new Float32Array(n * classes);
    this.#infer(x, n, (start, rows, logits) => out.set(logits.subarray(0, rows * classes), start * classes));
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

  dispose(): void {
    this.#pool?.close();
  }
}

/**
 * A dependency-free CPU trainer ("fast-cpu") for any ModelSpec graph (layers naming their inputs), on
 * this thread: WebAssembly SIMD kernels where the runtime has them (SPARSE_STUDIO_WASM=0 forces the scalar
 * JavaScript kernels). createParallelFastTrainer (parallel/) spreads every batch over worker threads.
 */
export function createFastTrainer(options: TrainerOptions): Trainer {
  return new FastTrainer(options, { memory: KernelMemory.create(), pool: null });
}

/** The trainer on a given memory and pool (parallel/parallel-trainer.ts builds those). */
export function createFastTrainerWith(options: TrainerOptions, setup: FastTrainerSetup): Trainer {
  return new FastTrainer(options, setup);
}
