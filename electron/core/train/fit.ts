import { iterateBatches, modelImageSize } from '../data/batches';
import type { Split } from '../data/types';
import { CancelledError } from '../util/cancel';
import { createRng } from '../util/rng';
import type { EpochProgress, FitOptions, FitResult } from './fit-types';
import type { EvalResult, Trainer, TrainingHooks } from './types';

export { CancelledError, isCancellation } from '../util/cancel';

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/** Images are resized to the model's input size (see iterateBatches). */
function trainerImageSize(trainer: Trainer): [number, number] {
  return modelImageSize(trainer.spec.inputShape, trainer.spec.name);
}

/** Loss and accuracy over a whole split, in inference mode. */
export function evaluateSplit(trainer: Trainer, split: Split, batchSize: number, hooks?: TrainingHooks): EvalResult {
  hooks?.beforeInference?.(trainer.weights());
  return trainer.evaluate(iterateBatches(split, batchSize, { shuffle: false, imageSize: trainerImageSize(trainer) }));
}

/**
 * Keras-style `fit`: shuffled mini-batches each epoch, validation after each epoch, hooks around batches and epochs.
 * Yields to the event loop after every batch so a cancel request can arrive.
 */
export async function fit(options: FitOptions): Promise<FitResult> {
  const { trainer, train, validation, epochs, batchSize, hooks, onProgress, signal } = options;
  const rng = createRng(options.seed);
  const imageSize = trainerImageSize(trainer);
  const stepsPerEpoch = Math.ceil(train.count / batchSize);
  const epochResults: EpochProgress[] = [];
  const batches: FitResult['batches'] = [];
  const started = performance.now();
  let step = 0;
  let trainMs = 0;

  for (let epoch = 0; epoch < epochs; epoch++) {
    const epochStart = performance.now();
    let lossSum = 0;
    let correct = 0;
    let seen = 0;
    let stepInEpoch = 0;
    for (const batch of iterateBatches(train, batchSize, { shuffle: true, rng, imageSize })) {
      throwIfCancelled(signal);
      step++;
      stepInEpoch++;
      const t0 = performance.now();
      hooks?.beforeTrainBatch?.(step, trainer.weights());
      const result = trainer.trainStep(batch);
      const ms = performance.now() - t0;
      trainMs += ms;
      lossSum += result.loss * batch.size;
      correct += result.accuracy * batch.size;
      seen += batch.size;
      batches.push({ step, loss: result.loss, accuracy: result.accuracy });
      onProgress?.({
        kind: 'batch',
        epoch,
        step,
        stepInEpoch,
        stepsPerEpoch,
        loss: result.loss,
        accuracy: result.accuracy,
        imagesPerSecond: (batch.size * 1000) / ms,
        msPerStep: ms,
      });
      await yieldToEventLoop();
    }
    throwIfCancelled(signal);
    const val = evaluateSplit(trainer, validation, batchSize, hooks);
    hooks?.onEpochEnd?.(epoch, trainer.weights());
    const summary: EpochProgress = {
      kind: 'epoch',
      epoch,
      epochs,
      loss: lossSum / seen,
      accuracy: correct / seen,
      valLoss: val.loss,
      valAccuracy: val.accuracy,
      seconds: (performance.now() - epochStart) / 1000,
    };
    epochResults.push(summary);
    onProgress?.(summary);
    await yieldToEventLoop();
  }
  return {
    epochs: epochResults,
    batches,
    steps: step,
    seconds: (performance.now() - started) / 1000,
    meanMsPerStep: step ? trainMs / step : 0,
  };
}
