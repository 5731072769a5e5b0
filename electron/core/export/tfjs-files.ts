import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../../shared/model-spec';
import { WEIGHT_NAMES } from '../../../shared/model-spec';
import type { ModelWeights } from '../model/weights';
import { buildTfjsModel } from '../train/tfjs-model';

export const TFJS_WEIGHTS_FILE = 'weights.bin';

/**
 * The model as TF.js `model.save()` writes it (model.json with modelTopology + weightsManifest, one weights.bin),
 * through TF.js' own serialisation of the TF.js build. Layers TF.js lacks (hard_swish, Keras 3 hard_sigmoid, ReLU with
 * a threshold, GlobalAveragePooling2D keepdims) are Sparse Studio's registered classes.
 */
export async function tfjsFiles(spec: ModelSpec, weights: ModelWeights): Promise<{ modelJson: string; weightsBin: Uint8Array }> {
  const model = buildTfjsModel(spec);
  try {
    for (const layer of spec.layers) {
      const names = (WEIGHT_NAMES[layer.type] as readonly string[]).filter((n) => weights.has(`${layer.name}/${n}`));
      if (names.length === 0) continue;
      const values = names.map((n) => {
        const t = weights.get(`${layer.name}/${n}`);
        return tf.tensor(t.values, t.shape);
      });
      model.getLayer(layer.name).setWeights(values);
      tf.dispose(values);
    }
    let artifacts: tf.io.ModelArtifacts | undefined;
    await model.save(
      tf.io.withSaveHandler(async (saved) => {
        artifacts = saved;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const saved = artifacts!;
    const modelJson = JSON.stringify({
      modelTopology: saved.modelTopology,
      format: saved.format,
      generatedBy: saved.generatedBy,
      convertedBy: 'Sparse Studio',
      weightsManifest: [{ paths: [TFJS_WEIGHTS_FILE], weights: saved.weightSpecs }],
    });
    return { modelJson, weightsBin: new Uint8Array(saved.weightData as ArrayBuffer) };
  } finally {
    model.dispose();
  }
}
