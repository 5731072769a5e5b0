import { join } from 'node:path';
import type { AppInfo } from '../../shared/contract';
import type { EventBus } from './event-bus';
import { DeviceService } from './device-service';
import { JobManager } from './job-manager';
import { SettingsStore } from './settings-store';

/** Everything the command handlers share: events, jobs, settings. One per window (or per browser-mode server). */
export interface AppContext {
  bus: EventBus;
  jobs: JobManager;
  devices: DeviceService;
  settings: SettingsStore;
  transport: AppInfo['transport'];
  userDataDir: string;
  /** HTML -> PDF with the host's own browser engine (Electron's printToPDF); absent in browser mode and the CLI. */
  printToPdf?: (html: string, page: 'A4' | 'Letter') => Promise<Uint8Array>;
  /** The desktop save dialog: the chosen path, or undefined when the user cancels. Absent in browser mode. */
  chooseSavePath?: (suggestedPath: string) => Promise<string | undefined>;
  /** Moves a folder to the system trash (Electron's shell.trashItem). Absent in browser mode. */
  trashItem?: (path: string) => Promise<void>;
  /** The desktop folder dialog ("Open run folder…"): the chosen folder, or undefined when cancelled. Absent in browser mode. */
  chooseFolder?: () => Promise<string | undefined>;
  dispose(): void;
}

export async function createAppContext(options: {
  bus: EventBus;
  transport: AppInfo['transport'];
  userDataDir: string;
  printToPdf?: (html: string, page: 'A4' | 'Letter') => Promise<Uint8Array>;
  chooseSavePath?: (suggestedPath: string) => Promise<string | undefined>;
  trashItem?: (path: string) => Promise<void>;
  chooseFolder?: () => Promise<string | undefined>;
  /** The device settings file shared with the CLI (endpoints, adb servers, adb path); default ~/.sparse-studio. */
  deviceSettingsPath?: string;
}): Promise<AppContext> {
  const jobs = new JobManager(options.bus);
  const settings = await SettingsStore.open(join(options.userDataDir, 'settings.json'));
  const adbServer = settings.get().adbServer;
  const devices = new DeviceService(options.bus, {
    ...(adbServer ? { adbServer } : {}),
    ...(options.deviceSettingsPath ? { settingsPath: options.deviceSettingsPath } : {}),
  });
  if (settings.legacyAdbPath && !(await devices.adbPath())) await devices.setAdbPath(settings.legacyAdbPath);
  return {
    bus: options.bus,
    jobs,
    devices,
    settings,
    transport: options.transport,
    userDataDir: options.userDataDir,
    ...(options.printToPdf ? { printToPdf: options.printToPdf } : {}),
    ...(options.chooseSavePath ? { chooseSavePath: options.chooseSavePath } : {}),
    ...(options.trashItem ? { trashItem: options.trashItem } : {}),
    ...(options.chooseFolder ? { chooseFolder: options.chooseFolder } : {}),
    dispose: () => {
      jobs.cancelAll();
      devices.dispose();
    },
  };
}
