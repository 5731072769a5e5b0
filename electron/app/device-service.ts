import type { EventBus } from './event-bus';
import { openAdbConnection, type AdbConnection } from '../core/devices/adb-connection';
import { AdbDevice } from '../core/devices/adb-device';
import type { DeviceDetails } from '../core/devices/details/device-details';
import { DeviceWatcher } from '../core/devices/device-watcher';
import { listDevices, type ListedDevice } from '../core/devices/list-devices';
import { connectEndpoint, disconnectEndpoint } from '../core/devices/remote-endpoint';
import { pairEndpoint, type PairedEndpoint } from '../core/devices/pair-endpoint';
import {
  defaultDeviceSettingsPath,
  forgetEndpoint,
  loadDeviceSettings,
  normaliseEndpoint,
  rememberEndpoint,
  setAdbPath,
} from '../core/devices/settings';
import { UserError } from '../core/util/errors';
import { localDevices, type LocalDevice } from '../core/benchmark/device-registry';
import type { HostDetails } from '../core/benchmark/host-device';
import type { DeviceRef } from '../../shared/benchmark-result';

/** What `adb connect` left behind: the device's state as adb lists it right after connecting. */
export interface ConnectOutcome {
  serial: string;
  state: string;
}

/** How long a freshly connected network device may stay 'offline' before that counts as its real state. */
const SETTLE_MS = 2_000;

export interface DeviceEntry {
  id: string;
  kind: DeviceRef['kind'];
  state: string;
  label: string;
  advice?: string;
  /** "This computer"'s facts; a phone's come from `details(id)`. */
  details?: HostDetails;
}

/**
 * The device list the UI shows: "This computer" always, plus the adb server's phones, kept live with hot-plug
 * events. The adb connection is opened on first use; when adb is missing the error names what to install.
 */
export class DeviceService {
  readonly #bus: EventBus;
  readonly #settingsPath: string;
  /** Devices that need no adb ("This computer"): always listed, even when adb is missing. */
  readonly #local: readonly LocalDevice[] = localDevices();
  #connection: Promise<AdbConnection> | undefined;
  #watcher: DeviceWatcher | undefined;
  #adbServer: string | undefined;

  constructor(bus: EventBus, options: { adbServer?: string; settingsPath?: string } = {}) {
    this.#bus = bus;
    this.#adbServer = options.adbServer;
    this.#settingsPath = options.settingsPath ?? defaultDeviceSettingsPath();
  }

  /** The adb program from the device settings (the same file the CLI reads). */
  async adbPath(): Promise<string | undefined> {
    return (await loadDeviceSettings(this.#settingsPath)).adbPath;
  }

  /** Stores the adb program (undefined: adb from PATH) and reconnects with it on next use. */
  async setAdbPath(adbPath: string | undefined): Promise<void> {
    if (adbPath === (await this.adbPath())) return;
    await setAdbPath(this.#settingsPath, adbPath);
    this.dispose();
  }

  setServer(adbServer: string | undefined): void {
    if (adbServer === this.#adbServer) return;
    this.#adbServer = adbServer;
    this.dispose();
  }

  #connect(): Promise<AdbConnection> {
    this.#connection ??= (async () => {
      const settings = await loadDeviceSettings(this.#settingsPath);
      const connection = await openAdbConnection({
        ...(this.#adbServer ? { server: this.#adbServer } : {}),
        ...(settings.adbPath ? { adbPath: settings.adbPath } : {}),
        onStrayError: () => undefined,
      });
      const watcher = new DeviceWatcher(connection.client);
      const publish = (): void =>
        void this.list().then(
          (devices) => this.#bus.emit('devices.changed', { devices }),
          () => undefined,
        );
      watcher
        .on('added', publish)
        .on('removed', publish)
        .on('changed', publish)
        .on('error', () => undefined);
      await watcher.start();
      this.#watcher = watcher;
      return connection;
    })();
    this.#connection.catch(() => {
      this.#connection = undefined;
    });
    return this.#connection;
  }

  async #localEntry(device: LocalDevice): Promise<DeviceEntry> {
    return { ...device.ref, state: 'device', details: await device.details() };
  }

  async list(): Promise<DeviceEntry[]> {
    const { client } = await this.#connect();
    const phones = await listDevices(client, false);
    return [
      ...(await Promise.all(this.#local.map((device) => this.#localEntry(device)))),
      ...phones.map((d: ListedDevice) => ({
        id: d.serial,
        kind: 'adb' as const,
        state: d.state,
        label: d.serial,
        ...(d.advice ? { advice: d.advice } : {}),
      })),
    ];
  }

  async details(id: string): Promise<DeviceEntry | DeviceDetails> {
    const local = this.#local.find((device) => device.ref.id === id);
    if (local) return this.#localEntry(local);
    const { client } = await this.#connect();
    return new AdbDevice(client, id).details();
  }

  /**
   * `adb connect`, then the device's real state as adb lists it. A connect that fails, or leaves only an offline
   * entry for an address that was not listed before, is undone (`adb disconnect`) so no ghost device stays behind;
   * only a device that answers is remembered.
   */
  async connect(host: string, port: number): Promise<ConnectOutcome> {
    const { client } = await this.#connect();
    const serial = normaliseEndpoint(`${host}:${port}`);
    const stateOf = async (): Promise<string | undefined> =>
      (await listDevices(client, false)).find((d) => d.serial === serial)?.state;
    const wasListed = (await stateOf()) !== undefined;
    const undo = async (): Promise<void> => {
      if (!wasListed) await disconnectEndpoint(client, serial).catch(() => undefined);
    };
    let connected: { state: string };
    try {
      connected = await connectEndpoint(client, serial);
    } catch (error) {
      await undo();
      throw error;
    }
    let state = (await stateOf()) ?? connected.state;
    for (const started = Date.now(); state === 'offline' && Date.now() - started < SETTLE_MS; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      state = (await stateOf()) ?? connected.state;
    }
    if (state !== 'device' && state !== 'unauthorized') {
      await undo();
      throw new UserError(
        'CONNECT_NO_ANSWER',
        `adb reached ${serial}, but the device there does not answer (adb lists it as ${state})`,
        wasListed
          ? 'On the phone, turn Wireless debugging off and on again, then connect again; or remove the entry.'
          : 'Check that the address belongs to a phone with Wireless debugging on; nothing was added.',
      );
    }
    await rememberEndpoint(this.#settingsPath, serial);
    return { serial, state };
  }

  /** `adb pair` with a phone's Wireless debugging pairing dialog; the phone is then connected on its own address. */
  async pair(host: string, port: number, code: string): Promise<PairedEndpoint> {
    const { client } = await this.#connect();
    return pairEndpoint(client, `${host}:${port}`, code);
  }

  /** `adb disconnect` a network device; `forget` also drops it from the endpoints reconnected at start. */
  async disconnect(id: string, forget: boolean): Promise<{ serial: string; forgotten: boolean }> {
    const { client } = await this.#connect();
    const serial = normaliseEndpoint(id);
    await disconnectEndpoint(client, serial).catch(() => undefined);
    if (forget) await forgetEndpoint(this.#settingsPath, serial);
    void this.list().then(
      (devices) => this.#bus.emit('devices.changed', { devices }),
      () => undefined,
    );
    return { serial, forgotten: forget };
  }

  dispose(): void {
    this.#watcher?.removeAllListeners();
    this.#watcher?.stop();
    this.#watcher = undefined;
    this.#connection = undefined;
  }
}
