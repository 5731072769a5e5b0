import { createContext, useContext, type ReactNode } from 'react';
import type { SparseStudioApi } from '../../../shared/contract';

const ApiContext = createContext<SparseStudioApi | null>(null);

export function ApiProvider({ api, children }: { api: SparseStudioApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): SparseStudioApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() outside <ApiProvider>');
  return api;
}
