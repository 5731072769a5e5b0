import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write';
import { IMAGE_BYTES } from './cifar10-classes';
import { allocateSplit } from './split-views';
import type { Split } from './types';

/**
 * Decoded pixels of an image data set, so the next load skips JPEG/PNG decoding. Layout: magic, uint32 LE header
 * length, JSON header, then train images, train labels, test images, test labels (uint8).
 * Bump the version when decoding changes so old caches are ignored.
 */
const MAGIC = Buffer.from('SSDSET2\n');

export interface DecodedSet {
  classNames: string[];
  trainFiles: Split;
  test: Split;
}

interface Header {
  fingerprint: string;
  classNames: string[];
  train: number;
  test: number;
}

export function decodedCachePath(cacheDir: string, fingerprint: string): string {
  return join(cacheDir, 'decoded', `${fingerprint}.bin`);
}

/** The cached set, or undefined when there is none or it is unreadable/incomplete (it is then rebuilt). */
export async function readDecodedCache(path: string, fingerprint: string): Promise<DecodedSet | undefined> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const size = (await handle.stat()).size;
    const prefix = Buffer.alloc(MAGIC.length + 4);
    await readExactly(handle, prefix, 0);
    if (!prefix.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const headerLength = prefix.readUInt32LE(MAGIC.length);
    if (headerLength > 1 << 20) return undefined;
    const headerBytes = Buffer.alloc(headerLength);
    await readExactly(handle, headerBytes, prefix.length);
    const header = JSON.parse(headerBytes.toString('utf8')) as Header;
    if (header.fingerprint !== fingerprint || !Array.isArray(header.classNames)) return undefined;
    let position = prefix.length + headerLength;
    if (size !== position + (header.train + header.test) * (IMAGE_BYTES + 1)) return undefined;
    const trainFiles = allocateSplit(header.train);
    const test = allocateSplit(header.test);
    for (const part of [trainFiles.images, trainFiles.labels, test.images, test.labels]) {
      await readExactly(handle, part, position);
      position += part.length;
    }
    return { classNames: header.classNames, trainFiles, test };
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** Writes the cache next to its final name and renames it into place, so a crash never leaves a half-written file. */
export async function writeDecodedCache(path: string, fingerprint: string, set: DecodedSet): Promise<void> {
  const header: Header = { fingerprint, classNames: set.classNames, train: set.trainFiles.count, test: set.test.count };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  await writeFileAtomic(path, [
    MAGIC,
    length,
    headerBytes,
    set.trainFiles.images,
    set.trainFiles.labels,
    set.test.images,
    set.test.labels,
  ]);
}

async function readExactly(handle: Awaited<ReturnType<typeof open>>, into: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) throw new Error('unexpected end of file');
    done += bytesRead;
  }
}
