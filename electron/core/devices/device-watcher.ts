import { EventEmitter } from 'node:events';
import type { AdbClient, AdbTracker } from './adbkit';
import type { AdbDeviceEntry } from './device-state';

/** adbkit's Device (typed narrower than what adb really reports). */
interface TrackedDevice {
  id: string;
  type: string;
}

export interface DeviceWatcherEvents {
  added: [AdbDeviceEntry];
  removed: [AdbDeviceEntry];
  /** State change, e.g. unauthorized -> device, device -> offline. */
  changed: [AdbDeviceEntry, string];
  error: [Error];
  end: [];
}

const pollIntervalMs = 500;

/**
 * The live device list of one adb server, with hot-plug events (adbkit's trackDevices). adb does not announce every
 * state change on its tracking socket (a network device going offline -> unauthorized is silent in adb 29), so while
 * a device is in a waiting state the list is also polled.
 */
export class DeviceWatcher extends EventEmitter<DeviceWatcherEvents> {
  readonly #devices = new Map<string, AdbDeviceEntry>();
  #tracker: AdbTracker | undefined;
  #poll: NodeJS.Timeout | undefined;
  #polling = false;

  constructor(private readonly client: AdbClient) {
    super();
  }

  /** Starts tracking; devices already attached arrive as `added`. */
  async start(): Promise<void> {
    const tracker = await this.client.trackDevices();
    this.#tracker = tracker;
    tracker.on('add', (d: TrackedDevice) => this.#set({ serial: d.id, state: d.type }, 'added'));
    tracker.on('change', (d: TrackedDevice) => this.#change({ serial: d.id, state: d.type }));
    tracker.on('remove', (d: TrackedDevice) => {
      const entry = this.#devices.get(d.id) ?? { serial: d.id, state: d.type };
      this.#devices.delete(d.id);
      this.emit('removed', entry);
    });
    tracker.on('error', (error: Error) => {
      // An unheard 'error' would throw; the tracker also ends, which 'end' reports.
      if (this.listenerCount('error') > 0) this.emit('error', error);
    });
    tracker.on('end', () => this.emit('end'));
    this.#poll = setInterval(() => void this.#refresh(), pollIntervalMs);
    this.#poll.unref();
  }

  #set(entry: AdbDeviceEntry, event: 'added'): void {
    this.#devices.set(entry.serial, entry);
    this.emit(event, entry);
  }

  #change(entry: AdbDeviceEntry): void {
    const old = this.#devices.get(entry.serial)?.state ?? 'unknown';
    if (old === entry.state) return;
    this.#devices.set(entry.serial, entry);
    this.emit('changed', entry, old);
  }

  async #refresh(): Promise<void> {
    if (this.#polling || ![...this.#devices.values()].some((d) => d.state !== 'device')) return;
    this.#polling = true;
    try {
      const listed = (await this.client.listDevices()) as TrackedDevice[];
      for (const d of listed) if (this.#devices.has(d.id)) this.#change({ serial: d.id, state: d.type });
    } catch {
      // The tracker reports a dead server through its own 'error'/'end'.
    } finally {
      this.#polling = false;
    }
  }

  list(): AdbDeviceEntry[] {
    return [...this.#devices.values()];
  }

  stop(): void {
    clearInterval(this.#poll);
    this.#tracker?.end();
    this.#tracker = undefined;
  }
}
