// An emulated Android phone that speaks the device side of the ADB transport over TCP, so Debian's real adb
// server can join it with `adb connect 127.0.0.1:PORT`. Services: `shell:<cmd>` (see phone-shell.ts) and `sync:`.
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import {
  A_AUTH,
  A_CLSE,
  A_CNXN,
  A_OKAY,
  A_OPEN,
  A_WRTE,
  AUTH_RSAPUBLICKEY,
  AUTH_SIGNATURE,
  AUTH_TOKEN,
  encodePacket,
  PacketReader,
  VERSION_WITH_CHECKSUM,
  type AdbPacket,
} from './adb-wire';
import { PhoneFilesystem } from './phone-filesystem';
import { KilledError, runShellProcess, type PhoneHost } from './phone-shell';
import type { BenchmarkFault } from './standin-benchmark-model';
import { SyncService } from './sync-service';

export type AuthMode = 'accept' | 'unauthorized' | 'offline';

export interface PhoneOptions {
  model?: string;
  props?: Record<string, string>;
  /** Absolute path -> text, e.g. sysfs cpufreq files and /proc/meminfo. */
  files?: Record<string, string>;
  dumpsys?: Record<string, string>;
  userlandBits?: 32 | 64;
  auth?: AuthMode;
}

const MAX_DATA = 256 * 1024;

export function defaultPhoneFiles(): Record<string, string> {
  const files: Record<string, string> = {
    '/sys/devices/system/cpu/present': '0-7\n',
    '/sys/devices/system/cpu/online': '0-7\n',
    '/proc/meminfo': 'MemTotal:        7812340 kB\nMemFree:          512000 kB\nMemAvailable:    3456789 kB\n',
  };
  for (let cpu = 0; cpu < 8; cpu++) {
    const khz = cpu < 4 ? 1804800 : cpu < 7 ? 2419200 : 2841600;
    files[`/sys/devices/system/cpu/cpu${cpu}/cpufreq/cpuinfo_max_freq`] = `${khz}\n`;
  }
  return files;
}

export function defaultDumpsys(): Record<string, string> {
  return {
    battery:
      'Current Battery Service state:\n  AC powered: false\n  USB powered: true\n  Wireless powered: false\n  status: 2\n  health: 2\n  present: true\n  level: 87\n  scale: 100\n  voltage: 4123\n  temperature: 312\n  technology: Li-ion\n',
    thermalservice:
      'IsStatusOverride: false\nThermal Status: 0\nCached temperatures:\n\tTemperature{mValue=40.0, mType=0, mName=CPU0, mStatus=0}\nHAL Ready: true\nHAL connection:\n\tThermalHAL 2.0 connected: yes\nCurrent temperatures from HAL:\n\tTemperature{mValue=36.5, mType=0, mName=CPU0, mStatus=0}\n\tTemperature{mValue=31.2, mType=2, mName=battery, mStatus=0}\n',
  };
}

interface Stream {
  localId: number;
  remoteId: number;
  queue: Buffer[];
  awaitingOkay: boolean;
  closeWhenDrained: boolean;
  closed: boolean;
  onData(data: Buffer): void;
  onClose(): void;
}

export class EmulatedPhone implements PhoneHost {
  readonly fs: PhoneFilesystem;
  readonly props: Record<string, string>;
  readonly dumpsys: Record<string, string>;
  userlandBits: 32 | 64;
  benchmarkFault: BenchmarkFault | undefined;
  /** Drop the TCP connection once a push has delivered this many bytes. */
  dropPushAfterBytes: number | undefined;
  readonlyDirs: string[] = [];
  readonly processes = new Map<number, AbortController>();
  /** Every shell command received, for assertions. */
  readonly shellLog: string[] = [];
  auth: AuthMode;
  private pid = 4000;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly waitingForAuth = new Set<Socket>();
  port = 0;

