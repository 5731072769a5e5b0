import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../../shared/contract';
import { writeJsonAtomic } from '../core/util/atomic-write';

export function defaultWorkspace(): string {
  return process.env.SPARSE_STUDIO_WORKSPACE ?? join(homedir(), 'SparseStudio', 'runs');
}

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

  async update(changes: Partial<Settings>): Promise<Settings> {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    this.#settings = { ...this.#settings, ...defined };
    await writeJsonAtomic(this.#file, this.#settings);
    return this.get();
  }
}
