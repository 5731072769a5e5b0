// The ADB transport framing (system/core/adb/protocol.txt): a 24-byte little-endian header
// (command, arg0, arg1, data length, data checksum, magic = command ^ 0xffffffff) followed by the payload.

export const A_CNXN = 0x4e584e43;
export const A_AUTH = 0x48545541;
export const A_OPEN = 0x4e45504f;
export const A_OKAY = 0x59414b4f;
export const A_CLSE = 0x45534c43;
export const A_WRTE = 0x45545257;

export const AUTH_TOKEN = 1;
export const AUTH_SIGNATURE = 2;
export const AUTH_RSAPUBLICKEY = 3;

export const VERSION_WITH_CHECKSUM = 0x01000000;
export const VERSION_SKIP_CHECKSUM = 0x01000001;

export interface AdbPacket {
  command: number;
  arg0: number;
  arg1: number;
  data: Buffer;
}

function checksum(data: Buffer): number {
  let sum = 0;
  for (const byte of data) sum = (sum + byte) >>> 0;
  return sum;
}

export function encodePacket(packet: AdbPacket): Buffer {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(packet.command, 0);
  header.writeUInt32LE(packet.arg0 >>> 0, 4);
  header.writeUInt32LE(packet.arg1 >>> 0, 8);
  header.writeUInt32LE(packet.data.length, 12);
  header.writeUInt32LE(checksum(packet.data), 16);
  header.writeUInt32LE((packet.command ^ 0xffffffff) >>> 0, 20);
  return Buffer.concat([header, packet.data]);
}

/** Accumulates socket bytes and yields whole packets; throws on a corrupt header. */
export class PacketReader {
  private buffer = Buffer.alloc(0);

  push(chunk: Buffer): AdbPacket[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const packets: AdbPacket[] = [];
    while (this.buffer.length >= 24) {
      const command = this.buffer.readUInt32LE(0);
      const magic = this.buffer.readUInt32LE(20);
      if ((command ^ 0xffffffff) >>> 0 !== magic) throw new Error(`bad ADB packet magic for command 0x${command.toString(16)}`);
      const length = this.buffer.readUInt32LE(12);
      if (this.buffer.length < 24 + length) break;
      const data = Buffer.from(this.buffer.subarray(24, 24 + length));
      const expected = this.buffer.readUInt32LE(16);
      // Since version 0x01000001 senders may leave the checksum at 0.
      if (expected !== 0 && expected !== checksum(data)) throw new Error('bad ADB packet checksum');
      packets.push({ command, arg0: this.buffer.readUInt32LE(4), arg1: this.buffer.readUInt32LE(8), data });
      this.buffer = this.buffer.subarray(24 + length);
    }
    return packets;
  }
}