  constructor(options: PhoneOptions = {}) {
    const model = options.model ?? 'Emulated Phone';
    this.props = {
      'ro.product.model': model,
      'ro.product.manufacturer': 'Sparse Studio',
      'ro.product.brand': 'sparse',
      'ro.product.device': 'emu',
      'ro.product.name': 'emu',
      'ro.build.version.release': '14',
      'ro.build.version.sdk': '34',
      'ro.product.cpu.abilist': 'arm64-v8a,armeabi-v7a,armeabi',
      'ro.product.cpu.abilist64': 'arm64-v8a',
      'ro.product.cpu.abilist32': 'armeabi-v7a,armeabi',
      'ro.soc.manufacturer': 'Emulated',
      'ro.soc.model': 'EMU8000',
      'ro.board.platform': 'emu',
      ...options.props,
    };
    this.fs = new PhoneFilesystem({ ...defaultPhoneFiles(), ...options.files });
    this.fs.mkdirp('/data/local/tmp');
    this.fs.mkdirp('/sdcard');
    this.fs.noexec.add('/sdcard');
    this.dumpsys = { ...defaultDumpsys(), ...options.dumpsys };
    this.userlandBits = options.userlandBits ?? 64;
    this.auth = options.auth ?? 'accept';
  }

  get serial(): string {
    return `127.0.0.1:${this.port}`;
  }

  nextPid(): number {
    return ++this.pid;
  }

  async start(): Promise<number> {
    this.server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this.port;
  }

  /** Plays the user tapping "Allow" on the USB debugging prompt. */
  authorize(): void {
    this.auth = 'accept';
    for (const socket of this.waitingForAuth)
      this.send(socket, { command: A_CNXN, arg0: VERSION_WITH_CHECKSUM, arg1: MAX_DATA, data: this.banner() });
    this.waitingForAuth.clear();
  }

