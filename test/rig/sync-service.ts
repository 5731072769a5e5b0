// The device side of adb's `sync:` service (STAT, LIST, SEND, RECV, QUIT; 8-byte id + length requests).
import { posix } from 'node:path';
import type { PhoneFilesystem } from './phone-filesystem';

export interface SyncOptions {
  fs: PhoneFilesystem;
  /** Directories where creating a file fails (`couldn't create file: Permission denied`). */
  readonlyDirs: string[];
  /** Called with the running byte count of the current SEND; used to play a dropped connection. */
  onSendProgress(bytes: number): void;
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const id = (s: string) => Buffer.from(s, 'latin1');

export class SyncService {
  private buffer = Buffer.alloc(0);
  private sending: { path: string; mode: number; chunks: Buffer[]; bytes: number } | undefined;

  constructor(
    private readonly options: SyncOptions,
    private readonly write: (data: Buffer) => void,
    private readonly close: () => void,
  ) {}

  push(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      if (this.buffer.length < 8) return;
      const command = this.buffer.subarray(0, 4).toString('latin1');
      const length = this.buffer.readUInt32LE(4);
      if (this.sending && command === 'DONE') {
        this.buffer = this.buffer.subarray(8);
        this.finishSend();
        continue;
      }
      if (this.buffer.length < 8 + length) return;
      const body = Buffer.from(this.buffer.subarray(8, 8 + length));
      this.buffer = this.buffer.subarray(8 + length);
      this.handle(command, body);
    }
  }

  private handle(command: string, body: Buffer): void {
    const { fs } = this.options;
    if (this.sending) {
      if (command !== 'DATA') return this.fail(`unexpected ${command} during SEND`);
      this.sending.chunks.push(body);
      this.sending.bytes += body.length;
      this.options.onSendProgress(this.sending.bytes);
      return;
    }
    const path = body.toString('utf8');
    switch (command) {
      case 'STAT': {
        const file = fs.files.get(path);
        const mode = file ? 0o100000 | file.mode : fs.isDir(path) ? 0o040755 : 0;
        this.write(Buffer.concat([id('STAT'), u32(mode), u32(file?.data.length ?? 0), u32(file?.mtime ?? 0)]));
        return;
      }
      case 'LIST': {
        for (const name of fs.list(path)) {
          const file = fs.files.get(posix.join(path, name));
          const mode = file ? 0o100000 | file.mode : 0o040755;
          const nameBytes = Buffer.from(name);
          this.write(
            Buffer.concat([
              id('DENT'),
              u32(mode),
              u32(file?.data.length ?? 0),
              u32(file?.mtime ?? 0),
              u32(nameBytes.length),
              nameBytes,
            ]),
          );
        }
        this.write(Buffer.concat([id('DONE'), u32(0), u32(0), u32(0), u32(0)]));
        return;
      }
      case 'SEND': {
        const comma = path.lastIndexOf(',');
        const target = comma >= 0 ? path.slice(0, comma) : path;
        const mode = comma >= 0 ? Number(path.slice(comma + 1)) & 0o777 : 0o644;
        this.sending = { path: target, mode, chunks: [], bytes: 0 };
        return;
      }
      case 'RECV': {
        const file = fs.files.get(path);
        if (!file) return this.fail('No such file or directory');
        for (let offset = 0; offset < file.data.length; offset += 65536) {
          const chunk = file.data.subarray(offset, offset + 65536);
          this.write(Buffer.concat([id('DATA'), u32(chunk.length), chunk]));
        }
        this.write(Buffer.concat([id('DONE'), u32(0)]));
        return;
      }
      case 'QUIT':
        this.close();
        return;
      default:
        this.fail(`unknown sync command ${command}`);
    }
  }

  private finishSend(): void {
    const sending = this.sending!;
    this.sending = undefined;
    const dir = posix.dirname(sending.path);
    if (this.options.readonlyDirs.some((d) => dir === d || dir.startsWith(d + '/'))) {
      return this.fail("couldn't create file: Permission denied");
    }
    this.options.fs.writeFile(sending.path, Buffer.concat(sending.chunks), sending.mode);
    this.write(Buffer.concat([id('OKAY'), u32(0)]));
  }

  private fail(message: string): void {
    const text = Buffer.from(message);
    this.write(Buffer.concat([id('FAIL'), u32(text.length), text]));
  }
}
