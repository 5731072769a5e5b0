import { UserError, errorMessage } from '../util/errors';
import type { AdbClient } from './adbkit';
import { PAIRING_CODE } from './pairing-code';
import { isUnknownPairService, parsePairReply } from './parse/pair-reply';
import { normaliseEndpoint } from './settings';


const PAIR_TIMEOUT_MS = 30_000;

export interface PairedEndpoint {
  /** The pairing address (HOST:PORT of the pairing dialog; the phone connects on another port). */
  endpoint: string;
  guid: string | undefined;
}

function encode(service: string): Buffer {
  const body = Buffer.from(service, 'utf8');
  return Buffer.concat([Buffer.from(body.length.toString(16).padStart(4, '0'), 'ascii'), body]);
}

/**
 * `adb pair HOST:PORT CODE` through the adb server (the same host service the adb command sends), so it works with a
 * remote adb server too. Pairing once lets this computer `connect` to the phone's Wireless debugging address later.
 */
export async function pairEndpoint(client: AdbClient, endpoint: string, code: string, timeoutMs = PAIR_TIMEOUT_MS): Promise<PairedEndpoint> {
  const target = normaliseEndpoint(endpoint);
  if (!PAIRING_CODE.test(code))
    throw new UserError(
      'INVALID_PAIRING_CODE',
      `The pairing code for ${target} must be the 6 digits the phone shows`,
      'On the phone: Developer options > Wireless debugging > Pair device with pairing code.',
    );
  const connection = await client.connection();
  let timer: NodeJS.Timeout | undefined;
  try {
    const reply = (async () => {
      connection.write(encode(`host:pair:${code}:${target}`));
      const status = await connection.parser.readAscii(4);
      const text = (await connection.parser.readValue()).toString('utf8');
      return { status, text };
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new UserError(
              'PAIR_TIMEOUT',
              `Pairing with ${target} got no answer within ${timeoutMs / 1000} s`,
              'Check that the pairing dialog is still open on the phone and that this computer is on the same network.',
            ),
          ),
        timeoutMs,
      );
    });
    const { status, text } = await Promise.race([reply, timeout]);
    if (status !== 'OKAY') {
      if (isUnknownPairService(text))
        throw new UserError(
          'PAIR_UNSUPPORTED',
          `This adb server cannot pair with ${target}: it is older than platform-tools 30 (${text.trim()})`,
          "Install Google's Android SDK platform-tools (30 or newer) and choose its adb in Settings, or pair once with `adb pair` on a machine that has it.",
        );
      throw new UserError('PAIR_FAILED', `The adb server refused to pair with ${target}: ${text.trim()}`);
    }
    const parsed = parsePairReply(text);
    if (!parsed.paired)
      throw new UserError(
        'PAIR_FAILED',
        `Pairing with ${target} failed: ${parsed.reason}`,
        'Check the 6-digit code and the pairing port (both change each time the pairing dialog opens), then try again.',
      );
    return { endpoint: target, guid: parsed.guid };
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('PAIR_FAILED', `Pairing with ${target} failed: ${errorMessage(error)}`);
  } finally {
    clearTimeout(timer);
    connection.end();
  }
}
