import { createRng } from '../../util/rng';
import { HEAP_MEMORY, type TensorMemory } from './tensor-memory';

// Inverted dropout (training only): each value is kept with probability 1 - rate and scaled by 1 / (1 - rate), as
// tf.dropout computes it (x * floor(u + keep) / keep). A sample's mask depends only on the layer's seed, the training
// step and the sample's row in the whole batch, so a run is reproducible, every step draws a fresh mask, and a batch
// split over threads drops exactly what one thread would.

/** Where a mask's rows sit: the training step and the batch row of the first of them. */
export interface MaskPlacement {
  step: number;
  firstRow: number;
}

/** A 32-bit seed for (layer seed, step, row): murmur3's finalizer over the mixed words. */
function rowSeed(seed: number, step: number, row: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(step + 1, 0xc2b2ae35) ^ Math.imul(row + 1, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class DropoutMasks {
  readonly rate: number;
  readonly #seed: number;
  readonly #memory: TensorMemory;
  #draws = 0;
  #mask: Float32Array = new Float32Array(0);

  constructor(rate: number, seed: number, memory: TensorMemory = HEAP_MEMORY) {
    if (!(rate >= 0 && rate < 1)) throw new Error(`Dropout rate must be in [0, 1), got ${rate}`);
    this.rate = rate;
    this.#seed = seed >>> 0;
    this.#memory = memory;
  }

  /**
   * Draws a new mask for `rows` samples of `perRow` values: 0 (dropped) or 1 / (1 - rate) (kept). Without a
   * placement the rows are the batch's first and the step is this object's count of draws. Valid until the next draw.
   */
  draw(rows: number, perRow: number, placement?: MaskPlacement): Float32Array {
    const { step, firstRow } = placement ?? { step: this.#draws, firstRow: 0 };
    this.#draws++;
    const size = rows * perRow;
    if (this.#mask.length < size) this.#mask = this.#memory.f32(size);
    const keep = 1 - this.rate;
    const scale = Math.fround(1 / Math.fround(keep));
    const mask = this.#mask;
    for (let r = 0; r < rows; r++) {
      const rng = createRng(rowSeed(this.#seed, step, firstRow + r));
      const base = r * perRow;
      for (let i = 0; i < perRow; i++) mask[base + i] = rng.next() < this.rate ? 0 : scale;
    }
    return mask;
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
