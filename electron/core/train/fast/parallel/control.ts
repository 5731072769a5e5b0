import type { ShardCollective } from './collective';

// The control block shared by the threads of one pool (Int32 words in the kernel memory) and the blocking
// primitives built on it. Workers block in Atomics.wait between commands; Node allows it on the main thread too.

export const Word = {
  /** Incremented by the main thread for every command. */
  COMMAND_GENERATION: 0,
  COMMAND: 1,
  /** Workers finished with the current command. */
  DONE: 2,
  BARRIER_COUNT: 3,
  BARRIER_GENERATION: 4,
  /** Set (to the failing shard + 1) when a thread fails; the text is in ERROR_TEXT. */
  ERROR: 5,
  /** Shards taking part in the current command (min(threads, rows)). */
  PARTIES: 6,
  ROWS: 7,
  X_PTR: 8,
  LABELS_PTR: 9,
  LOGITS_PTR: 10,
  /** Training steps dispatched before the current command. */
  STEP: 11,
  /** Set by the first failing thread before it writes ERROR_TEXT and ERROR. */
  ERROR_CLAIM: 12,
  ERROR_TEXT: 16,
} as const;
export const ERROR_TEXT_LENGTH = 240;
export const CONTROL_WORDS = Word.ERROR_TEXT + ERROR_TEXT_LENGTH;

export const Command = { TRAIN: 1, FORWARD: 2, STOP: 3 } as const;

const SPINS = 20_000;
const WAIT_MS = 1000;

/** Rows [start, start + rows) of shard `s` when `n` rows are split over `parties` shards (the first get one more). */
export function shardRows(n: number, parties: number, s: number): { start: number; rows: number } {
  const base = Math.floor(n / parties);
  const extra = n % parties;
  return { start: s * base + Math.min(s, extra), rows: base + (s < extra ? 1 : 0) };
}

export function throwIfFailed(ctrl: Int32Array): void {
  const failed = Atomics.load(ctrl, Word.ERROR);
  if (failed === 0) return;
  const codes = Array.from(ctrl.subarray(Word.ERROR_TEXT, Word.ERROR_TEXT + ERROR_TEXT_LENGTH)).filter((c) => c !== 0);
  throw new Error(`Training thread ${failed - 1} failed: ${String.fromCharCode(...codes)}`);
}

/** Records the first failure (later ones are its consequences: shards that gave up waiting) and wakes every waiter. */
export function reportFailure(ctrl: Int32Array, shard: number, error: unknown): void {
  if (Atomics.compareExchange(ctrl, Word.ERROR_CLAIM, 0, 1) === 0) {
    const text = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_TEXT_LENGTH);
    for (let i = 0; i < ERROR_TEXT_LENGTH; i++) ctrl[Word.ERROR_TEXT + i] = i < text.length ? text.charCodeAt(i) : 0;
    Atomics.store(ctrl, Word.ERROR, shard + 1);
  }
  Atomics.notify(ctrl, Word.BARRIER_GENERATION);
  Atomics.notify(ctrl, Word.COMMAND_GENERATION);
  Atomics.notify(ctrl, Word.DONE);
}

/** Blocks while ctrl[index] === value: spins briefly (steps are milliseconds apart), then sleeps in Atomics.wait. */
export function waitWhileEqual(ctrl: Int32Array, index: number, value: number, checkErrors: boolean): void {
  for (let i = 0; i < SPINS; i++) if (Atomics.load(ctrl, index) !== value) return;
  while (Atomics.load(ctrl, index) === value) {
    Atomics.wait(ctrl, index, value, WAIT_MS);
    if (checkErrors) throwIfFailed(ctrl);
  }
}

function barrier(ctrl: Int32Array, parties: number): void {
  const generation = Atomics.load(ctrl, Word.BARRIER_GENERATION);
  if (Atomics.add(ctrl, Word.BARRIER_COUNT, 1) === parties - 1) {
    Atomics.store(ctrl, Word.BARRIER_COUNT, 0);
    Atomics.add(ctrl, Word.BARRIER_GENERATION, 1);
    Atomics.notify(ctrl, Word.BARRIER_GENERATION);
    return;
  }
  waitWhileEqual(ctrl, Word.BARRIER_GENERATION, generation, true);
}

/**
 * The collective of shard `shard` out of `parties` for one command: allGather writes into its slot of one of two
 * exchange areas (alternating, so a fast shard never overwrites values a slow one is still reading), meets the
 * other shards at a barrier and returns every slot.
 */
export function shardCollective(
  ctrl: Int32Array,
  exchange: [Float64Array, Float64Array],
  slot: number,
  shard: number,
  parties: number,
  totalSamples: number,
): ShardCollective {
  let call = 0;
  return {
    totalSamples,
    firstRow: shardRows(totalSamples, parties, shard).start,
    step: Atomics.load(ctrl, Word.STEP),
    allGather(values) {
      if (values.length > slot) throw new Error(`allGather of ${values.length} values; the exchange holds ${slot}`);
      const area = exchange[call++ % 2]!;
      area.set(values, shard * slot);
      barrier(ctrl, parties);
      return Array.from({ length: parties }, (_, s) => area.subarray(s * slot, s * slot + values.length));
    },
  };
}
