// The only bridge between the sandboxed page and the main process: one typed object, `window.sparseStudio`.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/transport';

contextBridge.exposeInMainWorld('sparseStudioIpc', {
  invoke: (command: string, request: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, command, request),
  on: (listener: (event: string, payload: unknown) => void): (() => void) => {
    const wrapped = (_: IpcRendererEvent, event: string, payload: unknown): void => listener(event, payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
});
