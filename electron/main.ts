// The thin Electron shell: one secure window, the IPC transport, nothing else. All work happens in electron/core.
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { EventBus } from './app/event-bus';
import { createAppContext } from './app/context';
import { createHandlers } from './app/handlers';
import { forwardEvents, registerIpc } from './ipc';
import { CONTENT_SECURITY_POLICY } from './app/csp';
import { printToPdf } from './print-to-pdf';

const here = dirname(fileURLToPath(import.meta.url));
const rendererIndex = join(here, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
const isOurPage = (url: string): boolean => url.split('#')[0]!.split('?')[0] === rendererUrl;

async function createWindow(): Promise<void> {
  const bus = new EventBus();
  const context = await createAppContext({
    bus,
    transport: 'ipc',
    userDataDir: app.getPath('userData'),
    printToPdf,
    chooseSavePath: async (suggestedPath) => {
      const options = { defaultPath: suggestedPath, title: 'Save the report' };
      const owner = BrowserWindow.getFocusedWindow();
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return choice.canceled ? undefined : choice.filePath;
    },
    trashItem: (path) => shell.trashItem(path),
    chooseFolder: async () => {
      const options = { title: 'Open run folder', properties: ['openDirectory' as const] };
      const owner = BrowserWindow.getFocusedWindow();
      const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return choice.canceled ? undefined : choice.filePaths[0];
    },
  });
  registerIpc(ipcMain, createHandlers(context), isOurPage);

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Sparse Studio',
    show: false,
    webPreferences: {
      preload: join(here, 'preload.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isOurPage(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const stopForwarding = forwardEvents(bus, window.webContents);
  window.on('closed', () => {
    stopForwarding();
    context.dispose();
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(rendererUrl);
}

app.enableSandbox();
app.whenReady().then(createWindow, (error: unknown) => {
  console.error(error);
  app.exit(1);
});
app.on('window-all-closed', () => app.quit());
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});
