import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ModelSpec } from '../../../../../shared/model-spec';
import type { ModelWeights } from '../../../model/weights';
import type { Network } from '../network';
import type { KernelMemory } from '../wasm/kernel-memory';
import { withCollective } from './collective';
import {
  Command,
  CONTROL_WORDS,
  reportFailure,
  shardCollective,
  shardRows,
  throwIfFailed,
  waitWhileEqual,
  Word,
} from './control';
import type { ThreadReady, ThreadSetup } from './layout';

/** The training thread's script: the TypeScript source through tsx's loader, or the bundled file next to the app's. */
function spawnThread(setup: ThreadSetup): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const entry = new URL('./thread-entry.ts', here).href;
    return new Worker(new URL('../../../jobs/tsx-worker-bootstrap.mjs', here), { workerData: { ...setup, entry } });
  }
  const bundled = new URL('./train-thread.mjs', here);
  if (!existsSync(fileURLToPath(bundled))) throw new Error(`Cannot find the training thread script ${bundled.href}`);
  return new Worker(bundled, { workerData: setup });
}

/**
 * Data-parallel execution of one Network over `threads` threads: this thread is shard 0 and runs the Network it is
 * bound to; threads - 1 workers each run a replica whose trainable weights are the same buffers (the kernel memory
 * is shared). A batch is split into contiguous shards; batch normalisation is synchronised across the shards
 * (collective.ts), so a step computes exactly the full batch's gradient; the shards' gradients are added in shard
 * order, so a given thread count gives bit-identical results run after run.
 */
export class ThreadPool {
  readonly threads: number;
  readonly #memory: KernelMemory;
  readonly #spec: ModelSpec;
  readonly #weights: ModelWeights;
  readonly #ctrl: Int32Array;
  readonly #workers: Worker[] = [];
  #network: Network | null = null;
  #exchange: [Float64Array, Float64Array] | null = null;
  #exchangeSlot = 0;
  #results: Float64Array;
  #grads: { main: Float64Array; shards: number[] }[] = [];
  #logits: Float32Array = new Float32Array(0);
  #ready: Promise<void> | null = null;
  #trainSteps = 0;
  #closed = false;

  constructor(memory: KernelMemory, spec: ModelSpec, weights: ModelWeights, threads: number) {
    this.threads = threads;
    this.#memory = memory;
    this.#spec = spec;
    this.#weights = weights;
    this.#ctrl = memory.i32(CONTROL_WORDS);
    this.#results = memory.f64(2 * threads);
  }

  /** Starts the workers for `network` (this thread's, shard 0); ready() resolves once they run. */
  bind(network: Network): void {
    this.#network = network;
    // Batch-norm sums exchange 1 + 2 * channels values; a one-dimensional weight is at most one layer's channels.
    const channels = Math.max(1, ...network.params.filter((p) => p.shape.length === 1).map((p) => p.values.length));
    this.#exchangeSlot = 2 + 2 * channels;
    const size = this.threads * this.#exchangeSlot;
    this.#exchange = [this.#memory.f64(size), this.#memory.f64(size)];
    const setup = (shard: number): ThreadSetup => ({
      memory: this.#memory.memory,
      shard,
      threads: this.threads,
      spec: this.#spec,
      weights: this.#weights.tensors,
      controlPtr: this.#ctrl.byteOffset,
      exchangePtrs: [this.#exchange![0].byteOffset, this.#exchange![1].byteOffset],
      exchangeSlot: this.#exchangeSlot,
      resultsPtr: this.#results.byteOffset,
      params: network.params.map((p) => ({ ptr: p.values.byteOffset, length: p.values.length, trainable: p.trainable })),
    });
    const trainable = network.params.filter((p) => p.trainable);
    this.#grads = trainable.map((p) => ({ main: p.grad!, shards: [] }));
    const started = Array.from({ length: this.threads - 1 }, (_, i) => {
      const worker = spawnThread(setup(i + 1));
      this.#workers.push(worker);
      return new Promise<void>((resolve, reject) => {
        worker.once('message', (message: ThreadReady) => {
          message.gradPtrs.forEach((ptr, j) => (this.#grads[j]!.shards[i] = ptr));
          resolve();
        });
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`A training thread stopped while starting (exit code ${code})`)));
      });
    });
    this.#ready = Promise.all(started).then(() => undefined);
  }

