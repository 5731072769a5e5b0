import type { ModelSpec } from '../../../shared/model-spec';
import type { LoadedModel } from '../model/io';
import type { LayerSparsity } from './types';

function zeros(values: Float32Array): number {
  let n = 0;
  for (const v of values) if (v === 0) n++;
  return n;
}

/** Names of the model's 1x1 Conv2D layers (the ones pruning targets and XNNPACK runs sparse). */
export function pointwiseLayerNames(spec: ModelSpec): string[] {
  return spec.layers.filter((l) => l.type === 'Conv2D' && l.kernelSize[0] === 1 && l.kernelSize[1] === 1).map((l) => l.name);
}

/** Exact zeros in every kernel (Conv2D, DepthwiseConv2D, Dense), dense model next to pruned model. */
export function layerSparsity(dense: LoadedModel | null, pruned: LoadedModel | null): LayerSparsity[] {
  const spec = dense?.spec ?? pruned?.spec;
  if (!spec) return [];
  const rows: LayerSparsity[] = [];
  for (const layer of spec.layers) {
    if (layer.type !== 'Conv2D' && layer.type !== 'Dense' && layer.type !== 'DepthwiseConv2D') continue;
    const weight = layer.type === 'DepthwiseConv2D' ? 'depthwise_kernel' : 'kernel';
    const name = `${layer.name}/${weight}`;
    const d = dense?.weights.has(name) ? dense.weights.get(name) : undefined;
    const p = pruned?.weights.has(name) ? pruned.weights.get(name) : undefined;
    const params = (d ?? p)?.values.length ?? 0;
    const dz = d ? zeros(d.values) : null;
    const pz = p ? zeros(p.values) : null;
    rows.push({
      weight: name,
      layerType: layer.type,
      kernel: layer.type === 'Dense' ? 'dense' : `${layer.kernelSize[0]}x${layer.kernelSize[1]}`,
      params,
      denseZeros: dz,
      prunedZeros: pz,
      denseSparsity: dz === null || params === 0 ? null : dz / params,
      prunedSparsity: pz === null || params === 0 ? null : pz / params,
    });
  }
  return rows;
}
