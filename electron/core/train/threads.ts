import { availableParallelism } from 'node:os';
import { MAX_TRAIN_THREADS, type TrainThreadsChoice } from './types';

/** One thread per core (what 'auto' means). */
export function defaultTrainThreads(): number {
  return Math.min(MAX_TRAIN_THREADS, availableParallelism());
}

/** The thread count a choice stands for; absent = 'auto'. */
export function resolveTrainThreads(choice: TrainThreadsChoice | undefined): number {
  return choice === undefined || choice === 'auto' ? defaultTrainThreads() : choice;
}
