import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../util/errors';
import { CACHE_DIR_ENV } from './cache-dir';
import { DownloadError, downloadFile } from './download-file';
import type { DatasetProgress } from './types';

/** The official binary release and the MD5 published next to it on https://www.cs.toronto.edu/~kriz/cifar.html. */
export const CIFAR10_URL = 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz';
export const CIFAR10_MD5 = 'c32a1d4ab5d03f1284b67883e8d87530';
export const CIFAR10_ARCHIVE_NAME = 'cifar-10-binary.tar.gz';

export function cifar10ArchivePath(cacheDir: string): string {
  return join(cacheDir, 'datasets', CIFAR10_ARCHIVE_NAME);
}

export interface Cifar10DownloadOptions {
  onProgress?: (progress: DatasetProgress) => void;
  signal?: AbortSignal;
  /** For tests: another URL (e.g. a local server) and timeouts. */
  url?: string;
  connectTimeoutMs?: number;
}

/**
 * The path of cifar-10-binary.tar.gz in the cache, downloading it first when it is not there yet.
 * Its MD5 is checked after download (and again by the loader on every use, at no extra cost).
 */
export async function ensureCifar10Archive(cacheDir: string, options: Cifar10DownloadOptions = {}): Promise<string> {
  const dest = cifar10ArchivePath(cacheDir);
  if (
    await access(dest).then(
      () => true,
      () => false,
    )
  )
    return dest;
  const url = options.url ?? CIFAR10_URL;
  try {
    await downloadFile(url, dest, {
      md5: CIFAR10_MD5,
      onProgress: (done, total) => options.onProgress?.({ phase: 'download', done, total, file: url }),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.connectTimeoutMs !== undefined ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    });
  } catch (error) {
    if (!(error instanceof DownloadError)) throw error;
    throw new UserError(
      'DATA_DOWNLOAD_FAILED',
      `Could not download CIFAR-10 from ${url}: ${error.message}.`,
      `Download ${CIFAR10_URL} (162 MB, MD5 ${CIFAR10_MD5}) yourself and save it as ${dest} ` +
        `(the cache folder is chosen by --cache-dir or $${CACHE_DIR_ENV}), or pass the path of the file or of its extracted cifar-10-batches-bin folder as the data set.`,
    );
  }
  return dest;
}
