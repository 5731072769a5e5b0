import type { AdamConfig } from '../types';
import { HEAP_MEMORY, type TensorMemory } from './tensor-memory';
import { KernelMemory } from './wasm/kernel-memory';

/**
 * Adam in the form of tf.train.adam: m and v are updated first, then
 * w -= lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon). In float64; WebAssembly SIMD when the
 * weights, gradients and moments live in one KernelMemory.
 */
export class AdamState {
  readonly #config: AdamConfig;
  readonly #m: Float64Array[];
  readonly #v: Float64Array[];
  #accBeta1: number;
  #accBeta2: number;

  constructor(config: AdamConfig, sizes: number[], memory: TensorMemory = HEAP_MEMORY) {
    this.#config = config;
    this.#m = sizes.map((s) => memory.f64(s));
    this.#v = sizes.map((s) => memory.f64(s));
    this.#accBeta1 = config.beta1;
    this.#accBeta2 = config.beta2;
  }

  /** Applies one step to every (weights, gradient) pair, in the order given to the constructor. */
  apply(params: { values: Float32Array; grad: Float64Array }[]): void {
    const { learningRate, beta1, beta2, epsilon } = this.#config;
    const c1 = 1 - this.#accBeta1;
    const c2 = 1 - this.#accBeta2;
    params.forEach(({ values, grad }, i) => {
      const m = this.#m[i]!;
      const v = this.#v[i]!;
      const km = KernelMemory.of(values, grad, m, v);
      if (km) {
        const at = [values, grad, m, v].map((a) => a.byteOffset);
        km.k.adam(...at, values.length, learningRate, beta1, beta2, epsilon, c1, c2);
        return;
      }
      for (let j = 0; j < values.length; j++) {
        const g = grad[j]!;
        const mj = beta1 * m[j]! + (1 - beta1) * g;
        const vj = beta2 * v[j]! + (1 - beta2) * g * g;
        m[j] = mj;
        v[j] = vj;
        values[j] = values[j]! - (learningRate * (mj / c1)) / (Math.sqrt(vj / c2) + epsilon);
      }
    });
    this.#accBeta1 *= beta1;
    this.#accBeta2 *= beta2;
  }
}
