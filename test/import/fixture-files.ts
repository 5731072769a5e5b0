// Writes the import fixtures (every format) into a folder, from TF.js reference models and the hand-written topologies.
import * as tf from '@tensorflow/tfjs';
import { zipSync, strToU8 } from 'fflate';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeH5 } from '../../electron/core/import/hdf5';
import { namedWeights, type NamedArray } from './reference-model';

const FIXTURES = new URL('../fixtures/import/', import.meta.url).pathname;

export async function fixtureTopology(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
}

function bytesOf(weights: NamedArray[]): Uint8Array {
  const out = new Uint8Array(weights.reduce((n, w) => n + w.values.length * 4, 0));
  let at = 0;
  for (const w of weights) {
    out.set(new Uint8Array(w.values.buffer, w.values.byteOffset, w.values.byteLength), at);
    at += w.values.byteLength;
  }
  return out;
}

/** What TF.js `model.save('file://dir')` writes (model.json + weights.bin), through a custom save handler. */
export async function writeTfjsSaved(model: tf.LayersModel, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const saved = artifacts!;
  const manifest = [{ paths: ['weights.bin'], weights: saved.weightSpecs! }];
  // The fields tfjs-node's file:// handler writes (tf.io.getModelJSONForModelArtifacts is not exported).
  const json = {
    modelTopology: saved.modelTopology,
    format: saved.format,
    generatedBy: saved.generatedBy,
    convertedBy: saved.convertedBy ?? null,
    weightsManifest: manifest,
  };
  await writeFile(join(dir, 'model.json'), JSON.stringify(json));
  await writeFile(join(dir, 'weights.bin'), new Uint8Array(saved.weightData as ArrayBuffer));
  return join(dir, 'model.json');
}

