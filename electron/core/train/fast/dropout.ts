import { createRng, type Rng } from '../../util/rng';

// Inverted dropout (training only): each value is kept with probability 1 - rate and scaled by 1 / (1 - rate), as
// tf.dropout computes it (x * floor(u + keep) / keep). Masks come from a seeded generator that advances every step, so
// a run is reproducible and every step draws a fresh mask.

export class DropoutMasks {
  readonly rate: number;
  readonly #rng: Rng;
  #mask = new Float32Array(0);

  constructor(rate: number, seed: number) {
    if (!(rate >= 0 && rate < 1)) throw new Error(`Dropout rate must be in [0, 1), got ${rate}`);
    this.rate = rate;
    this.#rng = createRng(seed);
  }

  /** Draws a new mask of `size` values: 0 (dropped) or 1 / (1 - rate) (kept). Valid until the next draw. */
  draw(size: number): Float32Array {
    if (this.#mask.length < size) this.#mask = new Float32Array(size);
    const keep = 1 - this.rate;
    const scale = Math.fround(1 / Math.fround(keep));
    for (let i = 0; i < size; i++) this.#mask[i] = this.#rng.next() < this.rate ? 0 : scale;
    return this.#mask;
  }

  /** The last mask drawn. */
  get mask(): Float32Array {
    return this.#mask;
  }
}

/** y = x * mask (the mask already holds the 1 / keep scale). */
export function dropoutForward(x: Float32Array, mask: Float32Array, size: number, y: Float32Array): void {
  for (let i = 0; i < size; i++) y[i] = x[i]! * mask[i]!;
}

/** dx = dy * mask. */
export function dropoutBackward(dy: Float32Array, mask: Float32Array, size: number, dx: Float32Array): void {
  for (let i = 0; i < size; i++) dx[i] = dy[i]! * mask[i]!;
}

/** A seed for a Dropout layer without one: derived from its name, so runs stay reproducible. */
export function defaultDropoutSeed(layerName: string): number {
  let h = 2166136261;
  for (let i = 0; i < layerName.length; i++) h = Math.imul(h ^ layerName.charCodeAt(i), 16777619);
  return h >>> 0;
}
