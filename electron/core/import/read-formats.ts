// The three file formats -> a model config and its weights. Detection goes by content (magic bytes), not the name.
import { unzipSync } from 'fflate';
import { UserError } from '../util/errors';
import { floatDataset, isDataset, isGroup, readH5, stringAttribute, stringListAttribute, type Group } from './hdf5';
import { isObject, type Json, type JsonObject } from './keras-json';
import { unwrapModelConfig } from './keras-topology';
import { readTfjsWeights, type SiblingReader } from './tfjs-weights';
import { cleanWeightName, Keras3WeightSource, NamedWeightSource, type SourceTensor, type WeightSource } from './weight-source';

export type ImportFormat = 'tfjs-layers' | 'keras-h5' | 'keras-v3';

export interface ImportInput {
  /** The file's name (for messages and the run record). */
  fileName: string;
  bytes: Uint8Array;
  /** Reads files next to it (TF.js weight shards). */
  readSibling: SiblingReader;
}

export interface ReadModel {
  format: ImportFormat;
  modelConfig: JsonObject;
  weights: WeightSource;
  /** Keras 2 and TF.js define hard_sigmoid differently from Keras 3. */
  legacyHardSigmoid: boolean;
  /** What wrote it, when the file says (keras_version / generatedBy). */
  producer: string | undefined;
}

/** Largest file we unpack from a .keras archive (a zip bomb cannot make us allocate more). */
const MAX_ENTRY_BYTES = 2 ** 31 - 1;

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isHdf5 = (b: Uint8Array): boolean => [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v);

/** Keras 3 configs carry `module` / `registered_name` on every object; Keras 2 and TF.js do not. */
function isKeras3Config(config: JsonObject): boolean {
  return 'module' in config || 'registered_name' in config;
}

function parseJson(bytes: Uint8Array, file: string): Json {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as Json;
  } catch (error) {
    throw new UserError('IMPORT_BAD_FILE', `${file} is not valid JSON: ${(error as Error).message}`, 'Give a TF.js model.json, a .keras or a .h5 Keras model file.');
  }
}

async function readTfjs(input: ImportInput): Promise<ReadModel> {
  const json = parseJson(input.bytes, input.fileName);
  if (!isObject(json)) throw new UserError('IMPORT_BAD_FILE', `${input.fileName} is JSON but not a model (not an object)`);
  const hasTopology = json.modelTopology !== undefined || json.class_name !== undefined || json.model_config !== undefined;
  if (!hasTopology)
    throw new UserError('IMPORT_BAD_FILE', `${input.fileName} is not a TF.js Layers model (no modelTopology)`, 'TF.js graph models (tf.saved_model converted) cannot be imported: convert the Keras model with --input_format keras.');
  const modelConfig = unwrapModelConfig(json, input.fileName);
  if (json.weightsManifest === undefined)
    throw new UserError(
      'IMPORT_NO_WEIGHTS',
      `${input.fileName} is a model topology without weights`,
      'Import the model with its weights: a TF.js model.json with its shards (tensorflowjs_converter), a .keras or a .h5 file.',
    );
  const tensors = await readTfjsWeights(json.weightsManifest, input.fileName, input.readSibling);
  const topology = isObject(json.modelTopology) ? json.modelTopology : {};
  const producer = typeof json.generatedBy === 'string' ? json.generatedBy : typeof topology.keras_version === 'string' ? `keras ${topology.keras_version}` : undefined;
  return { format: 'tfjs-layers', modelConfig, weights: new NamedWeightSource(tensors), legacyHardSigmoid: !isKeras3Config(modelConfig), producer };
}