/** What `tensorflowjs_converter --input_format keras` writes for a Keras 2 model: model_config, weights in 2 shards. */
export async function writeConverterModel(topology: Record<string, unknown>, weights: NamedArray[], dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const bytes = bytesOf(weights);
  const half = Math.floor(bytes.length / 2);
  await writeFile(join(dir, 'group1-shard1of2.bin'), bytes.subarray(0, half));
  await writeFile(join(dir, 'group1-shard2of2.bin'), bytes.subarray(half));
  const json = {
    format: 'layers-model',
    generatedBy: 'keras v2.15.0',
    convertedBy: 'TensorFlow.js Converter v4.22.0',
    modelTopology: { keras_version: '2.15.0', backend: 'tensorflow', model_config: topology },
    weightsManifest: [
      { paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'], weights: weights.map((w) => ({ name: w.name, shape: w.shape, dtype: 'float32' })) },
    ],
  };
  await writeFile(join(dir, 'model.json'), JSON.stringify(json));
  return join(dir, 'model.json');
}

/**
 * A legacy Keras 2 `.h5` (`model.save('m.h5')`): attributes model_config / keras_version / backend; `model_weights`
 * with `layer_names`, one group per top-level layer with `weight_names`, datasets at `<layer>/<weight name>:0` (a nested
 * model's group holds its layers' weights).
 */
export async function writeLegacyH5(
  topology: Record<string, unknown>,
  layers: { group: string; weights: NamedArray[] }[],
  path: string,
): Promise<string> {
  const bytes = await writeH5((h5) => {
    h5.create_attribute('model_config', JSON.stringify(topology));
    h5.create_attribute('keras_version', '2.15.0');
    h5.create_attribute('backend', 'tensorflow');
    const root = h5.create_group('model_weights');
    root.create_attribute('layer_names', layers.map((l) => l.group));
    for (const layer of layers) {
      const group = root.create_group(layer.group);
      group.create_attribute('weight_names', layer.weights.map((w) => `${w.name}:0`));
      for (const w of layer.weights) {
        // h5py makes the intermediate groups of `conv1/kernel:0` itself; h5wasm needs them made first.
        const parts = `${w.name}:0`.split('/');
        let parent = group;
        for (const part of parts.slice(0, -1)) parent = (parent.keys().includes(part) ? parent.get(part) : parent.create_group(part)) as typeof group;
        parent.create_dataset({ name: parts.at(-1)!, data: w.values, shape: w.shape, dtype: '<f' });
      }
    }
  });
  await writeFile(path, bytes);
  return path;
}

/** A Keras 3 `.keras` zip: config.json, metadata.json, model.weights.h5 with `<path>/vars/<i>` datasets. */
export async function writeKeras3(
  config: Record<string, unknown>,
  vars: { path: string; weights: NamedArray[] }[],
  path: string,
): Promise<string> {
  const weightsH5 = await writeH5((h5) => {
    h5.create_group('vars');
    for (const entry of vars) {
      let group = h5 as unknown as ReturnType<typeof h5.create_group>;
      for (const part of [...entry.path.split('/'), 'vars'])
        group = (group.keys().includes(part) ? group.get(part) : group.create_group(part)) as typeof group;
      entry.weights.forEach((w, i) => group.create_dataset({ name: String(i), data: w.values, shape: w.shape, dtype: '<f' }));
    }
  });
  const metadata = { keras_version: '3.6.0', date_saved: '2026-12-03@12:00:00' };
  const zip = zipSync({
    'metadata.json': strToU8(JSON.stringify(metadata)),
    'config.json': strToU8(JSON.stringify(config)),
    'model.weights.h5': weightsH5,
  });
  await writeFile(path, zip);
  return path;
}

function pick(weights: NamedArray[], layer: string, names: string[]): NamedArray[] {
  return names.map((n) => {
    const found = weights.find((w) => w.name === `${layer}/${n}`);
    if (!found) throw new Error(`fixture: no weight ${layer}/${n}`);
    return found;
  });
}

/** Every format of the residual fixture, from the reference model's weights. */
export async function writeResidualFixtures(reference: tf.LayersModel, dir: string): Promise<Record<'tfjs' | 'converter' | 'h5' | 'keras', string>> {
  const weights = namedWeights(reference);
  const bn = ['gamma', 'beta', 'moving_mean', 'moving_variance'];
  const k2 = await fixtureTopology('keras2-functional.json');
  const k2Model = { class_name: k2.class_name, config: k2.config };
  return {
    tfjs: await writeTfjsSaved(reference, join(dir, 'tfjs')),
    converter: await writeConverterModel(k2, weights, join(dir, 'converter')),
    h5: await writeLegacyH5(
      k2Model,
      [
        { group: 'input_1', weights: [] },
        { group: 'conv1_pad', weights: [] },
        { group: 'conv1', weights: pick(weights, 'conv1', ['kernel']) },
        { group: 'conv1_bn', weights: pick(weights, 'conv1_bn', bn) },
        { group: 'conv1_relu', weights: [] },
        // A nested model's group: all trainable weights of its layers, then the non-trainable ones (Keras 2 order).
        { group: 'block_1', weights: [...pick(weights, 'block_1_dw', ['depthwise_kernel', 'bias']), ...pick(weights, 'block_1_project', ['kernel', 'bias'])] },
        { group: 'dropout', weights: [] },
        { group: 'pool', weights: [] },
        { group: 'predictions', weights: pick(weights, 'predictions', ['kernel', 'bias']) },
      ],
      join(dir, 'residual.h5'),
    ),
    keras: await writeKeras3(
      await fixtureTopology('keras3-functional.json'),
      [
        { path: 'layers/input_layer', weights: [] },
        { path: 'layers/zero_padding2d', weights: [] },
        { path: 'layers/conv2d', weights: pick(weights, 'conv1', ['kernel']) },
        { path: 'layers/batch_normalization', weights: pick(weights, 'conv1_bn', bn) },
        { path: 'layers/re_lu', weights: [] },
        { path: 'layers/functional/layers/input_layer', weights: [] },
        { path: 'layers/functional/layers/depthwise_conv2d', weights: pick(weights, 'block_1_dw', ['depthwise_kernel', 'bias']) },
        { path: 'layers/functional/layers/conv2d', weights: pick(weights, 'block_1_project', ['kernel', 'bias']) },
        { path: 'layers/functional/layers/add', weights: [] },
        { path: 'layers/dropout', weights: [] },
        { path: 'layers/global_average_pooling2d', weights: [] },
        { path: 'layers/dense', weights: pick(weights, 'predictions', ['kernel', 'bias']) },
      ],
      join(dir, 'residual.keras'),
    ),
  };
}

/** The Sequential fixture as TF.js saves it and as a Keras 3 .keras file. */
export async function writeSequentialFixtures(reference: tf.LayersModel, dir: string): Promise<Record<'tfjs' | 'keras', string>> {
  const weights = namedWeights(reference);
  return {
    tfjs: await writeTfjsSaved(reference, join(dir, 'seq-tfjs')),
    keras: await writeKeras3(
      await fixtureTopology('keras3-sequential.json'),
      [
        { path: 'layers/conv2d', weights: pick(weights, 'conv2d', ['kernel', 'bias']) },
        { path: 'layers/batch_normalization', weights: pick(weights, 'batch_normalization', ['gamma', 'beta', 'moving_mean', 'moving_variance']) },
        { path: 'layers/flatten', weights: [] },
        { path: 'layers/dense', weights: pick(weights, 'dense', ['kernel', 'bias']) },
      ],
      join(dir, 'seq.keras'),
    ),
  };
}