  /** Cuts every connection to the adb server (like pulling the cable mid-way). */
  dropConnection(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    for (const controller of this.processes.values()) controller.abort();
    this.dropConnection();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private banner(): Buffer {
    const p = this.props;
    return Buffer.from(
      `device::ro.product.name=${p['ro.product.name']};ro.product.model=${p['ro.product.model']};ro.product.device=${p['ro.product.device']};features=cmd`,
    );
  }

  private send(socket: Socket, packet: AdbPacket): void {
    if (!socket.destroyed) socket.write(encodePacket(packet));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    const reader = new PacketReader();
    const streams = new Map<number, Stream>();
    let nextLocalId = 1;
    const cleanup = () => {
      this.sockets.delete(socket);
      this.waitingForAuth.delete(socket);
      for (const stream of streams.values()) stream.onClose();
      streams.clear();
    };
    socket.on('close', cleanup);
    socket.on('error', () => socket.destroy());

    const flush = (stream: Stream) => {
      if (stream.closed || stream.awaitingOkay) return;
      const next = stream.queue.shift();
      if (next) {
        stream.awaitingOkay = true;
        this.send(socket, { command: A_WRTE, arg0: stream.localId, arg1: stream.remoteId, data: next });
      } else if (stream.closeWhenDrained) {
        stream.closed = true;
        streams.delete(stream.localId);
        this.send(socket, { command: A_CLSE, arg0: stream.localId, arg1: stream.remoteId, data: Buffer.alloc(0) });
      }
    };
    const writer = (stream: Stream) => ({
      write: (data: Buffer) => {
        for (let offset = 0; offset < data.length; offset += MAX_DATA)
          stream.queue.push(data.subarray(offset, offset + MAX_DATA));
        flush(stream);
      },
      close: () => {
        stream.closeWhenDrained = true;
        flush(stream);
      },
    });

    const open = (remoteId: number, service: string) => {
      const stream: Stream = {
        localId: nextLocalId++,
        remoteId,
        queue: [],
        awaitingOkay: false,
        closeWhenDrained: false,
        closed: false,
        onData: () => undefined,
        onClose: () => undefined,
      };
      const io = writer(stream);
      if (service.startsWith('shell:')) {
        const command = service.slice('shell:'.length);
        this.shellLog.push(command);
        const killer = new AbortController();
        stream.onClose = () => killer.abort();
        streams.set(stream.localId, stream);
        this.send(socket, { command: A_OKAY, arg0: stream.localId, arg1: remoteId, data: Buffer.alloc(0) });
        runShellProcess(this, command, (text) => io.write(Buffer.from(text)), killer.signal)
          .catch((error: unknown) => {
            if (!(error instanceof KilledError)) io.write(Buffer.from(`emulated shell crashed: ${String(error)}\n`));
          })
          .finally(() => io.close());
      } else if (service === 'sync:') {
        const sync = new SyncService(
          {
            fs: this.fs,
            readonlyDirs: this.readonlyDirs,
            onSendProgress: (bytes) => {
              if (this.dropPushAfterBytes !== undefined && bytes >= this.dropPushAfterBytes) socket.destroy();
            },
          },
          io.write,
          io.close,
        );
        stream.onData = (data) => sync.push(data);
        streams.set(stream.localId, stream);
        this.send(socket, { command: A_OKAY, arg0: stream.localId, arg1: remoteId, data: Buffer.alloc(0) });
      } else {
        this.send(socket, { command: A_CLSE, arg0: 0, arg1: remoteId, data: Buffer.alloc(0) });
      }
    };

    // How adb (29.x) authenticates a TCP device: a device that answers the server's CNXN with its own CNXN is online
    // at once (no AUTH needed). A device that answers AUTH TOKEN gets AUTH SIGNATURE replies (one per server key);
    // rejecting them all makes the server send AUTH RSAPUBLICKEY and list the device as `unauthorized` until the
    // device sends CNXN (the user tapped "Allow"). A device that never answers stays `offline`.
    socket.on('data', (chunk: Buffer) => {
      let packets: AdbPacket[];
      try {
        packets = reader.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const packet of packets) {
        switch (packet.command) {
          case A_CNXN:
            if (this.auth === 'accept')
              this.send(socket, { command: A_CNXN, arg0: VERSION_WITH_CHECKSUM, arg1: MAX_DATA, data: this.banner() });
            else if (this.auth === 'unauthorized')
              this.send(socket, { command: A_AUTH, arg0: AUTH_TOKEN, arg1: 0, data: randomBytes(20) });
            break; // 'offline': never answers
          case A_AUTH:
            if (packet.arg0 === AUTH_SIGNATURE) {
              if (this.auth === 'accept')
                this.send(socket, { command: A_CNXN, arg0: VERSION_WITH_CHECKSUM, arg1: MAX_DATA, data: this.banner() });
              else this.send(socket, { command: A_AUTH, arg0: AUTH_TOKEN, arg1: 0, data: randomBytes(20) });
            } else if (packet.arg0 === AUTH_RSAPUBLICKEY) {
              if (this.auth === 'accept')
                this.send(socket, { command: A_CNXN, arg0: VERSION_WITH_CHECKSUM, arg1: MAX_DATA, data: this.banner() });
              else this.waitingForAuth.add(socket);
            }
            break;
          case A_OPEN:
            open(packet.arg0, packet.data.toString('utf8').replace(/\0+$/, ''));
            break;
          case A_OKAY: {
            const stream = streams.get(packet.arg1);
            if (stream) {
              stream.awaitingOkay = false;
              flush(stream);
            }
            break;
          }
          case A_WRTE: {
            const stream = streams.get(packet.arg1);
            this.send(socket, { command: A_OKAY, arg0: packet.arg1, arg1: packet.arg0, data: Buffer.alloc(0) });
            stream?.onData(packet.data);
            break;
          }
          case A_CLSE: {
            const stream = streams.get(packet.arg1);
            if (stream) {
              streams.delete(packet.arg1);
              stream.closed = true;
              stream.onClose();
              this.send(socket, { command: A_CLSE, arg0: stream.localId, arg1: stream.remoteId, data: Buffer.alloc(0) });
            }
            break;
          }
        }
      }
    });
  }
}
