import type { LayerSpec, ModelSpec } from '../../../shared/model-spec';
import { consumersByName, layersByName } from '../model/graph';
import { graphShapes, type ActivationShape } from '../model/shapes';

/**
 * The model as upstream's policy walks it: nodes are the model input (upstream's InputLayer) and the layers, by name;
 * forward edges go to consumers, backward edges to the distinct producers.
 */
export interface PolicyGraph {
  spec: ModelSpec;
  shapes: Map<string, ActivationShape>;
  byName: Map<string, LayerSpec>;
  consumers: Map<string, LayerSpec[]>;
  /** Topological position: the input is -1, layer i is i. */
  order: Map<string, number>;
}

export function policyGraph(spec: ModelSpec): PolicyGraph {
  return {
    spec,
    shapes: graphShapes(spec),
    byName: layersByName(spec),
    consumers: consumersByName(spec),
    order: new Map([[spec.inputName, -1], ...spec.layers.map((l, i) => [l.name, i] as const)]),
  };
}

/** Upstream `_get_consumers`, by name. */
export function consumerNames(graph: PolicyGraph, name: string): string[] {
  return [...new Set((graph.consumers.get(name) ?? []).map((l) => l.name))];
}

/** Upstream `_get_producers` (a set: Add(x, x) has one producer), by name; the model input has none. */
export function producerNames(graph: PolicyGraph, name: string): string[] {
  return [...new Set(graph.byName.get(name)?.inputs ?? [])];
}

/** The producing layers of a layer (undefined for the model input), as `_get_producers` returns them. */
export function producersOf(graph: PolicyGraph, layer: LayerSpec): (LayerSpec | undefined)[] {
  return producerNames(graph, layer.name).map((name) => graph.byName.get(name));
}

export interface Lookup {
  /** Nodes where `stop` held, in topological order. */
  found: string[];
  /** Nodes where a path ended before any stop (no next node), in topological order. */
  deadEnds: string[];
  /** Every node visited, stops included, in topological order. */
  visited: string[];
}

/**
 * Upstream `_lookup_layers`: walks from `sources` along `next` without passing a node where `stop` holds. Upstream
 * returns the stop nodes, or nothing as soon as a path dead-ends; here the dead ends are listed too (so diagnostics can
 * name every branch), and `ok(lookup)` gives upstream's verdict. Visits in topological order, so the results do not
 * depend on set iteration order as upstream's do.
 */
export function lookupLayers(
  graph: PolicyGraph,
  sources: string[],
  stop: (name: string) => boolean,
  next: (name: string) => string[],
): Lookup {
  const seen = new Set(sources);
  const queue = [...seen];
  const found: string[] = [];
  const deadEnds: string[] = [];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (stop(name)) {
      found.push(name);
      continue;
    }
    const following = next(name);
    if (following.length === 0) deadEnds.push(name);
    for (const n of following) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  const byOrder = (a: string, b: string) => graph.order.get(a)! - graph.order.get(b)!;
  return { found: found.sort(byOrder), deadEnds: deadEnds.sort(byOrder), visited: [...seen].sort(byOrder) };
}

/** Upstream's result of a lookup: the stop nodes, or none when any path dead-ends. */
export function lookupSucceeded(lookup: Lookup): boolean {
  return lookup.deadEnds.length === 0 && lookup.found.length > 0;
}