  ready(): Promise<void> {
    if (!this.#ready) throw new Error('ThreadPool.bind() was not called');
    return this.#ready;
  }

  #dispatch(command: number, n: number, pointers: { x: number; labels: number; logits: number }): number {
    if (this.#closed) throw new Error('The training threads were closed');
    throwIfFailed(this.#ctrl);
    const parties = Math.min(this.threads, n);
    const ctrl = this.#ctrl;
    Atomics.store(ctrl, Word.COMMAND, command);
    Atomics.store(ctrl, Word.PARTIES, parties);
    Atomics.store(ctrl, Word.ROWS, n);
    Atomics.store(ctrl, Word.X_PTR, pointers.x);
    Atomics.store(ctrl, Word.LABELS_PTR, pointers.labels);
    Atomics.store(ctrl, Word.LOGITS_PTR, pointers.logits);
    Atomics.store(ctrl, Word.DONE, 0);
    Atomics.add(ctrl, Word.COMMAND_GENERATION, 1);
    Atomics.notify(ctrl, Word.COMMAND_GENERATION);
    return parties;
  }

  /**
   * Runs this thread's shard, then waits for the workers. When this shard fails, the failure is posted first, so
   * workers waiting for it at a batch-norm exchange give up instead of waiting forever; the pool stays failed.
   */
  #runShard<T>(body: () => T): T {
    let result: T;
    try {
      result = body();
    } catch (error) {
      reportFailure(this.#ctrl, 0, error);
      try {
        this.#awaitWorkers();
      } catch {
        // This shard's own error is the one to report.
      }
      throw error;
    }
    this.#awaitWorkers();
    return result;
  }

  #awaitWorkers(): void {
    const ctrl = this.#ctrl;
    for (;;) {
      const done = Atomics.load(ctrl, Word.DONE);
      if (done === this.threads - 1) break;
      waitWhileEqual(ctrl, Word.DONE, done, true);
    }
    throwIfFailed(ctrl);
  }

  /** Network.lossAndGradients over the whole batch; x and labels must live in the kernel memory. */
  lossAndGradients(x: Float32Array, labels: Int32Array, n: number): { loss: number; correct: number } {
    const network = this.#network!;
    Atomics.store(this.#ctrl, Word.STEP, this.#trainSteps++);
    const parties = this.#dispatch(Command.TRAIN, n, { x: x.byteOffset, labels: labels.byteOffset, logits: 0 });
    const { rows } = shardRows(n, parties, 0);
    const size = network.inputSize;
    const collective = shardCollective(this.#ctrl, this.#exchange!, this.#exchangeSlot, 0, parties, n);
    const own = this.#runShard(() =>
      withCollective(collective, () => network.lossAndGradients(x.subarray(0, rows * size), labels.subarray(0, rows), rows)),
    );
    let lossSum = own.loss * rows;
    let correct = own.correct;
    for (let s = 1; s < parties; s++) {
      lossSum += this.#results[2 * s]!;
      correct += this.#results[2 * s + 1]!;
    }
    for (const { main, shards } of this.#grads) {
      for (let s = 1; s < parties; s++) this.#memory.k.addF64(main.byteOffset, shards[s - 1]!, main.length);
    }
    return { loss: lossSum / n, correct };
  }

  /** Inference logits [n, classes] (a buffer reused by the next call); x must live in the kernel memory. */
  forward(x: Float32Array, n: number): Float32Array {
    const network = this.#network!;
    const classes = network.classes;
    if (this.#logits.length < n * classes) this.#logits = this.#memory.f32(n * classes);
    const parties = this.#dispatch(Command.FORWARD, n, { x: x.byteOffset, labels: 0, logits: this.#logits.byteOffset });
    const { rows } = shardRows(n, parties, 0);
    this.#runShard(() => {
      const logits = network.forward(x.subarray(0, rows * network.inputSize), rows, false);
      this.#logits.set(logits.subarray(0, rows * classes));
    });
    return this.#logits.subarray(0, n * classes);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    Atomics.store(this.#ctrl, Word.COMMAND, Command.STOP);
    Atomics.add(this.#ctrl, Word.COMMAND_GENERATION, 1);
    Atomics.notify(this.#ctrl, Word.COMMAND_GENERATION);
    for (const worker of this.#workers) worker.unref();
  }
}
