import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelSpec, ModelSpecV1 } from '../../../shared/model-spec';
import { MODEL_SPEC_FORMAT, MODEL_SPEC_VERSION } from '../../../shared/model-spec';
import { writeFileAtomic, writeJsonAtomic } from '../util/atomic-write';
import { UserError } from '../util/errors';
import { migrateV1 } from './chain';
import { modelWeightShapes } from './shapes';
import { ModelWeights } from './weights';

export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

interface WeightManifestEntry {
  name: string;
  shape: number[];
  trainable: boolean;
  dtype: 'float32';
  offset: number;
}

interface SavedModelFile {
  spec: ModelSpec | ModelSpecV1;
  weightsFile: string;
  weights: WeightManifestEntry[];
}

/** Writes `model.json` (spec + weight manifest) and `weights.bin` (little-endian float32) into `dir`. */
export async function saveModel(dir: string, spec: ModelSpec, weights: ModelWeights, prefix = ''): Promise<void> {
  const manifest: WeightManifestEntry[] = [];
  let offset = 0;
  for (const tensor of weights.tensors) {
    manifest.push({ name: tensor.name, shape: tensor.shape, trainable: tensor.trainable, dtype: 'float32', offset });
    offset += tensor.values.length * 4;
  }
  const bytes = new Uint8Array(offset);
  const view = new DataView(bytes.buffer);
  for (const [i, tensor] of weights.tensors.entries()) {
    const base = manifest[i]!.offset;
    tensor.values.forEach((v, j) => view.setFloat32(base + j * 4, v, true));
  }
  const weightsFile = `${prefix}${WEIGHTS_FILE}`;
  await writeFileAtomic(join(dir, weightsFile), bytes);
  const file: SavedModelFile = { spec, weightsFile, weights: manifest };
  await writeJsonAtomic(join(dir, `${prefix}${MODEL_FILE}`), file);
}

export interface LoadedModel {
  spec: ModelSpec;
  weights: ModelWeights;
}

/** Reads a model written by `saveModel`; every inconsistency is reported with the file name. */
export async function loadModel(dir: string, prefix = ''): Promise<LoadedModel> {
  const modelPath = join(dir, `${prefix}${MODEL_FILE}`);
  let file: SavedModelFile;
  try {
    file = JSON.parse(await readFile(modelPath, 'utf8')) as SavedModelFile;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UserError(
      missing ? 'MODEL_NOT_FOUND' : 'MODEL_UNREADABLE',
      missing ? `No model at ${modelPath}` : `${modelPath} is not a valid model file: ${(error as Error).message}`,
      missing ? 'Point to a run folder that contains a trained model (run `train` first).' : undefined,
    );
  }
  const spec = readSpec(file.spec, modelPath);
  const weightsPath = join(dir, file.weightsFile);
  const bytes = await readFile(weightsPath).catch(() => {
    throw new UserError('MODEL_UNREADABLE', `Missing weights file ${weightsPath} for ${modelPath}`);
  });
  let expected;
  try {
    expected = modelWeightShapes(spec);
  } catch (error) {
    throw new UserError(
      'MODEL_UNREADABLE',
      `${modelPath}: ${(error as Error).message}`,
      'Fix the model description or re-create the model.',
    );
  }
  if (expected.length !== file.weights.length) {
    throw new UserError(
      'MODEL_UNREADABLE',
      `${modelPath} lists ${file.weights.length} weights, its layers need ${expected.length}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tensors = file.weights.map((entry, i) => {
    const size = entry.shape.reduce((a, b) => a * b, 1);
    if (expected[i]!.shape.join(',') !== entry.shape.join(',')) {
      throw new UserError(
        'MODEL_UNREADABLE',
        `${modelPath}: weight '${entry.name}' has shape [${entry.shape}], expected [${expected[i]!.shape}]`,
      );
    }
    if (entry.offset + size * 4 > bytes.byteLength) {
      throw new UserError('MODEL_UNREADABLE', `${weightsPath} is truncated (weight '${entry.name}' ends past the file)`);
    }
    const values = new Float32Array(size);
    for (let j = 0; j < size; j++) values[j] = view.getFloat32(entry.offset + j * 4, true);
    return { name: entry.name, shape: entry.shape, trainable: entry.trainable, values };
  });
  return { spec, weights: new ModelWeights(tensors) };
}

/** The file's spec as v2: v1 chains are migrated; anything else is rejected with the file name. */
function readSpec(spec: ModelSpec | ModelSpecV1 | undefined, modelPath: string): ModelSpec {
  if (spec?.format === MODEL_SPEC_FORMAT && spec.version === 1 && Array.isArray(spec.layers)) return migrateV1(spec);
  if (spec?.format === MODEL_SPEC_FORMAT && spec.version === MODEL_SPEC_VERSION && Array.isArray(spec.layers)) return spec;
  throw new UserError(
    'MODEL_UNREADABLE',
    `${modelPath} is not a Sparse Studio model (format ${MODEL_SPEC_FORMAT} v1 or v${MODEL_SPEC_VERSION})`,
  );
}
