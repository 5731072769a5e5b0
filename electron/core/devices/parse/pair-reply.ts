// What the adb server answers to `host:pair:CODE:HOST:PORT` (adb pair, Android 11+ Wireless debugging). The server
// replies OKAY and then one text either way: "Successfully paired to HOST:PORT [guid=adb-SERIAL-xxxxxx]" or
// "Failed: <why>"; a server older than platform-tools 30 replies FAIL "unknown host service".

export type PairReply =
  | { paired: true; endpoint: string; guid: string | undefined }
  | { paired: false; reason: string };

const SUCCESS = /^Successfully paired to (\S+)(?: \[guid=([^\]\s]+)\])?/;

export function parsePairReply(text: string): PairReply {
  const trimmed = text.trim();
  const ok = SUCCESS.exec(trimmed);
  if (ok) return { paired: true, endpoint: ok[1]!, guid: ok[2] };
  return { paired: false, reason: trimmed.replace(/^Failed:\s*/, '') || 'the adb server gave no reason' };
}

/** A FAIL reply that means this adb server does not know pairing at all. */
export function isUnknownPairService(failText: string): boolean {
  return /unknown host service/i.test(failText);
}
