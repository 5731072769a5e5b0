import type { LayerSpec, ModelSpec } from '../../../shared/model-spec';
import { UserError } from '../util/errors';
import type { XnnpackCheck, XnnpackDiagnostic } from './diagnostics';
import { END_LAYER_MESSAGE, START_LAYER_MESSAGE, unsupportedLayerMessage } from './messages';
import {
  consumerNames,
  lookupLayers,
  lookupSucceeded,
  policyGraph,
  producerNames,
  producersOf,
  type PolicyGraph,
} from './policy-graph';
import { hasOnlyZeroPaddingProducer, layerSupportProblem } from './xnnpack-layer-support';

export const XNNPACK_POLICY = 'PruneForLatencyOnXNNPack';

/** Upstream `allow_pruning`: only Conv2D layers with a 1x1 kernel, wherever they are in the graph. */
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

const START_REQUIREMENT =
  "every path from the input passes a start layer: Conv2D 3x3 over 3 input channels, stride 2x2, padding 'valid', whose only producer is ZeroPadding2D((1, 1), (1, 1))";
const END_REQUIREMENT = 'every path to the output passes a GlobalAveragePooling2D with keepdims=True';

const inputChannels = (graph: PolicyGraph, layer: LayerSpec): number | undefined => graph.shapes.get(layer.inputs[0]!)?.at(-1);

/** Upstream `_start_layer_stop_fn`: `kernel.shape[:3] == [3, 3, 3]`, stride 2, 'valid', only producer ZeroPadding2D(1). */
function isStartLayer(graph: PolicyGraph, name: string): boolean {
  const layer = graph.byName.get(name);
  return (
    layer?.type === 'Conv2D' &&
    layer.kernelSize[0] === 3 &&
    layer.kernelSize[1] === 3 &&
    inputChannels(graph, layer) === 3 &&
    layer.strides[0] === 2 &&
    layer.strides[1] === 2 &&
    layer.padding === 'valid' &&
    hasOnlyZeroPaddingProducer(producersOf(graph, layer), 1)
  );
}

/**
 * Upstream `_end_layer_stop_fn`. TFMOT v0.6 (the guide's version, whose message we give) stops only at a
 * GlobalAveragePooling2D with keepdims=True; v0.7+ at any. We keep keepdims: the guide's fix, and the MEAN keep_dims
 * the XNNPACK README names as the end of the sparse subgraph.
 */
function isEndLayer(graph: PolicyGraph, name: string): boolean {
  const layer = graph.byName.get(name);
  return layer?.type === 'GlobalAveragePooling2D' && layer.keepdims;
}

/** Why a Conv2D that starts a branch is not a start layer, and how to make it one. */
function stemDiagnostic(graph: PolicyGraph, layer: Extract<LayerSpec, { type: 'Conv2D' }>): XnnpackDiagnostic {
  const producers = producersOf(graph, layer);
  const channels = inputChannels(graph, layer);
  const zp = producers.length === 1 && producers[0]?.type === 'ZeroPadding2D' ? producers[0] : undefined;
  const problems: string[] = [];
  const is3x3 = layer.kernelSize[0] === 3 && layer.kernelSize[1] === 3;
  const stride2 = layer.strides[0] === 2 && layer.strides[1] === 2;
  if (!is3x3) problems.push(`its kernel is ${layer.kernelSize.join('x')}, not 3x3`);
  if (channels !== 3) problems.push(`its input has ${channels} channels, not 3`);
  if (!stride2) problems.push(`its stride is ${layer.strides.join('x')}, not 2x2`);
  if (layer.padding !== 'valid')
    problems.push(
      `its padding is '${layer.padding}', not 'valid' (TF 'same' with stride 2 pads 0 before and 1 after on even sizes; XNNPACK needs 1 on each side)`,
    );
  if (zp && !hasOnlyZeroPaddingProducer(producers, 1))
    problems.push(`the ZeroPadding2D '${zp.name}' before it pads ${JSON.stringify(zp.padding)}, not ((1, 1), (1, 1))`);
  else if (!zp) problems.push('it is not directly preceded by ZeroPadding2D(1)');
  const shapeOk = is3x3 && channels === 3 && stride2;
  const sameFixable = shapeOk && layer.padding === 'same' && !zp;
  const asymmetricFixable = shapeOk && layer.padding === 'valid' && zp !== undefined;
  const fix = sameFixable
    ? `Rewrite '${layer.name}' as ZeroPadding2D(1) + padding 'valid' (check-xnnpack --fix does it with the same weights; the sampling grid moves by one pixel on even sizes, so fine-tune).`
    : asymmetricFixable
      ? `Pad 1 on every side in '${zp.name}' (check-xnnpack --fix does it when the output size stays the same, keeping the weights; fine-tune afterwards).`
      : `Make '${layer.name}' a 3x3 stride-2 Conv2D with padding 'valid' over the 3 input channels, directly after ZeroPadding2D(1), and retrain.`;
  return {
    layer: layer.name,
    rule: 'start-layer',
    message: START_LAYER_MESSAGE,
    requirement: START_REQUIREMENT,
    fix: `The stem '${layer.name}' does not qualify: ${problems.join('; ')}. ${fix}`,
  };
}

