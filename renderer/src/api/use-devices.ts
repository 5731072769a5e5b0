import { useCallback, useEffect, useState } from 'react';
import type { ContractError } from '../../../shared/contract';
import { asContractError } from '../transport/api-error';
import { withHost } from '../state/devices';
import { useApi } from './api-context';
import { asArray, type DeviceSummary } from './responses';
import { useEvent } from './use-event';

/** The live device list: `devices.list` once, then every `devices.changed` (hot-plug) event. */
export function useDevices() {
  const api = useApi();
  const [devices, setDevices] = useState<DeviceSummary[]>(withHost([]));
  const [error, setError] = useState<ContractError | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      setDevices(withHost(asArray<DeviceSummary>(await api.invoke('devices.list', {}), 'devices')));
      setError(undefined);
    } catch (e) {
      setError(asContractError(e));
    }
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEvent('devices.changed', (payload) => setDevices(withHost(asArray<DeviceSummary>(payload.devices, 'devices'))));
  return { devices, error, refresh };
}
