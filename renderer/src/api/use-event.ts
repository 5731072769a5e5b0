import { useEffect, useRef } from 'react';
import type { EventName, EventPayloads } from '../../../shared/contract';
import { useApi } from './api-context';

/** Subscribes to a contract event for the component's lifetime; the latest listener is always called. */
export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): void {
  const api = useApi();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [api, event]);
}
