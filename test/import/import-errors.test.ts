// Every bad input of issue 13 point 2 gets one clear UserError naming the layer / weight / file, and nothing is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { access, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { importModel } from '../../electron/core/import/import-model';
import { importInputFromPath } from '../../electron/core/import/import-path';
import { UserError } from '../../electron/core/util/errors';
import { cli } from '../cli/cli-io';
import { fixtureTopology, writeConverterModel, writeKeras3, writeLegacyH5, writeResidualFixtures } from './fixture-files';
import { namedWeights, residualReference } from './reference-model';

type Layer = { class_name: string; name: string; config: Record<string, unknown>; inbound_nodes: unknown[] };
type Topology = { class_name: string; config: { layers: Layer[]; output_layers: unknown[] } };

const reference = residualReference();
const weights = namedWeights(reference);

/** The Keras 2 fixture topology, changed by `edit`. */
async function k2(edit: (t: Topology) => void): Promise<Topology> {
  const topology = (await fixtureTopology('keras2-functional.json')) as unknown as Topology;
  edit(topology);
  return topology;
}

const layer = (t: Topology, name: string): Layer => t.config.layers.find((l) => l.name === name)!;
const node = (...names: string[]): unknown[] => [names.map((n) => [n, 0, 0, {}])];

interface Case {
  name: string;
  /** Writes the bad model into `dir`, returns its path. */
  make: (dir: string, files: Awaited<ReturnType<typeof writeResidualFixtures>>) => Promise<string>;
  code: string;
  /** Every one must appear in the message. */
  says: (string | RegExp)[];
}

