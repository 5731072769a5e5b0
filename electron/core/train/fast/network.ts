import type { ModelSpec } from '../../../../shared/model-spec';
import type { ModelWeights } from '../../model/weights';
import { buildGraph } from './graph';
import type { FastNode, FastParam } from './layer-types';
import { softmaxCrossEntropy } from './softmax-cross-entropy';
import { HEAP_MEMORY, type TensorMemory } from './tensor-memory';

/** Where a node reads one of its inputs: another node's output (its index) or the model input (-1). */
type Source = number;

/**
 * The model as a graph of nodes with preallocated activation and gradient buffers (one per node output). Nodes run in
 * the spec's topological order; backward runs in reverse, and where an output feeds several nodes their input
 * gradients are summed. Buffers grow to the largest batch seen and are reused afterwards, so a training step allocates
 * nothing in the steady state.
 */
export class Network {
  readonly layers: FastNode[];
  readonly params: FastParam[];
  readonly classes: number;
  readonly inputSize: number;
  readonly #sources: Source[][];
  readonly #output: number;
  /** Per node: some trainable parameter is at or upstream of it, so the loss's gradient must reach its output. */
  readonly #needsGradient: boolean[];
  readonly #memory: TensorMemory;
  #capacity = 0;
  #activations: Float32Array[] = [];
  #gradients: Float32Array[] = [];
  /** Per node input: a buffer for the gradient of an output that already received one from another reader. */
  #extra: (Float32Array | null)[][] = [];
  readonly #written: boolean[];

  /** `memory` holds the weights and every buffer (a KernelMemory lets the WebAssembly kernels run on them in place). */
  constructor(spec: ModelSpec, weights: ModelWeights, memory: TensorMemory = HEAP_MEMORY) {
    this.#memory = memory;
    const graph = buildGraph(spec, weights, memory);
    this.layers = graph.nodes;
    this.params = this.layers.flatMap((l) => l.params);
    this.inputSize = spec.inputShape[0] * spec.inputShape[1] * spec.inputShape[2];
    const index = new Map(this.layers.map((node, i) => [node.output, i]));
    this.#sources = this.layers.map((node, i) =>
      node.inputs.map((name) => {
        if (name === graph.inputName) return -1;
        const source = index.get(name);
        if (source === undefined || source >= i) throw new Error(`Layer '${node.name}' reads '${name}' before it is computed`);
        return source;
      }),
    );
    this.#output = index.get(graph.output)!;
    this.classes = this.layers[this.#output]!.outSize;
    this.#written = this.layers.map(() => false);
    this.#needsGradient = [];
    this.layers.forEach((node, i) => {
      this.#needsGradient[i] =
        node.params.some((p) => p.trainable) || this.#sources[i]!.some((s) => s >= 0 && this.#needsGradient[s]!);
    });
  }

  #ensure(n: number): void {
    if (n <= this.#capacity) return;
    this.#activations = this.layers.map((l) => this.#memory.f32(n * l.outSize));
    // gradients[i] is dLoss/d(output of node i).
    this.#gradients = this.layers.map((l) => this.#memory.f32(n * l.outSize));
    this.#extra = this.#sources.map((sources) => sources.map(() => null));
    this.#capacity = n;
  }

  #inputs(i: number, x: Float32Array): Float32Array[] {
    return this.#sources[i]!.map((s) => (s < 0 ? x : this.#activations[s]!));
  }

  /** Runs the graph on `x` ([n, ...inputShape]) and returns the logits buffer (valid for n rows until the next call). */
  forward(x: Float32Array, n: number, training: boolean): Float32Array {
    if (x.length < n * this.inputSize) throw new Error(`Input holds ${x.length} values; ${n} samples need ${n * this.inputSize}`);
    this.#ensure(n);
    this.layers.forEach((node, i) => node.forward(this.#inputs(i, x), this.#activations[i]!, n, training));
    return this.#activations[this.#output]!;
  }

  /** One forward + backward pass in training mode; fills every trainable parameter's `grad`. */
  lossAndGradients(x: Float32Array, labels: Int32Array, n: number): { loss: number; correct: number } {
    const logits = this.forward(x, n, true);
    const result = softmaxCrossEntropy(logits, labels, { n, classes: this.classes }, this.#gradients[this.#output]!);
    const written = this.#written;
    written.fill(false);
    written[this.#output] = true;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const node = this.layers[i]!;
      if (!written[i] || !this.#needsGradient[i]) {
        // Nothing downstream reaches the loss: the node's parameters get zero gradients and it propagates nothing.
        for (const p of node.params) p.grad?.fill(0);
        continue;
      }
      const sources = this.#sources[i]!;
      // Inputs with nothing trainable upstream (the model input, the stem's padding) need no gradient. The first reader
      // to run (in reverse order) writes an output's gradient; later ones add theirs to it.
      const wanted = sources.map((s) => s >= 0 && this.#needsGradient[s]!);
      const direct = sources.map((s, k) => wanted[k]! && !written[s] && sources.indexOf(s) === k);
      const dxs = sources.map((s, k) => {
        if (!wanted[k]) return null;
        return direct[k] ? this.#gradients[s]! : this.#extraBuffer(i, k);
      });
      node.backward(this.#inputs(i, x), this.#activations[i]!, this.#gradients[i]!, dxs, n);
      sources.forEach((s, k) => {
        if (!wanted[k]) return;
        if (!direct[k]) {
          const dx = dxs[k]!;
          const target = this.#gradients[s]!;
          const size = n * this.layers[s]!.outSize;
          for (let j = 0; j < size; j++) target[j]! += dx[j]!;
        }
        written[s] = true;
      });
    }
    return result;
  }

  #extraBuffer(node: number, input: number): Float32Array {
    let buffer = this.#extra[node]![input];
    if (!buffer) {
      buffer = this.#memory.f32(this.#capacity * this.layers[this.#sources[node]![input]!]!.outSize);
      this.#extra[node]![input] = buffer;
    }
    return buffer;
  }
}
