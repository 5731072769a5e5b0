import { openAdbConnection } from '../../core/devices/adb-connection';
import { pairEndpoint } from '../../core/devices/pair-endpoint';
import { defaultDeviceSettingsPath, loadDeviceSettings } from '../../core/devices/settings';
import { UserError } from '../../core/util/errors';
import { jsonLine, type CliCommand } from '../command';
import { stringOption } from '../options';

const USAGE = `Usage: sparse-studio pair HOST:PORT CODE [--adb-server HOST:PORT] [--json]

Pairs this computer with an Android 11+ phone over Wi-Fi, as 'adb pair HOST:PORT CODE' does. On the phone open
Developer options > Wireless debugging > Pair device with pairing code; HOST:PORT and the 6-digit CODE are the ones
that dialog shows. Then connect with the address under "IP address & Port" (a different port):
  sparse-studio connect HOST:CONNECT_PORT

Needs an adb server from platform-tools 30 or newer.

Options:
  --adb-server HOST:PORT   adb server to use
  --json                   print the result as JSON`;

export const pairCommand: CliCommand = {
  name: 'pair',
  summary: 'Pair with a phone for Wireless debugging (adb pair HOST:PORT CODE)',
  usage: USAGE,
  allowPositionals: true,
  options: {
    json: { type: 'boolean' },
    'adb-server': { type: 'string' },
  },
  async run(values, positionals, io) {
    const [endpoint, code] = positionals;
    if (!endpoint || !code || positionals.length > 2)
      throw new UserError(
        'MISSING_ARGUMENT',
        'pair needs the pairing HOST:PORT and the 6-digit CODE the phone shows',
        'Example: sparse-studio pair 192.168.1.20:37099 123456',
      );
    const settings = await loadDeviceSettings(defaultDeviceSettingsPath());
    const server = stringOption(values, 'adb-server');
    const { client } = await openAdbConnection({
      ...(server ? { server } : {}),
      ...(settings.adbPath ? { adbPath: settings.adbPath } : {}),
    });
    const paired = await pairEndpoint(client, endpoint, code);
    if (values.json) jsonLine(io, { type: 'paired', ...paired });
    else
      io.stdout.write(
        `Paired with ${paired.endpoint}${paired.guid ? ` (${paired.guid})` : ''}. Now run: sparse-studio connect HOST:PORT with the address under "IP address & Port".\n`,
      );
    return 0;
  },
};
