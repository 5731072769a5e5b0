import type { EventBus } from './event-bus';
import { openAdbConnection, type AdbConnection } from '../core/devices/adb-connection';
import { AdbDevice } from '../core/devices/adb-device';
import { DeviceWatcher } from '../core/devices/device-watcher';
import { listDevices, type ListedDevice } from '../core/devices/list-devices';
import { connectEndpoint } from '../core/devices/remote-endpoint';
import { defaultDeviceSettingsPath, loadDeviceSettings, rememberEndpoint } from '../core/devices/settings';
import { HOST_DEVICE } from '../core/host/benchmark';
import { environmentInfo } from '../core/runs/environment';

export interface DeviceEntry {
  id: string;
  kind: 'host' | 'adb';
  state: string;
  label: string;
  advice?: string;
  details?: unknown;
}

/**
 * The device list the UI shows: "This computer" always, plus the adb server's phones, kept live with hot-plug
 * events. The adb connection is opened on first use; when adb is missing the error names what to install.
 */
export class DeviceService {
  readonly #bus: EventBus;
  readonly #settingsPath: string;
  #connection: Promise<AdbConnection> | undefined;
  #watcher: DeviceWatcher | undefined;
  #adbServer: string | undefined;

  constructor(bus: EventBus, options: { adbServer?: string; settingsPath?: string } = {}) {
    this.#bus = bus;
    this.#adbServer = options.adbServer;
    this.#settingsPath = options.settingsPath ?? defaultDeviceSettingsPath();
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

  hostEntry(): DeviceEntry {
    return { id: HOST_DEVICE.id, kind: 'host', state: 'device', label: HOST_DEVICE.label, details: environmentInfo() };
  }

  async list(): Promise<DeviceEntry[]> {
    const { client } = await this.#connect();
    const phones = await listDevices(client, false);
    return [
      this.hostEntry(),
      ...phones.map((d: ListedDevice) => ({
        id: d.serial,
        kind: 'adb' as const,
        state: d.state,
        label: d.serial,
        ...(d.advice ? { advice: d.advice } : {}),
      })),
    ];
  }

  async details(id: string): Promise<unknown> {
    if (id === HOST_DEVICE.id) return this.hostEntry();
    const { client } = await this.#connect();
    return new AdbDevice(client, id).details();
  }

  async connect(host: string, port: number): Promise<unknown> {
    const { client } = await this.#connect();
    const endpoint = `${host}:${port}`;
    const result = await connectEndpoint(client, endpoint);
    await rememberEndpoint(this.#settingsPath, endpoint);
    return result;
  }

  dispose(): void {
    this.#watcher?.removeAllListeners();
    this.#watcher?.stop();
    this.#watcher = undefined;
    this.#connection = undefined;
  }
}
