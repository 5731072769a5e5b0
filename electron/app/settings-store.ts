import { readFile } from 'node:fs/promises';
import type { StoredSettings } from '../../shared/contract';
import { writeJsonAtomic } from '../core/util/atomic-write';
import { defaultWorkspace } from '../core/report/workspace';

// One default workspace for the app and the CLI (electron/core/report/workspace.ts).
export { defaultWorkspace } from '../core/report/workspace';

/**
 * The app's own settings (workspace, theme, adb server), kept as one JSON file written atomically. The adb program
 * is a device setting: it lives in the device settings file that the CLI reads too (DeviceService.adbPath).
 */
export class SettingsStore {
  readonly #file: string;
  #settings: StoredSettings;

  private constructor(file: string, settings: StoredSettings) {
    this.#file = file;
    this.#settings = settings;
  }

  static async open(file: string): Promise<SettingsStore> {
    let stored: Partial<StoredSettings> & { adbPath?: unknown } = {};
    try {
      stored = JSON.parse(await readFile(file, 'utf8')) as Partial<StoredSettings>;
    } catch {
      // No settings yet (or unreadable): start from defaults; the next update rewrites the file.
    }
    // Older versions kept the adb path here, where nothing read it; it belongs to the device settings now.
    const { adbPath, ...settings } = stored;
    const store = new SettingsStore(file, { workspace: defaultWorkspace(), ...settings });
    if (typeof adbPath === 'string') store.legacyAdbPath = adbPath;
    return store;
  }

  /** An adb path found in an old settings file, for the caller to move to the device settings. */
  legacyAdbPath: string | undefined;

  get(): StoredSettings {
    return { ...this.#settings };
  }

  /** Drops a setting, so its default applies again. */
  async forget(key: Exclude<keyof StoredSettings, 'workspace'>): Promise<StoredSettings> {
    const rest = { ...this.#settings };
    delete rest[key];
    this.#settings = rest;
    await writeJsonAtomic(this.#file, this.#settings);
    return this.get();
  }

  async update(changes: Partial<StoredSettings>): Promise<StoredSettings> {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    this.#settings = { ...this.#settings, ...defined };
    await writeJsonAtomic(this.#file, this.#settings);
    return this.get();
  }
}
