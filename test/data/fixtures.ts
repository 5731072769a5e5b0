// Builders for the data tests: tiny CIFAR binary batches, JPEG/PNG images and hand-made tar archives
// (hand-made so that unsafe entries such as `../evil` can be written at all).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sparse-data-test-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export async function writeFiles(root: string, files: Record<string, Uint8Array | string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

/** Pixel value of image `index` at (y, x, channel): distinct per image and channel so layout mistakes show. */
export const pixelOf = (index: number, y: number, x: number, c: number): number => (index * 7 + y * 3 + x * 5 + c * 80) % 256;

/** CIFAR binary records: label byte, then R, G, B planes of pixelOf(first + r, ...). */
export function cifarRecords(labels: number[], first = 0): Uint8Array {
  const out = new Uint8Array(labels.length * 3073);
  labels.forEach((label, r) => {
    const base = r * 3073;
    out[base] = label;
    for (let c = 0; c < 3; c++) {
      for (let y = 0; y < 32; y++) {
        for (let x = 0; x < 32; x++) out[base + 1 + c * 1024 + y * 32 + x] = pixelOf(first + r, y, x, c);
      }
    }
  });
  return out;
}

/** An RGB image as HWC bytes from a function of (y, x, c). */
export function rgbImage(width: number, height: number, value: (y: number, x: number, c: number) => number): Uint8Array {
  const out = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) for (let c = 0; c < 3; c++) out[(y * width + x) * 3 + c] = value(y, x, c);
  return out;
}

export function encodeJpeg(width: number, height: number, rgb: Uint8Array, quality = 100): Uint8Array {
  const rgba = Buffer.alloc(width * height * 4, 255);
  for (let p = 0; p < width * height; p++) rgba.set(rgb.subarray(p * 3, p * 3 + 3), p * 4);
  return new Uint8Array(jpeg.encode({ width, height, data: rgba }, quality).data);
}

/** PNG with colour type 0 (gray), 2 (RGB) or 6 (RGBA); `rgba` holds 4 bytes per pixel. */
export function encodePng(width: number, height: number, rgba: Uint8Array, colorType: 0 | 2 | 6): Uint8Array {
  const png = new PNG({ width, height });
  png.data = Buffer.from(rgba);
  return new Uint8Array(PNG.sync.write(png, { colorType, inputColorType: 6 }));
}

export interface TarEntry {
  path: string;
  type?: 'file' | 'dir' | 'symlink' | 'hardlink';
  content?: Uint8Array | string;
  linkpath?: string;
}

/** A ustar archive written byte by byte (no sanitising), gzipped. */
export function makeTarGz(entries: TarEntry[]): Uint8Array {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const content = entry.content === undefined ? Buffer.alloc(0) : Buffer.from(entry.content);
    const type = entry.type ?? 'file';
    const header = Buffer.alloc(512);
    const put = (offset: number, length: number, value: string): void => {
      if (Buffer.byteLength(value) > length) throw new Error(`tar field too long: ${value}`);
      header.write(value, offset, length, 'utf8');
    };
    const octal = (offset: number, length: number, value: number): void =>
      put(offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
    put(0, 100, entry.path);
    octal(100, 8, type === 'dir' ? 0o755 : 0o644);
    octal(108, 8, 0);
    octal(116, 8, 0);
    octal(124, 12, type === 'file' ? content.length : 0);
    octal(136, 12, 0);
    put(156, 1, { file: '0', hardlink: '1', symlink: '2', dir: '5' }[type]);
    put(157, 100, entry.linkpath ?? '');
    put(257, 6, 'ustar\0');
    put(263, 2, '00');
    header.fill(' ', 148, 156);
    const sum = header.reduce((a, b) => a + b, 0);
    put(148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
    blocks.push(header);
    if (type === 'file' && content.length > 0) {
      blocks.push(content, Buffer.alloc((512 - (content.length % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return new Uint8Array(gzipSync(Buffer.concat(blocks)));
}
