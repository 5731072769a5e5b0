import { openAdbConnection } from '../../core/devices/adb-connection';
import { stateAdvice } from '../../core/devices/device-state';
import { connectEndpoint, disconnectEndpoint } from '../../core/devices/remote-endpoint';
import {
  defaultDeviceSettingsPath,
  forgetEndpoint,
  loadDeviceSettings,
  rememberAdbServer,
  rememberEndpoint,
} from '../../core/devices/settings';
import { UserError } from '../../core/util/errors';
import { jsonLine, type CliCommand } from '../command';
import { stringOption } from '../options';

const USAGE = `Usage: sparse-studio connect HOST:PORT [--forget] [--adb-server HOST:PORT] [--json]
       sparse-studio connect --remote-server HOST:PORT

Connects a network device (Wi-Fi debugging, a device farm such as DeviceFarmer STF, an emulator) with
'adb connect' and remembers it in the device settings, so 'devices' reconnects it. With --remote-server, remembers
the adb server of another machine (started there with 'adb -a -P PORT server nodaemon') so 'devices' lists its phones.

Options:
  --forget                 disconnect and remove the endpoint from the settings
  --remote-server HOST:PORT  check and remember a remote adb server
  --adb-server HOST:PORT   adb server to use
  --json                   print the result as JSON`;

export const connectCommand: CliCommand = {
  name: 'connect',
  summary: 'Connect (and remember) a network adb endpoint HOST:PORT',
  usage: USAGE,
  allowPositionals: true,
  options: {
    forget: { type: 'boolean' },
    json: { type: 'boolean' },
    'adb-server': { type: 'string' },
    'remote-server': { type: 'string' },
  },
  async run(values, positionals, io) {
    const remote = stringOption(values, 'remote-server');
    if (remote) {
      const { client, address } = await openAdbConnection({ server: remote });
      const version = await client.version();
      await rememberAdbServer(defaultDeviceSettingsPath(), `${address.host}:${address.port}`);
      if (values.json) jsonLine(io, { type: 'adb-server-remembered', server: `${address.host}:${address.port}`, version });
      else io.stdout.write(`Remembered adb server ${address.host}:${address.port} (protocol version ${version}).\n`);
      return 0;
    }
    const endpoint = positionals[0];
    if (!endpoint || positionals.length > 1)
      throw new UserError(
        'MISSING_ARGUMENT',
        'connect needs exactly one HOST:PORT',
        'Example: sparse-studio connect 192.168.1.20:5555',
      );
    const settingsPath = defaultDeviceSettingsPath();
    const settings = await loadDeviceSettings(settingsPath);
    const server = stringOption(values, 'adb-server');
    const { client } = await openAdbConnection({
      ...(server ? { server } : {}),
      ...(settings.adbPath ? { adbPath: settings.adbPath } : {}),
    });
    if (values.forget) {
      await disconnectEndpoint(client, endpoint).catch(() => undefined);
      await forgetEndpoint(settingsPath, endpoint);
      if (values.json) jsonLine(io, { type: 'forgotten', endpoint });
      else io.stdout.write(`Forgot ${endpoint}.\n`);
      return 0;
    }
    const connection = await connectEndpoint(client, endpoint);
    await rememberEndpoint(settingsPath, connection.serial);
    if (values.json) jsonLine(io, { type: 'connected', ...connection });
    else
      io.stdout.write(
        connection.state === 'device'
          ? `Connected to ${connection.serial}.\n`
          : `${stateAdvice(connection.serial, connection.state)}\n`,
      );
    return 0;
  },
};
