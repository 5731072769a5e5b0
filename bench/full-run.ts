import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { loadDataset } from '../electron/core/data/load';
import { guideModel } from '../electron/core/model/baseline';
import { initWeights } from '../electron/core/model/weights';
import { evaluateSplit, fit } from '../electron/core/train/fit';
import { createFastTrainer } from '../electron/core/train/fast/trainer';
import { cpuMs, peakRssMb } from './measure';

export const SHARED_CIFAR_JPG = fileURLToPath(new URL('../../shared/datasets/cifar10-jpg.tar.gz', import.meta.url));

export interface FullRunResult {
  data: string;
  epochs: number;
  batchSize: number;
  loadSeconds: number;
  trainSeconds: number;
  /** CPU time of the training (10 epochs incl. validation): the wall time on an otherwise idle machine. */
  trainCpuSeconds: number;
  meanMsPerStep: number;
  testAccuracy: number;
  testLoss: number;
  valAccuracy: number;
  peakRssMb: number;
}

/** The guide's dense training (Adam 1e-3, batch 128, 10 % validation) on the fast engine, then the test set. */
export async function fullRun(data: string, epochs: number, log: (line: string) => void): Promise<FullRunResult> {
  if (!existsSync(data)) throw new Error(`Data set not found: ${data}. Pass --data PATH (a CIFAR-10 image folder archive).`);
  const loadStart = performance.now();
  const dataset = await loadDataset(data);
  const loadSeconds = (performance.now() - loadStart) / 1000;
  log(
    `loaded ${dataset.train.count} train / ${dataset.validation.count} validation / ${dataset.test.count} test images in ${loadSeconds.toFixed(1)} s`,
  );
  const spec = guideModel(false);
  const trainer = createFastTrainer({ spec, weights: initWeights(spec, 42) });
  const batchSize = 128;
  const cpuBefore = cpuMs();
  const result = await fit({
    trainer,
    train: dataset.train,
    validation: dataset.validation,
    epochs,
    batchSize,
    seed: 42,
    onProgress: (event) => {
      if (event.kind === 'epoch') {
        log(
          `epoch ${event.epoch + 1}/${epochs}: loss ${event.loss.toFixed(4)} acc ${event.accuracy.toFixed(4)} ` +
            `val_loss ${event.valLoss.toFixed(4)} val_acc ${event.valAccuracy.toFixed(4)} (${event.seconds.toFixed(1)} s wall, ${((cpuMs() - cpuBefore) / 1000).toFixed(0)} s CPU so far)`,
        );
      }
    },
  });
  const trainCpuSeconds = (cpuMs() - cpuBefore) / 1000;
  const test = evaluateSplit(trainer, dataset.test, batchSize);
  return {
    data,
    epochs,
    batchSize,
    loadSeconds,
    trainSeconds: result.seconds,
    trainCpuSeconds,
    meanMsPerStep: result.meanMsPerStep,
    testAccuracy: test.accuracy,
    testLoss: test.loss,
    valAccuracy: result.epochs.at(-1)?.valAccuracy ?? NaN,
    peakRssMb: peakRssMb(),
  };
}