/** Every dataset under `group`, named by its path relative to the file root (without the leading slash). */
function datasetsUnder(group: Group, file: string): SourceTensor[] {
  const found: SourceTensor[] = [];
  const walk = (g: Group): void => {
    for (const key of g.keys()) {
      const entity = g.get(key);
      if (isGroup(entity)) walk(entity);
      else if (isDataset(entity)) {
        const name = entity.path.replace(/^\//, '');
        found.push({ name, ...floatDataset(entity, `${file}: ${name}`) });
      }
    }
  };
  walk(group);
  return found;
}

/** Legacy Keras .h5 (`model.save('x.h5')`): `model_config` attribute, weights in `model_weights/<layer>/<weight name>`. */
async function readLegacyH5(input: ImportInput): Promise<ReadModel> {
  return readH5(input.bytes, input.fileName, (h5) => {
    const configText = stringAttribute(h5, 'model_config');
    if (configText === undefined)
      throw new UserError(
        'IMPORT_NO_TOPOLOGY',
        `${input.fileName} holds weights only (no model_config attribute)`,
        'Save the whole model (model.save("model.h5") or model.save("model.keras")), not save_weights().',
      );
    const modelConfig = unwrapModelConfig(configText, input.fileName);
    // Ask only for what exists: HDF5 prints a diagnostic to stderr for every missing path.
    const weightsGroup = h5.keys().includes('model_weights') ? h5.get('model_weights') : undefined;
    const root = isGroup(weightsGroup) ? weightsGroup : h5;
    const layerNames = stringListAttribute(root, 'layer_names') ?? root.keys();
    const tensors: SourceTensor[] = [];
    const positional = new Map<string, SourceTensor[]>();
    for (const layer of layerNames) {
      const group = root.keys().includes(layer) ? root.get(layer) : undefined;
      if (!isGroup(group)) continue;
      const names = stringListAttribute(group, 'weight_names') ?? [];
      const list = names.map((weightName) => {
        const dataset = group.paths().includes(weightName) ? group.get(weightName) : undefined;
        if (!isDataset(dataset))
          throw new UserError('IMPORT_WEIGHTS_MISSING', `${input.fileName}: weight '${weightName}' of layer '${layer}' is listed but not stored`, 'The file is damaged: save the model again.');
        const clean = cleanWeightName(weightName);
        const name = clean.split('/')[0] === layer ? clean : `${layer}/${clean}`;
        return { name, ...floatDataset(dataset, `${input.fileName}: ${layer}/${weightName}`) };
      });
      positional.set(layer, list);
      tensors.push(...list);
    }
    const keras = stringAttribute(h5, 'keras_version');
    return {
      format: 'keras-h5' as const,
      modelConfig,
      weights: new NamedWeightSource(tensors, positional),
      legacyHardSigmoid: !isKeras3Config(modelConfig) && !(keras ?? '').startsWith('3'),
      producer: keras === undefined ? undefined : `keras ${keras}`,
    };
  });
}

/** Keras 3 `.keras`: a zip of config.json, metadata.json and model.weights.h5 (weights at `<layer path>/vars/<i>`). */
async function readKeras3(input: ImportInput): Promise<ReadModel> {
  const wanted = new Set(['config.json', 'metadata.json', 'model.weights.h5']);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(input.bytes, {
      filter: (entry) => {
        if (!wanted.has(entry.name)) return false;
        if (entry.originalSize > MAX_ENTRY_BYTES)
          throw new UserError('IMPORT_BAD_FILE', `${input.fileName}: ${entry.name} claims ${entry.originalSize} bytes, more than a model can have`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('IMPORT_BAD_FILE', `${input.fileName} is not a readable zip archive (${(error as Error).message})`, 'Save the model again with model.save("model.keras").');
  }
  const configBytes = entries['config.json'];
  if (!configBytes)
    throw new UserError('IMPORT_BAD_FILE', `${input.fileName} is a zip without config.json, not a Keras 3 .keras file`, 'Save the model with model.save("model.keras").');
  const modelConfig = unwrapModelConfig(parseJson(configBytes, `${input.fileName}/config.json`), `${input.fileName}/config.json`);
  const weightsBytes = entries['model.weights.h5'];
  if (!weightsBytes)
    throw new UserError('IMPORT_NO_WEIGHTS', `${input.fileName} has no model.weights.h5`, 'Save the model with its weights: model.save("model.keras").');
  const metadata = entries['metadata.json'] ? parseJson(entries['metadata.json'], `${input.fileName}/metadata.json`) : undefined;
  const version = isObject(metadata) && typeof metadata.keras_version === 'string' ? metadata.keras_version : undefined;
  const tensors = await readH5(weightsBytes, `${input.fileName}/model.weights.h5`, (h5) => datasetsUnder(h5, `${input.fileName}/model.weights.h5`));
  return {
    format: 'keras-v3',
    modelConfig,
    weights: new Keras3WeightSource(tensors),
    legacyHardSigmoid: false,
    producer: version === undefined ? undefined : `keras ${version}`,
  };
}

/** Reads any supported model file; the format is told by its first bytes. */
export async function readModelFile(input: ImportInput): Promise<ReadModel> {
  if (input.bytes.byteLength === 0) throw new UserError('IMPORT_BAD_FILE', `${input.fileName} is empty`);
  if (isZip(input.bytes)) return readKeras3(input);
  if (isHdf5(input.bytes)) return readLegacyH5(input);
  const first = new TextDecoder().decode(input.bytes.subarray(0, 64)).trimStart();
  if (first.startsWith('{')) return readTfjs(input);
  throw new UserError(
    'IMPORT_BAD_FILE',
    `${input.fileName} is not a model file Sparse Studio reads`,
    'Give a TF.js Layers model.json (with its weight shards), a Keras 3 .keras file or a Keras .h5 file.',
  );
}
