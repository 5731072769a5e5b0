import type { ModelSpec, WeightTensor } from '../../../../../shared/model-spec';

/** What a training thread is started with (workerData): where everything the threads share lives. */
export interface ThreadSetup {
  memory: WebAssembly.Memory;
  shard: number;
  threads: number;
  spec: ModelSpec;
  weights: WeightTensor[];
  /** Int32 control block (control.ts). */
  controlPtr: number;
  /** Two exchange areas of threads * exchangeSlot float64 values each. */
  exchangePtrs: [number, number];
  exchangeSlot: number;
  /** Float64 [threads, 2]: each shard's loss sum and correct count. */
  resultsPtr: number;
  /** The main thread's weights, in Network.params order: every thread trains the same weights in place. */
  params: { ptr: number; length: number; trainable: boolean }[];
}

/** Sent by a thread once its network is built: where its gradients are (trainable params, in order). */
export interface ThreadReady {
  type: 'ready';
  gradPtrs: number[];
}
