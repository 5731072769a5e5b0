import { readFile } from 'node:fs/promises';
import type { Settings } from '../../shared/contract';
import { writeJsonAtomic } from '../core/util/atomic-write';
import { defaultWorkspace } from '../core/report/workspace';

// One default workspace for the app and the CLI (electron/core/report/workspace.ts).
export { defaultWorkspace } from '../core/report/workspace';

/** The app's settings, kept as one JSON file written atomically. */
export class SettingsStore {
  readonly #file: string;
  #settings: Settings;

  private constructor(file: string, settings: Settings) {
    this.#file = file;
    this.#settings = settings;
  }

  static async open(file: string): Promise<SettingsStore> {
    let stored: Partial<Settings> = {};
    try {
      stored = JSON.parse(await readFile(file, 'utf8')) as Partial<Settings>;
    } catch {
      // No settings yet (or unreadable): start from defaults; the next update rewrites the file.
    }
    return new SettingsStore(file, { workspace: defaultWorkspace(), ...stored });
  }

  get(): Settings {
    return { ...this.#settings };
  }

  /** Drops a setting, so its default applies again. */
  async forget(key: Exclude<keyof Settings, 'workspace'>): Promise<Settings> {
    const rest = { ...this.#settings };
    delete rest[key];
    this.#settings = rest;
    await writeJsonAtomic(this.#file, this.#settings);
    return this.get();
  }

  async update(changes: Partial<Settings>): Promise<Settings> {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    this.#settings = { ...this.#settings, ...defined };
    await writeJsonAtomic(this.#file, this.#settings);
    return this.get();
  }
}
