import type { SparseStudioApi } from '../../../shared/contract';
import type { IpcBridge } from './bridge';
import { unwrapEnvelope } from './envelope';
import { Listeners } from './listeners';

/** The contract over Electron IPC (the preload's bridge). */
export function createIpcClient(bridge: IpcBridge): SparseStudioApi {
  const listeners = new Listeners();
  bridge.on((event, payload) => listeners.emit(event, payload));
  return {
    invoke: async (command, request) => unwrapEnvelope(await bridge.invoke(command, request), command) as never,
    on: (event, listener) => listeners.add(event, listener),
  };
}
