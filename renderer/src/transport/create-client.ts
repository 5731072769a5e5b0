import type { SparseStudioApi } from '../../../shared/contract';
import './bridge';
import { createIpcClient } from './ipc-client';
import { createWsClient, socketUrl } from './ws-client';

export type TransportKind = 'ipc' | 'websocket';

/** The client for whichever transport this page has: Electron's preload bridge, else the local WebSocket server. */
export function createClient(): { api: SparseStudioApi; transport: TransportKind } {
  if (window.sparseStudioIpc) return { api: createIpcClient(window.sparseStudioIpc), transport: 'ipc' };
  const url = socketUrl(window.location);
  return { api: createWsClient(new WebSocket(url), window.location.host), transport: 'websocket' };
}
