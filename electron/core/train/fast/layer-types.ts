/** One weight tensor as the engine holds it; `grad` is null for non-trainable weights (batch-norm moving stats). */
export interface FastParam {
  name: string;
  shape: number[];
  trainable: boolean;
  values: Float32Array;
  grad: Float64Array | null;
}

/** A layer of the engine. Sizes are per sample; buffers hold `n` samples back to back. */
export interface FastLayer {
  readonly name: string;
  readonly inSize: number;
  readonly outSize: number;
  readonly params: FastParam[];
  forward(x: Float32Array, y: Float32Array, n: number, training: boolean): void;
  /** Fills the parameter gradients, and dx unless it is null (the first layer needs no input gradient). */
  backward(x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array | null, n: number): void;
  /** A Dropout layer's mask of the last training forward pass (for tests that replay it in a reference). */
  readonly lastMask?: () => Float32Array;
}

export const product = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * A node of the engine's graph: a layer (or fused pair) with its inputs named as in the ModelSpec (layer names or the
 * model input's name). Single-input layers are FastLayers wrapped by graph.ts; Add and Multiply take several inputs.
 */
export interface FastNode {
  readonly name: string;
  /** The spec layer whose output this node produces (the second layer of a fused pair). */
  readonly output: string;
  readonly inputs: readonly string[];
  readonly outSize: number;
  readonly params: FastParam[];
  forward(xs: readonly Float32Array[], y: Float32Array, n: number, training: boolean): void;
  /** Fills the parameter gradients, and every entry of dxs that is not null (overwritten, not accumulated). */
  backward(
    xs: readonly Float32Array[],
    y: Float32Array,
    dy: Float32Array,
    dxs: readonly (Float32Array | null)[],
    n: number,
  ): void;
  /** A Dropout node's mask of the last training forward pass (for tests that replay it in a reference). */
  readonly lastMask?: () => Float32Array;
}
