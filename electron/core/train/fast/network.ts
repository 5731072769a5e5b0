import type { ModelSpec } from '../../../../shared/model-spec';
import type { ModelWeights } from '../../model/weights';
import { buildLayers, type FastLayer, type FastParam } from './layers';
import { softmaxCrossEntropy } from './softmax-cross-entropy';
import { HEAP_MEMORY, type TensorMemory } from './tensor-memory';

/**
 * The model as a chain of layers with preallocated activation and gradient buffers. Buffers grow to the largest
 * batch seen and are reused afterwards, so a training step allocates nothing in the steady state.
 */
export class Network {
  readonly layers: FastLayer[];
  readonly params: FastParam[];
  readonly classes: number;
  readonly inputSize: number;
  #capacity = 0;
  #activations: Float32Array[] = [];
  #gradients: Float32Array[] = [];
  readonly #memory: TensorMemory;

  /** `memory` holds the weights and every buffer (a KernelMemory lets the WebAssembly kernels run on them in place). */
  constructor(spec: ModelSpec, weights: ModelWeights, memory: TensorMemory = HEAP_MEMORY) {
    this.#memory = memory;
    this.layers = buildLayers(spec, weights, memory);
    this.params = this.layers.flatMap((l) => l.params);
    this.inputSize = spec.inputShape[0] * spec.inputShape[1] * spec.inputShape[2];
    this.classes = this.layers[this.layers.length - 1]!.outSize;
  }

  #ensure(n: number): void {
    if (n <= this.#capacity) return;
    this.#activations = this.layers.map((l) => this.#memory.f32(n * l.outSize));
    // gradients[i] is dLoss/d(output of layer i).
    this.#gradients = this.layers.map((l) => this.#memory.f32(n * l.outSize));
    this.#capacity = n;
  }

  /** Runs the layers on `x` ([n, ...inputShape]) and returns the logits buffer (valid for n rows until the next call). */
  forward(x: Float32Array, n: number, training: boolean): Float32Array {
    if (x.length < n * this.inputSize) throw new Error(`Input holds ${x.length} values; ${n} samples need ${n * this.inputSize}`);
    this.#ensure(n);
    let input = x;
    this.layers.forEach((layer, i) => {
      const output = this.#activations[i]!;
      layer.forward(input, output, n, training);
      input = output;
    });
    return input;
  }

  /** One forward + backward pass in training mode; fills every trainable parameter's `grad`. */
  lossAndGradients(x: Float32Array, labels: Int32Array, n: number): { loss: number; correct: number } {
    const logits = this.forward(x, n, true);
    const last = this.layers.length - 1;
    const result = softmaxCrossEntropy(logits, labels, { n, classes: this.classes }, this.#gradients[last]!);
    // Layers before the first one with weights need no gradient (e.g. the input's zero padding): stop there.
    const first = Math.max(0, this.layers.findIndex((l) => l.params.some((p) => p.trainable)));
    for (let i = last; i >= first; i--) {
      const input = i === 0 ? x : this.#activations[i - 1]!;
      const dx = i === first ? null : this.#gradients[i - 1]!;
      this.layers[i]!.backward(input, this.#activations[i]!, this.#gradients[i]!, dx, n);
    }
    return result;
  }
}
