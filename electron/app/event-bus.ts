import type { EventName, EventPayloads } from '../../shared/contract';

type Listener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** Fan-out of contract events to every connected transport (the Electron window, WebSocket clients). */
export class EventBus {
  readonly #listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.#listeners) listener(event, payload);
  }
}