/** Start search. Returns the start layers the middle check runs from (the stems it found, when the search failed). */
function checkStart(graph: PolicyGraph, diagnostics: XnnpackDiagnostic[]): string[] {
  const forward = (name: string) => consumerNames(graph, name);
  const sources = [graph.spec.inputName];
  const start = lookupLayers(graph, sources, (name) => isStartLayer(graph, name), forward);
  if (lookupSucceeded(start)) return start.found;
  // Upstream gives up; to name every branch's culprit, stop at the first Conv2D of each path instead.
  const stems = lookupLayers(graph, sources, (name) => graph.byName.get(name)?.type === 'Conv2D', forward);
  for (const name of stems.found) {
    const layer = graph.byName.get(name)!;
    if (!isStartLayer(graph, name) && layer.type === 'Conv2D') diagnostics.push(stemDiagnostic(graph, layer));
  }
  for (const name of stems.deadEnds)
    diagnostics.push({
      layer: null,
      rule: 'start-layer',
      message: START_LAYER_MESSAGE,
      requirement: START_REQUIREMENT,
      fix: `A path from the input reaches the output '${name}' without any Conv2D. Start the model with ZeroPadding2D(1) followed by a 3x3 stride-2 Conv2D with padding 'valid' over the 3 input channels.`,
    });
  return stems.found;
}

/** End search, backward from the output. Returns the end layers (the GlobalAveragePooling2D layers found, when it failed). */
function checkEnd(graph: PolicyGraph, diagnostics: XnnpackDiagnostic[]): string[] {
  const backward = (name: string) => producerNames(graph, name);
  const sources = [...graph.spec.outputs];
  const end = lookupLayers(graph, sources, (name) => isEndLayer(graph, name), backward);
  if (lookupSucceeded(end)) return end.found;
  const pools = lookupLayers(graph, sources, (name) => graph.byName.get(name)?.type === 'GlobalAveragePooling2D', backward);
  for (const name of pools.found) {
    if (isEndLayer(graph, name)) continue;
    diagnostics.push({
      layer: name,
      rule: 'end-layer',
      message: END_LAYER_MESSAGE,
      requirement: END_REQUIREMENT,
      fix: `Set keepdims=True on '${name}' (a Flatten after it keeps the output shape); check-xnnpack --fix does it and keeps the weights.`,
    });
  }
  if (pools.deadEnds.length > 0)
    diagnostics.push({
      layer: null,
      rule: 'end-layer',
      message: END_LAYER_MESSAGE,
      requirement: END_REQUIREMENT,
      fix: `A path from the output '${graph.spec.outputs[0]}' back to the input has no GlobalAveragePooling2D. End the convolutional part with GlobalAveragePooling2D(keepdims=True), then Flatten before any Dense layer.`,
    });
  return pools.found;
}

/**
 * Upstream `ensure_model_supports_pruning` over the whole graph, in upstream order: the start search forward from the
 * input over every branch, the end search backward from the output over every branch, then `_check_layer_support` on
 * every layer reachable from the start layers' consumers without passing an end layer. Upstream stops at the first
 * failure; here every failure is collected (one diagnostic per layer, in that order, middle layers in topological
 * order) and `message` is the first one, i.e. the error TFMOT raises. When the start or end search fails, the middle
 * check still runs between the stems and pools it did find, so one pass shows everything to change.
 */
export function checkXnnpack(spec: ModelSpec): XnnpackCheck {
  const graph = policyGraph(spec);
  const diagnostics: XnnpackDiagnostic[] = [];
  const starts = checkStart(graph, diagnostics);
  const ends = new Set(checkEnd(graph, diagnostics));

  const sources = [...new Set(starts.flatMap((name) => consumerNames(graph, name)))];
  const middle = lookupLayers(
    graph,
    sources,
    (name) => ends.has(name),
    (name) => consumerNames(graph, name),
  );
  for (const name of middle.visited) {
    const layer = graph.byName.get(name)!;
    if (ends.has(name)) continue;
    const problem = layerSupportProblem({
      layer,
      input: graph.shapes.get(layer.inputs[0]!)!,
      producers: producersOf(graph, layer),
    });
    if (problem)
      diagnostics.push({ layer: name, rule: 'layer-support', message: unsupportedLayerMessage(layer.type), ...problem });
  }

  const first = diagnostics[0];
  return first ? { ok: false, message: first.message, diagnostics } : { ok: true, diagnostics };
}

/** Throws XnnpackPolicyError (upstream's message) when the model fails any check. */
export function ensureModelSupportsXnnpackPruning(spec: ModelSpec): void {
  const check = checkXnnpack(spec);
  if (!check.ok) throw new XnnpackPolicyError(check);
}
