/** What electron/preload.ts exposes on `window.sparseStudioIpc`. */
export interface IpcBridge {
  invoke(command: string, request: unknown): Promise<unknown>;
  on(listener: (event: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    sparseStudioIpc?: IpcBridge;
  }
}
