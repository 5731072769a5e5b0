import type { LayerSpec, ModelSpec } from '../../../shared/model-spec';
import { activationShapes } from '../model/shapes';
import { UserError } from '../util/errors';
import type { XnnpackCheck, XnnpackDiagnostic } from './diagnostics';
import { END_LAYER_MESSAGE, START_LAYER_MESSAGE, unsupportedLayerMessage } from './messages';
import { isSymmetricZeroPadding, layerSupportProblem, type ChainLayer } from './xnnpack-layer-support';

export const XNNPACK_POLICY = 'PruneForLatencyOnXNNPack';

/** Upstream `allow_pruning`: only Conv2D layers with a 1x1 kernel, wherever they are. */
export function xnnpackAllowsPruning(layer: LayerSpec): boolean {
  return layer.type === 'Conv2D' && layer.kernelSize[0] === 1 && layer.kernelSize[1] === 1;
}

/** Thrown by pruneLowMagnitude when the model fails the policy: upstream's message plus every diagnostic. */
export class XnnpackPolicyError extends UserError {
  readonly diagnostics: XnnpackDiagnostic[];

  constructor(check: XnnpackCheck) {
    super('XNNPACK_POLICY', check.message ?? 'The model does not support the PruneForLatencyOnXNNPack policy');
    this.diagnostics = check.diagnostics;
  }
}

function chainOf(spec: ModelSpec): ChainLayer[] {
  const shapes = activationShapes(spec);
  return spec.layers.map((layer, index) => ({ index, layer, input: shapes[index]!, producer: spec.layers[index - 1] }));
}

/** Start layer: Conv2D 3x3 over 3 channels, stride 2, 'valid', whose only producer is ZeroPadding2D(1). */
function isStartLayer(entry: ChainLayer): boolean {
  const { layer, input, producer } = entry;
  return (
    layer.type === 'Conv2D' &&
    layer.kernelSize[0] === 3 &&
    layer.kernelSize[1] === 3 &&
    input[input.length - 1] === 3 &&
    layer.strides[0] === 2 &&
    layer.strides[1] === 2 &&
    layer.padding === 'valid' &&
    isSymmetricZeroPadding(producer, 1)
  );
}

function startFix(chain: ChainLayer[]): { layer: string | null; fix: string } {
  const stem = chain.find((e) => e.layer.type === 'Conv2D');
  if (!stem || stem.layer.type !== 'Conv2D') {
    return {
      layer: null,
      fix: "Start the model with ZeroPadding2D(1) followed by a 3x3 stride-2 Conv2D with padding 'valid' over the 3 input channels.",
    };
  }
  const { layer, input, producer } = stem;
  const problems: string[] = [];
  if (layer.kernelSize[0] !== 3 || layer.kernelSize[1] !== 3)
    problems.push(`its kernel is ${layer.kernelSize.join('x')}, not 3x3`);
  if (input[input.length - 1] !== 3) problems.push(`its input has ${input[input.length - 1]} channels, not 3`);
  if (layer.strides[0] !== 2 || layer.strides[1] !== 2) problems.push(`its stride is ${layer.strides.join('x')}, not 2x2`);
  if (layer.padding !== 'valid')
    problems.push(
      `its padding is '${layer.padding}', not 'valid' (TF 'same' with stride 2 pads 0 before and 1 after; XNNPACK needs 1 on each side)`,
    );
  if (!isSymmetricZeroPadding(producer, 1)) problems.push('it is not directly preceded by ZeroPadding2D(1)');
  const rewritable = layer.padding === 'same' && problems.length === 2 && producer?.type !== 'ZeroPadding2D';
  const fix = rewritable
    ? `Rewrite '${layer.name}' as ZeroPadding2D(1) + padding 'valid' (check-xnnpack --fix does it with the same weights; the sampling grid moves by one pixel, so fine-tune).`
    : `Make '${layer.name}' a 3x3 stride-2 Conv2D with padding 'valid' over 3 channels, directly after ZeroPadding2D(1).`;
  return { layer: layer.name, fix: `The stem '${layer.name}' does not qualify: ${problems.join('; ')}. ${fix}` };
}

/**
 * Upstream `ensure_model_supports_pruning` on our single chain, in upstream order (start layer, end layer, the layers in
 * between), but collecting every failed check instead of stopping at the first. `message` is the first one, i.e. the
 * error TFMOT raises. When the start or end layer is missing, the layers in between are still checked from the first
 * Conv2D to the last GlobalAveragePooling2D, so one pass shows everything to change.
 */
export function checkXnnpack(spec: ModelSpec): XnnpackCheck {
  const chain = chainOf(spec);
  const diagnostics: XnnpackDiagnostic[] = [];

  const start = chain.find(isStartLayer);
  if (!start) diagnostics.push({ rule: 'start-layer', message: START_LAYER_MESSAGE, ...startFix(chain) });

  const end = [...chain].reverse().find((e) => e.layer.type === 'GlobalAveragePooling2D' && e.layer.keepdims);
  if (!end) {
    const gap = [...chain].reverse().find((e) => e.layer.type === 'GlobalAveragePooling2D');
    diagnostics.push({
      layer: gap?.layer.name ?? null,
      rule: 'end-layer',
      message: END_LAYER_MESSAGE,
      fix: gap
        ? `Set keepdims=True on '${gap.layer.name}' (a Flatten after it keeps the output shape); check-xnnpack --fix does it and keeps the weights.`
        : 'End the convolutional part with GlobalAveragePooling2D(keepdims=True), then Flatten before any Dense layer.',
    });
  }

  const from = start ?? chain.find((e) => e.layer.type === 'Conv2D');
  const stopAt = end ?? [...chain].reverse().find((e) => e.layer.type === 'GlobalAveragePooling2D');
  if (from) {
    for (const entry of chain.slice(from.index + 1)) {
      if (entry === stopAt) break;
      const fix = layerSupportProblem(entry);
      if (fix)
        diagnostics.push({
          layer: entry.layer.name,
          rule: 'layer-support',
          message: unsupportedLayerMessage(entry.layer.type),
          fix,
        });
    }
  }

  const first = diagnostics[0];
  return first ? { ok: false, message: first.message, diagnostics } : { ok: true, diagnostics };
}

/** Throws XnnpackPolicyError (upstream's message) when the model fails any check. */
export function ensureModelSupportsXnnpackPruning(spec: ModelSpec): void {
  const check = checkXnnpack(spec);
  if (!check.ok) throw new XnnpackPolicyError(check);
}
