/** Keras' `naming.to_snake_case`, which names each layer's group in a Keras 3 weights file (`layers/conv2d_1/vars`). */
export function toSnakeCase(name: string): string {
  return name
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** Keras 3's container naming: the n-th layer of one class in a model gets `<snake>` then `<snake>_1`, `<snake>_2`... */
export class SnakeNamer {
  readonly #used = new Map<string, number>();

  next(className: string): string {
    const name = toSnakeCase(className);
    const count = this.#used.get(name);
    if (count === undefined) {
      this.#used.set(name, 0);
      return name;
    }
    this.#used.set(name, count + 1);
    return `${name}_${count + 1}`;
  }
}