const CASES: Case[] = [
  {
    name: 'unsupported layers are all listed by name and class, with what to do',
    make: async (dir) => {
      const t = await k2((t) => {
        const relu = layer(t, 'conv1_relu');
        relu.class_name = 'MaxPooling2D';
        relu.name = relu.config.name = 'pool_a';
        layer(t, 'block_1').inbound_nodes = node('pool_a');
        const dropout = layer(t, 'dropout');
        dropout.class_name = 'Lambda';
        dropout.config = { name: 'dropout', function: ['4wEAAAAAAAAA', null, null] };
        layer(t, 'predictions').config.activation = 'tanh';
      });
      return writeConverterModel(t, weights, join(dir, 'm'));
    },
    code: 'IMPORT_UNSUPPORTED',
    says: ['3 unsupported', "'pool_a' (MaxPooling2D)", 'stride-2 convolution', "'dropout' (Lambda)", 'Python code', "'predictions' (Dense): activation 'tanh'"],
  },
  {
    name: 'a softmax in the middle of the model',
    make: async (dir) => {
      const t = await k2((t) => {
        layer(t, 'conv1_relu').class_name = 'Activation';
        layer(t, 'conv1_relu').config = { name: 'conv1_relu', activation: 'softmax' };
      });
      return writeConverterModel(t, weights, join(dir, 'm'));
    },
    code: 'IMPORT_UNSUPPORTED',
    says: ["'conv1_relu' (Activation): softmax in the middle"],
  },
  {
    name: 'a layer called twice (shared weights)',
    make: async (dir) => {
      const t = await k2((t) => {
        layer(t, 'conv1_relu').inbound_nodes = [...node('conv1_bn'), ...node('conv1_bn')];
      });
      return writeConverterModel(t, weights, join(dir, 'm'));
    },
    code: 'IMPORT_UNSUPPORTED',
    says: ["'conv1_relu' (ReLU)", 'called 2 times'],
  },
  {
    name: 'channels_first',
    make: async (dir) => {
      const t = await k2((t) => {
        layer(t, 'conv1').config.data_format = 'channels_first';
      });
      return writeConverterModel(t, weights, join(dir, 'm'));
    },
    code: 'IMPORT_UNSUPPORTED',
    says: ["'conv1' (Conv2D): data_format 'channels_first'"],
  },
  {
    name: 'weights that do not match the topology: the first mismatching weight and both shapes',
    make: async (dir) => {
      const t = await k2((t) => {
        layer(t, 'predictions').config.units = 7;
      });
      return writeConverterModel(t, weights, join(dir, 'm'));
    },
    code: 'IMPORT_WEIGHTS_MISMATCH',
    says: ["weight 'predictions/kernel' of layer 'predictions' (Dense) has shape [8, 5], the topology needs [8, 7]"],
  },
  {
    name: 'a Keras 3 weight of the wrong shape names its place in model.weights.h5',
    make: async (dir) => {
      const config = await fixtureTopology('keras3-sequential.json');
      const k = (n: string, shape: number[]) => ({ name: n, shape, values: new Float32Array(shape.reduce((a, b) => a * b, 1)) });
      return writeKeras3(
        config,
        [
          { path: 'layers/conv2d', weights: [k('conv2d/kernel', [3, 3, 2, 4]), k('conv2d/bias', [4])] },
          { path: 'layers/batch_normalization', weights: [k('g', [4]), k('b', [4]), k('m', [4]), k('v', [4])] },
          { path: 'layers/dense', weights: [k('dense/kernel', [32, 3]), k('dense/bias', [3])] },
        ],
        join(dir, 'bad.keras'),
      );
    },
    code: 'IMPORT_WEIGHTS_MISMATCH',
    says: ["weight 'layers/dense/vars/0' of layer 'dense' (Dense)", '[32, 3]', 'needs [64, 3]'],
  },
  {
    name: 'a weight missing from a .h5 file',
    make: async (dir) => {
      // Only conv1's weights are stored.
      const t = await k2(() => undefined);
      return writeLegacyH5({ class_name: t.class_name, config: t.config }, [{ group: 'conv1', weights: weights.filter((w) => w.name === 'conv1/kernel') }], join(dir, 'bad.h5'));
    },
    code: 'IMPORT_WEIGHTS_MISSING',
    says: ["no weight 'conv1_bn/gamma'", "layer 'conv1_bn' (BatchNormalization)"],
  },
  {
    name: 'a missing shard names the file',
    make: async (_dir, files) => {
      await unlink(join(files.converter, '..', 'group1-shard2of2.bin'));
      return files.converter;
    },
    code: 'IMPORT_SHARD_MISSING',
    says: ["weight shard 'group1-shard2of2.bin' is missing"],
  },
  {
    name: 'a truncated shard',
    make: async (_dir, files) => {
      const shard = join(files.tfjs, '..', 'weights.bin');
      await writeFile(shard, (await readFile(shard)).subarray(0, 100));
      return files.tfjs;
    },
    code: 'IMPORT_SHARD_TRUNCATED',
    says: ['past the end of its shards', 'weights.bin'],
  },
  {
    name: 'a shard path that leaves the folder',
    make: async (dir, files) => {
      const json = JSON.parse(await readFile(files.tfjs, 'utf8'));
      json.weightsManifest[0].paths = ['../../etc/passwd'];
      await writeFile(join(dir, 'escape.json'), JSON.stringify(json));
      return join(dir, 'escape.json');
    },
    code: 'IMPORT_BAD_FILE',
    says: ["'../../etc/passwd' leaves the model's folder"],
  },
  {
    name: 'a topology without weights',
    make: async (dir) => {
      await writeFile(join(dir, 'topology.json'), JSON.stringify(await fixtureTopology('keras2-functional.json')));
      return join(dir, 'topology.json');
    },
    code: 'IMPORT_NO_WEIGHTS',
    says: ['topology without weights'],
  },
  {
    name: 'a weights-only .h5',
    make: async (dir) => {
      const { writeH5 } = await import('../../electron/core/import/hdf5');
      await writeFile(join(dir, 'w.h5'), await writeH5((h5) => h5.create_group('conv1')));
      return join(dir, 'w.h5');
    },
    code: 'IMPORT_NO_TOPOLOGY',
    says: ['weights only (no model_config'],
  },
  {
    name: 'a zip that is not a .keras file',
    make: async (dir) => {
      await writeFile(join(dir, 'x.keras'), zipSync({ 'readme.txt': strToU8('hello') }));
      return join(dir, 'x.keras');
    },
    code: 'IMPORT_BAD_FILE',
    says: ['without config.json'],
  },
  {
    name: 'a file that is no model at all',
    make: async (dir) => {
      await writeFile(join(dir, 'photo.h5'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
      return join(dir, 'photo.h5');
    },
    code: 'IMPORT_BAD_FILE',
    says: ['photo.h5 is not a model file'],
  },
  {
    name: 'an input without a fixed size',
    make: async (dir) => {
      const t = await k2((t) => {
        layer(t, 'input_1').config.batch_input_shape = [null, null, null, 3];
      });
      return writeConverterModel(t, weights, join(dir, 'm'));
    },
    code: 'IMPORT_INPUT_SIZE',
    says: ["input 'input_1' has no fixed size ([None, None, 3])", '--input-size'],
  },
];

test('every bad input gets one clear error (table)', async () => {
  for (const c of CASES) {
    const dir = await mkdtemp(join(tmpdir(), 'import-bad-'));
    try {
      const files = await writeResidualFixtures(reference, dir);
      const path = await c.make(dir, files);
      await assert.rejects(
        importModel(await importInputFromPath(path)),
        (error: unknown) => {
          assert.ok(error instanceof UserError, `${c.name}: not a UserError: ${String(error)}`);
          assert.equal(error.code, c.code, `${c.name}: ${error.message}`);
          for (const text of c.says) {
            if (typeof text === 'string') assert.ok(error.message.includes(text), `${c.name}: '${text}' not in:\n${error.message}`);
            else assert.match(error.message, text, c.name);
          }
          return true;
        },
        c.name,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
});

test('the free input size is given with inputSize', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'import-size-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const topology = await k2((t) => {
    layer(t, 'input_1').config.batch_input_shape = [null, null, null, 3];
  });
  const path = await writeConverterModel(topology, weights, join(dir, 'm'));
  const imported = await importModel(await importInputFromPath(path), { inputSize: [16, 16] });
  assert.deepEqual(imported.spec.inputShape, [16, 16, 3]);
});

test('CLI: a failed import prints the message (no stack trace) and leaves no run folder', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'import-cli-bad-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const files = await writeResidualFixtures(reference, dir);
  await unlink(join(files.converter, '..', 'group1-shard1of2.bin'));
  const out = join(dir, 'run');
  const result = await cli(['import', files.converter, '--out', out]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /weight shard 'group1-shard1of2.bin' is missing/);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  await assert.rejects(access(out));
});
