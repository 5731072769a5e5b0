import { strToU8, zipSync } from 'fflate';
import type { ModelSpec } from '../../../shared/model-spec';
import { WEIGHT_NAMES } from '../../../shared/model-spec';
import { writeH5 } from '../import/hdf5';
import { SnakeNamer } from '../import/keras-naming';
import type { ModelWeights } from '../model/weights';
import { keras3Config } from './keras3-config';

/** The Keras version whose file conventions this writes (config.json layout, `layers/<class>/vars/<i>` weights). */
export const KERAS3_FORMAT_VERSION = '3.6.0';

/**
 * A Keras 3 `.keras` archive of the model: config.json, metadata.json, model.weights.h5. Weights go where Keras 3's
 * saving_lib puts them: the model's `layers` list in order, each layer at `layers/<snake_case class>[_n]/vars/<i>`
 * with its variables in Keras order (kernel, bias; gamma, beta, moving_mean, moving_variance).
 */
export async function keras3File(spec: ModelSpec, weights: ModelWeights): Promise<Uint8Array> {
  const { config, layers } = keras3Config(spec);
  const namer = new SnakeNamer();
  const weightsH5 = await writeH5((h5) => {
    h5.create_group('vars');
    const layersGroup = h5.create_group('layers');
    for (const layer of layers) {
      const vars = layersGroup.create_group(namer.next(layer.className)).create_group('vars');
      const spec = layer.spec;
      if (!spec) continue;
      const names = (WEIGHT_NAMES[spec.type] as readonly string[]).filter((n) => weights.has(`${spec.name}/${n}`));
      names.forEach((name, i) => {
        const tensor = weights.get(`${spec.name}/${name}`);
        vars.create_dataset({ name: String(i), data: tensor.values, shape: tensor.shape, dtype: '<f' });
      });
    }
  });
  const metadata = { keras_version: KERAS3_FORMAT_VERSION, date_saved: new Date().toISOString().replace('T', '@').slice(0, 19) };
  return zipSync({
    'metadata.json': strToU8(JSON.stringify(metadata)),
    'config.json': strToU8(JSON.stringify(config)),
    'model.weights.h5': weightsH5,
  });
}
