import type { ModelSpec } from '../../../shared/model-spec';
import type { ModelWeights } from '../model/weights';
import { readTflite } from '../tflite/read-model';
import { createTrainer } from '../train/backend';
import type { BackendChoice } from '../train/types';
import { UserError } from '../util/errors';
import { runRuntimeRequest, type RuntimeCallOptions, type RuntimeWorker } from './runtime-worker';

export interface ValidationResult {
  file: string;
  images: number;
  /** Largest |logit_tflite - logit_reference| over all images and classes. */
  maxAbsDiff: number;
  meanAbsDiff: number;
  /** Fraction of images whose predicted class is the same in both. */
  classAgreement: number;
  disagreements: number[];
  referenceBackend: string;
}

function argmax(values: Float32Array, offset: number, n: number): number {
  let best = 0;
  for (let i = 1; i < n; i++) if (values[offset + i]! > values[offset + best]!) best = i;
  return best;
}

/**
 * Logits of a .tflite model for `count` NHWC images (one inference per image, as the file's batch is 1), computed in
 * a watchdog-guarded runtime worker after the reader has checked the file.
 */
export async function tfliteLogits(
  bytes: Uint8Array,
  file: string,
  images: Float32Array,
  count: number,
  options: RuntimeCallOptions & { worker?: RuntimeWorker } = {},
): Promise<Float32Array> {
  const { worker, ...call } = options;
  if (!worker) readTflite(bytes, file); // a damaged file is refused here, before the runtime sees it
  const request = { bytes, file, images, count };
  return worker ? worker.request('logits', request, call) : runRuntimeRequest('logits', request, call);
}

/**
 * Runs the .tflite file in the real TFLite runtime and the source model in TF.js on the same images, and compares
 * logits and predicted classes.
 */
export async function validateTflite(
  bytes: Uint8Array,
  file: string,
  source: { spec: ModelSpec; weights: ModelWeights },
  images: Float32Array,
  count: number,
  backend: BackendChoice = 'tfjs-cpu',
  options: RuntimeCallOptions = {},
): Promise<ValidationResult> {
  readTflite(bytes, file); // a damaged file is reported here, before the native runtime sees it
  const [h, w, c] = source.spec.inputShape;
  if (images.length !== count * h * w * c) {
    throw new UserError('VALIDATE_INPUT', `Expected ${count} images of ${h}x${w}x${c}, got ${images.length} values`);
  }
  const trainer = await createTrainer(source.spec, source.weights, backend);
  let reference: Float32Array;
  try {
    reference = trainer.predict(images, count);
  } finally {
    trainer.dispose();
  }
  const actual = await tfliteLogits(bytes, file, images, count, options);
  if (actual.length !== reference.length) {
    throw new UserError(
      'VALIDATE_MISMATCH',
      `${file} gives ${actual.length / count} outputs per image, the model in the run folder ${reference.length / count}`,
      'Validate the .tflite file against the run folder it was converted from.',
    );
  }
  const classes = reference.length / count;
  let max = 0;
  let sum = 0;
  const disagreements: number[] = [];
  for (let i = 0; i < actual.length; i++) {
    const d = Math.abs(actual[i]! - reference[i]!);
    sum += d;
    if (!(d <= max)) max = d;
  }
  for (let n = 0; n < count; n++)
    if (argmax(actual, n * classes, classes) !== argmax(reference, n * classes, classes)) disagreements.push(n);
  return {
    file,
    images: count,
    maxAbsDiff: max,
    meanAbsDiff: sum / actual.length,
    classAgreement: (count - disagreements.length) / count,
    disagreements,
    referenceBackend: trainer.backend,
  };
}
