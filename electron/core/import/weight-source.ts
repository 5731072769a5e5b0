import type { KerasLayerNode } from './keras-topology';

export interface SourceTensor {
  /** Where it is in the file (for messages), e.g. `conv1/kernel` or `layers/conv2d/vars/0`. */
  name: string;
  shape: number[];
  values: Float32Array;
}

/** The weights of a model file, looked up per Keras layer. */
export interface WeightSource {
  /** The weight of `node` named one of `kerasNames` (or at `index` for files that address weights by position). */
  find(node: KerasLayerNode, kerasNames: string[], index: number): SourceTensor | undefined;
  /** Where `find` looked, for the message when it finds nothing. */
  describe(node: KerasLayerNode, kerasNames: string[], index: number): string;
  /** Every tensor in the file, to name the ones no layer used. */
  all(): SourceTensor[];
}

/** Strips TF's `:0` suffix. */
export function cleanWeightName(name: string): string {
  return name.replace(/:\d+$/, '');
}

/**
 * Weights addressed by name (`<layer>/<weight>`, possibly prefixed by nested model names), as TF.js manifests and
 * legacy Keras .h5 files store them. `positional` optionally gives each top-level layer's weights in Keras order, used
 * when a name does not match (TF variables renamed on a second build, e.g. `conv2d_1/kernel` in layer `conv2d`).
 */
export class NamedWeightSource implements WeightSource {
  readonly #byName = new Map<string, SourceTensor>();
  readonly #bySuffix = new Map<string, SourceTensor[]>();

  constructor(
    readonly tensors: SourceTensor[],
    readonly positional: Map<string, SourceTensor[]> = new Map(),
  ) {
    for (const tensor of tensors) {
      const name = cleanWeightName(tensor.name);
      this.#byName.set(name, tensor);
      const parts = name.split('/');
      const suffix = parts.slice(-2).join('/');
      this.#bySuffix.set(suffix, [...(this.#bySuffix.get(suffix) ?? []), tensor]);
    }
  }

  find(node: KerasLayerNode, kerasNames: string[], index: number): SourceTensor | undefined {
    for (const weight of kerasNames) {
      const exact = this.#byName.get([...node.modelPath, node.kerasName, weight].join('/')) ?? this.#byName.get(`${node.kerasName}/${weight}`);
      if (exact) return exact;
      const candidates = this.#bySuffix.get(`${node.kerasName}/${weight}`) ?? [];
      const inModel = candidates.filter((t) => node.modelPath.every((m) => t.name.includes(m)));
      if (inModel.length === 1) return inModel[0];
      if (candidates.length === 1) return candidates[0];
    }
    return node.modelPath.length === 0 ? this.positional.get(node.kerasName)?.[index] : undefined;
  }

  describe(node: KerasLayerNode, kerasNames: string[]): string {
    return `'${node.kerasName}/${kerasNames[0]}'`;
  }

  all(): SourceTensor[] {
    return this.tensors;
  }
}

/** Keras 3 weights files: `<layer path>/vars/<index>` (layer paths from class names, see keras-naming.ts). */
export class Keras3WeightSource implements WeightSource {
  readonly #byPath: Map<string, SourceTensor>;

  constructor(readonly tensors: SourceTensor[]) {
    this.#byPath = new Map(tensors.map((t) => [t.name, t]));
  }

  find(node: KerasLayerNode, _kerasNames: string[], index: number): SourceTensor | undefined {
    return this.#byPath.get(`${node.keras3Path}/vars/${index}`);
  }

  describe(node: KerasLayerNode, kerasNames: string[], index: number): string {
    return `${node.keras3Path}/vars/${index} (${kerasNames[0]} of '${node.kerasName}')`;
  }

  all(): SourceTensor[] {
    return this.tensors;
  }
}
