import { defaultTrainThreads } from '../../threads';
import type { Trainer, TrainerOptions } from '../../types';
import { createFastTrainer, createFastTrainerWith } from '../trainer';
import { KernelMemory } from '../wasm/kernel-memory';
import { ThreadPool } from './thread-pool';

/**
 * The fast engine on `threads` threads (this one and threads - 1 workers). One thread, or a runtime without the
 * WebAssembly kernels (which the threads share memory through), gives the single-thread trainer.
 */
export async function createParallelFastTrainer(options: TrainerOptions, threads = defaultTrainThreads()): Promise<Trainer> {
  const memory = threads > 1 ? KernelMemory.create() : null;
  if (!memory) return createFastTrainer(options);
  const pool = new ThreadPool(memory, options.spec, options.weights, threads);
  const trainer = createFastTrainerWith(options, { memory, pool });
  try {
    await pool.ready();
  } catch (error) {
    trainer.dispose();
    throw error;
  }
  return trainer;
}
