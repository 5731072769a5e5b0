// A training thread of the data-parallel fast engine (see thread-pool.ts): builds a replica of the network in the
// shared kernel memory, points its weights at the main thread's, then runs the shard of each command it is given.
import { parentPort, workerData } from 'node:worker_threads';
import { ModelWeights } from '../../../model/weights';
import { Network } from '../network';
import { KernelMemory } from '../wasm/kernel-memory';
import { withCollective } from './collective';
import { Command, CONTROL_WORDS, reportFailure, shardCollective, shardRows, waitWhileEqual, Word } from './control';
import type { ThreadReady, ThreadSetup } from './layout';

const setup = workerData as ThreadSetup;
const km = KernelMemory.attach(setup.memory);
const ctrl = km.i32At(setup.controlPtr, CONTROL_WORDS);
const network = new Network(setup.spec, new ModelWeights(setup.weights), km);
const shared = setup.params.map((p) => km.f32At(p.ptr, p.length));
// Trainable weights are the main thread's own buffers. Batch-norm moving statistics stay per thread (each thread
// updates them from the same synchronised batch statistics; only the main thread's are kept) and are copied from
// the main thread before inference.
network.params.forEach((p, i) => {
  if (p.trainable) p.values = shared[i]!;
});
const exchange: [Float64Array, Float64Array] = [
  km.f64At(setup.exchangePtrs[0], setup.threads * setup.exchangeSlot),
  km.f64At(setup.exchangePtrs[1], setup.threads * setup.exchangeSlot),
];
const results = km.f64At(setup.resultsPtr, 2 * setup.threads);
parentPort!.postMessage({
  type: 'ready',
  gradPtrs: network.params.filter((p) => p.trainable).map((p) => p.grad!.byteOffset),
} satisfies ThreadReady);

function run(command: number): void {
  const parties = Atomics.load(ctrl, Word.PARTIES);
  if (setup.shard >= parties) return;
  const n = Atomics.load(ctrl, Word.ROWS);
  const { start, rows } = shardRows(n, parties, setup.shard);
  const size = network.inputSize;
  const x = km.f32At(Atomics.load(ctrl, Word.X_PTR) + start * size * 4, rows * size);
  if (command === Command.TRAIN) {
    const labels = km.i32At(Atomics.load(ctrl, Word.LABELS_PTR) + start * 4, rows);
    const collective = shardCollective(ctrl, exchange, setup.exchangeSlot, setup.shard, parties, n);
    const { loss, correct } = withCollective(collective, () => network.lossAndGradients(x, labels, rows));
    results[2 * setup.shard] = loss * rows;
    results[2 * setup.shard + 1] = correct;
  } else {
    network.params.forEach((p, i) => {
      if (!p.trainable) p.values.set(shared[i]!);
    });
    const logits = network.forward(x, rows, false);
    const classes = network.classes;
    km.f32At(Atomics.load(ctrl, Word.LOGITS_PTR) + start * classes * 4, rows * classes).set(logits.subarray(0, rows * classes));
  }
}

let generation = 0;
for (;;) {
  waitWhileEqual(ctrl, Word.COMMAND_GENERATION, generation, false);
  generation = Atomics.load(ctrl, Word.COMMAND_GENERATION);
  const command = Atomics.load(ctrl, Word.COMMAND);
  if (command === Command.STOP) break;
  try {
    run(command);
  } catch (error) {
    reportFailure(ctrl, setup.shard, error);
  }
  Atomics.add(ctrl, Word.DONE, 1);
  Atomics.notify(ctrl, Word.DONE);
}
