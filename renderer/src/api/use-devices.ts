import { useCallback, useEffect, useState } from 'react';
import type { ContractError } from '../../../shared/contract';
import { asContractError } from '../transport/api-error';
import { withHost } from '../state/devices';
import { useApi } from './api-context';
import type { DeviceSummary } from './responses';
import { useEvent } from './use-event';

/** The live device list: `devices.list` once, then every `devices.changed` (hot-plug) event. */
export function useDevices() {
  const api = useApi();
  const [devices, setDevices] = useState<DeviceSummary[]>(withHost([]));
  const [error, setError] = useState<ContractError | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      setDevices(withHost(await api.invoke('devices.list', {})));
      setError(undefined);
    } catch (e) {
      setError(asContractError(e));
    }
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEvent('devices.changed', (payload) => setDevices(withHost(payload.devices)));
  return { devices, error, refresh };
}
