import { openAdbConnection } from '../../core/devices/adb-connection';
import { describeDevice } from '../../core/devices/describe-device';
import { listDevices } from '../../core/devices/list-devices';
import { connectEndpoint } from '../../core/devices/remote-endpoint';
import { defaultDeviceSettingsPath, loadDeviceSettings } from '../../core/devices/settings';
import { errorMessage } from '../../core/util/errors';
import { jsonLine, type CliCommand } from '../command';
import { stringOption } from '../options';

const USAGE = `Usage: sparse-studio devices [--json] [--adb-server HOST:PORT]

Lists the Android devices of the adb server with their details (model, Android version, ABI, SoC, CPU clusters and
big-core mask, RAM, battery, thermal status). Network endpoints remembered by 'connect' are reconnected first.
Phones of other adb servers listed in the device settings are shown too.

Options:
  --adb-server HOST:PORT   adb server to use (default: ANDROID_ADB_SERVER_PORT, else 127.0.0.1:5037; a local server
                           is started when none runs)
  --json                   one JSON object per device`;

export const devicesCommand: CliCommand = {
  name: 'devices',
  summary: 'List Android phones (adb) with their details',
  usage: USAGE,
  options: { json: { type: 'boolean' }, 'adb-server': { type: 'string' } },
  async run(values, _positionals, io) {
    const settings = await loadDeviceSettings(defaultDeviceSettingsPath());
    const server = stringOption(values, 'adb-server');
    const { client, address } = await openAdbConnection({
      ...(server ? { server } : {}),
      ...(settings.adbPath ? { adbPath: settings.adbPath } : {}),
    });
    const known = new Set(((await client.listDevices()) as { id: string }[]).map((d) => d.id));
    await Promise.all(
      settings.endpoints
        .filter((e) => !known.has(e))
        .map(async (endpoint) => {
          try {
            await connectEndpoint(client, endpoint);
          } catch (error) {
            io.stderr.write(`Warning: remembered endpoint ${endpoint}: ${errorMessage(error).split('\n')[0]}\n`);
          }
        }),
    );
    const servers = [{ label: `${address.host}:${address.port}`, client }];
    for (const remote of settings.adbServers) {
      try {
        servers.push({ label: remote, client: (await openAdbConnection({ server: remote })).client });
      } catch (error) {
        io.stderr.write(`Warning: adb server ${remote}: ${errorMessage(error).split('\n')[0]}\n`);
      }
    }
    let count = 0;
    for (const { label, client: serverClient } of servers) {
      for (const device of await listDevices(serverClient, true)) {
        count++;
        if (values.json) jsonLine(io, { type: 'device', adbServer: label, ...device });
        else io.stdout.write(`${describeDevice(device)}${servers.length > 1 ? `  [adb server ${label}]` : ''}\n`);
      }
    }
    if (count === 0 && !values.json)
      io.stdout.write('No Android device found. Plug a phone in with USB debugging on, or use `connect HOST:PORT`.\n');
    return 0;
  },
};
