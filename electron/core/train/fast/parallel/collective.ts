/**
 * The shards of one data-parallel training step, as seen from inside the kernels of one thread. While a step runs
 * on several threads, batch normalisation exchanges its per-channel sums through here, so every shard normalises
 * with the statistics of the whole batch (synchronised batch norm), and the loss gradient is scaled by the whole
 * batch size. Outside a parallel step there is no collective and the kernels see only their own batch.
 */
export interface ShardCollective {
  /** Samples in the whole batch (all shards). */
  readonly totalSamples: number;
  /** This shard's first row in the whole batch. */
  readonly firstRow: number;
  /** Training steps the pool ran before this one (Dropout draws its masks from it). */
  readonly step: number;
  /**
   * Every shard calls this at the same point with the same number of values; returns every shard's values, in shard
   * order (the same arrays on every shard, valid until the second next call), so each shard can combine them in the
   * same fixed order and get bit-identical results.
   */
  allGather(values: Float64Array): Float64Array[];
}

let active: ShardCollective | null = null;

export function activeCollective(): ShardCollective | null {
  return active;
}

export function withCollective<T>(collective: ShardCollective | null, body: () => T): T {
  const previous = active;
  active = collective;
  try {
    return body();
  } finally {
    active = previous;
  }
}
