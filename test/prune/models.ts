// Small model specs for the pruning tests.
import type { LayerSpec, LayerSpecV1, ModelSpec } from '../../shared/model-spec';
import { guideModel } from '../../electron/core/model/baseline';
import { chainModel } from '../../electron/core/model/chain';

/** `spec`'s name and input with `layers` linked as a chain (list edits re-link the inputs). */
export function rechained(spec: ModelSpec, layers: readonly (LayerSpec | LayerSpecV1)[]): ModelSpec {
  return chainModel(spec.name, spec.inputShape, layers);
}

/** The guide's keepdims model with a Keras-style stem: Conv2D 3x3 stride 2 'same', no ZeroPadding2D. */
export function sameStemModel(): ModelSpec {
  const spec = guideModel(true);
  const layers = spec.layers
    .filter((l) => l.name !== 'zero_padding2d')
    .map((l) => (l.name === 'conv2d' ? { ...l, padding: 'same' } : l));
  return rechained({ ...spec, name: 'same-stem' }, layers as LayerSpec[]);
}

/** The guide's keepdims model with one layer replaced (by name). */
export function withLayer(
  name: string,
  replace: (layer: LayerSpec) => LayerSpec | LayerSpecV1 | (LayerSpec | LayerSpecV1)[],
): ModelSpec {
  const spec = guideModel(true);
  return rechained(
    spec,
    spec.layers.flatMap((l) => (l.name === name ? replace(l) : [l])),
  );
}

/** Flatten + Dense(5) over a 4x5x1 input: one 20x5 kernel (100 weights). */
export function denseModel(units = 5, inputShape: [number, number, number] = [4, 5, 1]): ModelSpec {
  return chainModel('dense', inputShape, [
    { type: 'Flatten', name: 'flatten' },
    { type: 'Dense', name: 'dense', units, useBias: true, activation: 'linear' },
  ]);
}

/** `spec` with some layers' fields overridden, by layer name. */
export function patched(spec: ModelSpec, patches: Record<string, Partial<Record<string, unknown>>>): ModelSpec {
  return { ...spec, layers: spec.layers.map((l) => (patches[l.name] ? ({ ...l, ...patches[l.name] } as LayerSpec) : l)) };
}
