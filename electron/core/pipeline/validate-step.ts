import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { iterateBatches, modelImageSize } from '../data/batches';
import { loadDataset } from '../data/load';
import type { Split } from '../data/types';
import { RuntimeWorker } from '../host/runtime-worker';
import { tfliteLogits } from '../host/validate';
import { readTflite } from '../tflite/read-model';
import { loadModel } from '../model/io';
import { createTrainer } from '../train/backend';
import type { BackendChoice } from '../train/types';
import { writeJsonAtomic } from '../util/atomic-write';
import { CONVERSION_FILE, readConversion, type ConvertedFile } from './convert-step';

const CHUNK = 500;

function argmax(values: Float32Array, offset: number, n: number): number {
  let best = 0;
  for (let i = 1; i < n; i++) if (values[offset + i]! > values[offset + best]!) best = i;
  return best;
}

/**
 * Runs one .tflite file in the real TFLite runtime over the whole test split and the same model in the training
 * engine, comparing logits (largest and mean absolute difference), predicted classes and accuracy.
 */
async function validateFile(
  runDir: string,
  file: ConvertedFile,
  test: Split,
  backend: BackendChoice,
  signal: AbortSignal | undefined,
): Promise<NonNullable<ConvertedFile['validation']>> {
  const bytes = new Uint8Array(await readFile(join(runDir, file.file)));
  readTflite(bytes, file.file); // a damaged file is refused before the runtime sees it
  const { spec, weights } = await loadModel(join(runDir, file.source));
  const trainer = await createTrainer(spec, weights, backend);
  let maxAbsDiff = 0;
  let sumAbsDiff = 0;
  let values = 0;
  let agree = 0;
  let correctTflite = 0;
  let correctTfjs = 0;
  const runtime = new RuntimeWorker();
  try {
    const imageSize = modelImageSize(spec.inputShape, spec.name);
    for (const batch of iterateBatches(test, CHUNK, { shuffle: false, imageSize })) {
      const reference = trainer.predict(batch.x, batch.size);
      const actual = await tfliteLogits(bytes, file.file, batch.x, batch.size, {
        worker: runtime,
        ...(signal ? { signal } : {}),
      });
      const classes = reference.length / batch.size;
      for (let i = 0; i < actual.length; i++) {
        const d = Math.abs(actual[i]! - reference[i]!);
        sumAbsDiff += d;
        if (!(d <= maxAbsDiff)) maxAbsDiff = d;
      }
      values += actual.length;
      for (let n = 0; n < batch.size; n++) {
        const a = argmax(actual, n * classes, classes);
        const r = argmax(reference, n * classes, classes);
        if (a === r) agree++;
        if (a === batch.labels[n]) correctTflite++;
        if (r === batch.labels[n]) correctTfjs++;
      }
    }
  } finally {
    trainer.dispose();
    await runtime.close();
  }
  return {
    maxAbsDiff,
    meanAbsDiff: values ? sumAbsDiff / values : 0,
    agreement: test.count ? agree / test.count : 0,
    images: test.count,
    accuracyTflite: test.count ? correctTflite / test.count : 0,
    accuracyTfjs: test.count ? correctTfjs / test.count : 0,
  };
}

/** Validates both .tflite files of a run on the test split of `data` (the data set the run was trained on). */
export async function validateInRun(
  runDir: string,
  data: { source: string; limit?: number; cacheDir?: string; signal?: AbortSignal },
  backend: BackendChoice,
): Promise<{ files: string[]; results: ConvertedFile[] }> {
  const { source, ...options } = data;
  const test = (await loadDataset(source, options)).test;
  const conversion = await readConversion(runDir);
  for (const file of conversion.files) file.validation = await validateFile(runDir, file, test, backend, data.signal);
  await writeJsonAtomic(join(runDir, CONVERSION_FILE), conversion);
  return { files: [CONVERSION_FILE], results: conversion.files };
}
