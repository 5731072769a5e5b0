import type { EventName, EventPayloads } from '../../../shared/contract';

type AnyListener = (payload: never) => void;

/** Per-event listener sets shared by both transports. */
export class Listeners {
  readonly #byEvent = new Map<string, Set<AnyListener>>();

  add<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    let set = this.#byEvent.get(event);
    if (!set) this.#byEvent.set(event, (set = new Set()));
    set.add(listener as AnyListener);
    return () => set.delete(listener as AnyListener);
  }

  emit(event: string, payload: unknown): void {
    for (const listener of this.#byEvent.get(event) ?? []) (listener as (payload: unknown) => void)(payload);
  }
}
