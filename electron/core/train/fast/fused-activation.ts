import type { Activation } from '../../../../shared/model-spec';
import { activationBackward, activationForward, backwardNeedsOnlyOutput } from './activations';
import type { TensorMemory } from './tensor-memory';

/**
 * The activation a Conv2D / DepthwiseConv2D / Dense layer applies to its output. Activations whose gradient needs only
 * the output (linear, relu, sigmoid) run in place; the others keep the pre-activation values in a buffer of their own.
 * Buffers come from the layer's memory, so the WebAssembly kernels can run on them.
 */
export class FusedActivation {
  readonly activation: Activation;
  readonly #inPlace: boolean;
  readonly #memory: TensorMemory;
  #pre: Float32Array = new Float32Array(0);
  #grad: Float32Array = new Float32Array(0);

  constructor(activation: Activation, memory: TensorMemory) {
    this.activation = activation;
    this.#inPlace = backwardNeedsOnlyOutput(activation);
    this.#memory = memory;
  }

  /** Where the layer writes its pre-activation output of `size` values: `y` itself, or the buffer. */
  target(y: Float32Array, size: number): Float32Array {
    if (this.#inPlace) return y;
    if (this.#pre.length < size) this.#pre = this.#memory.f32(size);
    return this.#pre;
  }

  /** Applies the activation to what target() received, writing `y`. */
  apply(y: Float32Array, size: number): void {
    if (this.activation === 'linear') return;
    activationForward(this.activation, this.#inPlace ? y : this.#pre, size, y);
  }

  /** dLoss/d(pre-activation) given dLoss/dy (dy itself for linear; otherwise a buffer valid until the next call). */
  gradient(y: Float32Array, dy: Float32Array, size: number): Float32Array {
    if (this.activation === 'linear') return dy;
    if (this.#grad.length < size) this.#grad = this.#memory.f32(size);
    activationBackward(this.activation, { x: this.#inPlace ? y : this.#pre, y, dy }, size, this.#grad);
    return this.#grad;
  }
}
