import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../util/errors';
import { readArchiveTree } from './archive-tree';
import { resolveCacheDir } from './cache-dir';
import { isCifarBinaryTree, loadCifarBinary } from './cifar-binary';
import { CIFAR10_MD5, ensureCifar10Archive } from './cifar10-download';
import { hashFile, hashTree } from './content-hash';
import type { DecodedSet } from './decoded-cache';
import { decodedCachePath, readDecodedCache, writeDecodedCache } from './decoded-cache';
import { isImagePath } from './image-decode';
import { loadImageFolder } from './image-folder';
import { readFolderTree } from './folder-tree';
import { sampleArchivePath } from './sample-path';
import { checkLimit, limitedCounts } from './split-counts';
import { holdOutValidation, sliceSplit } from './split-views';
import type { SourceTree } from './source-tree';
import type { Dataset, DatasetProgress } from './types';

export interface LoadDatasetOptions {
  /** Use only the first N training files (before validation is held out) and N / 5 test images (for CIFAR-10's 5:1). */
  limit?: number;
  /** Downloads and decoded-image caches; default $SPARSE_STUDIO_CACHE or ~/.cache/sparse-studio. */
  cacheDir?: string;
  onProgress?: (progress: DatasetProgress) => void;
  signal?: AbortSignal;
  /** For tests: where 'cifar10' is downloaded from. */
  cifar10Url?: string;
}

export const DATA_SOURCE_HINT =
  "Use 'sample', 'cifar10', a cifar-10-batches-bin folder, cifar-10-binary.tar.gz, or an image folder ROOT/{train,test}/<class>/*.jpg|png (or a .tar.gz of one).";

/**
 * Loads a data set: 'sample' (bundled), 'cifar10' (downloaded once into the cache), or a path to a
 * cifar-10-batches-bin folder, cifar-10-binary.tar.gz, an image folder or a .tar.gz of an image folder
 * (the format is told from the files inside, not the name).
 *
 * - Order of the training files: record order for the binary release (as Keras/TFDS); for image folders, interleaved
 *   by class (file 0 of every class, then file 1, ...; names sorted within a class) so that validation, the last
 *   10 % (Keras' validation_split=0.1), holds every class.
 * - `limit`: the first N training files before validation is held out, and the test split cut in the same
 *   proportion (N / 5 for CIFAR-10). The fingerprint then ends in `/limit=N`.
 * - Image folders are decoded once and cached in <cacheDir>/decoded/<sha256>.bin (written atomically); a cache that
 *   is missing or damaged is rebuilt. Archives are read in memory, never extracted to disk.
 * - Pixels stay uint8: about 184 MB for all 60,000 CIFAR-10 images; validation and training share one buffer.
 */
export async function loadDataset(source: 'sample' | 'cifar10' | string, options: LoadDatasetOptions = {}): Promise<Dataset> {
  checkLimit(options.limit);
  const cacheDir = resolveCacheDir(options.cacheDir);
  if (source === 'sample') return loadPath(sampleArchivePath(), 'sample', cacheDir, options);
  if (source === 'cifar10') {
    const archive = await ensureCifar10Archive(cacheDir, {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.cifar10Url ? { url: options.cifar10Url } : {}),
    });
    return loadPath(archive, 'cifar10', cacheDir, options, CIFAR10_MD5);
  }
  const path = resolve(source);
  return loadPath(path, path, cacheDir, options);
}

interface Loaded {
  classNames: string[];
  trainFiles: DecodedSet['trainFiles'];
  test: DecodedSet['test'];
  fingerprint: string;
  totals: { train: number; test: number };
}

async function loadPath(
  path: string,
  label: string,
  cacheDir: string,
  options: LoadDatasetOptions,
  md5?: string,
): Promise<Dataset> {
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    throw new UserError(
      'DATA_NOT_FOUND',
      `No data set at ${path}${label === 'sample' ? ' (the bundled sample is missing; reinstall Sparse Studio)' : ''}.`,
      DATA_SOURCE_HINT,
    );
  }
  const loaded = info.isDirectory() ? await loadFolder(path, cacheDir, options) : await loadArchive(path, cacheDir, options, md5);
  const counts = limitedCounts(loaded.totals.train, loaded.totals.test, options.limit);
  const limited = counts.train < loaded.totals.train || counts.test < loaded.totals.test;
  const { train, validation } = holdOutValidation(loaded.trainFiles);
  return {
    classNames: loaded.classNames,
    train,
    validation,
    test: loaded.test,
    source: label,
    fingerprint: limited ? `${loaded.fingerprint}/limit=${counts.train}` : loaded.fingerprint,
    imageShape: [32, 32, 3],
  };
}

async function loadArchive(path: string, cacheDir: string, options: LoadDatasetOptions, md5?: string): Promise<Loaded> {
  const digests = await hashFile(path, md5 ? ['sha256', 'md5'] : ['sha256']).catch((error: Error) => {
    throw new UserError('DATA_UNREADABLE', `Cannot read ${path}: ${error.message}`, 'Check that the file is readable.');
  });
  if (md5 && digests.md5 !== md5) {
    throw new UserError(
      'DATA_CHECKSUM_MISMATCH',
      `${path} is not the official CIFAR-10 archive (MD5 ${digests.md5}, expected ${md5}).`,
      'Delete the file and run again to download it, or replace it with a correct copy.',
    );
  }
  const fingerprint = digests.sha256;
  const cached = await fromCache(cacheDir, fingerprint, options.limit);
  if (cached) return cached;
  const tree = await readArchiveTree(path, {
    keep: (file) => isImagePath(file) || file.endsWith('.bin') || file.endsWith('batches.meta.txt'),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return decodeTree(tree, fingerprint, cacheDir, options);
}

async function loadFolder(path: string, cacheDir: string, options: LoadDatasetOptions): Promise<Loaded> {
  const tree = await readFolderTree(path);
  if (isCifarBinaryTree(tree)) {
    // Hashed while converting, so each batch file is read once.
    const hash = createHash('sha256');
    const parts = await loadCifarBinary(tree, { ...decodeOptions(options), hash });
    return { ...parts, fingerprint: hash.digest('hex') };
  }
  const images = tree.files.filter((file) => isImagePath(file.path));
  const fingerprint = await hashTree({ ...tree, files: images }, options.signal);
  const cached = await fromCache(cacheDir, fingerprint, options.limit);
  if (cached) return cached;
  return decodeTree(tree, fingerprint, cacheDir, options);
}

function decodeOptions(options: LoadDatasetOptions): {
  limit?: number;
  onProgress?: (p: DatasetProgress) => void;
  signal?: AbortSignal;
} {
  return {
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

async function decodeTree(tree: SourceTree, fingerprint: string, cacheDir: string, options: LoadDatasetOptions): Promise<Loaded> {
  if (isCifarBinaryTree(tree)) return { ...(await loadCifarBinary(tree, decodeOptions(options))), fingerprint };
  const set = await loadImageFolder(tree, decodeOptions(options));
  const complete = set.trainFiles.count === set.totals.train && set.test.count === set.totals.test;
  if (complete) {
    // The cache only saves time; a full disk or read-only cache folder must not fail the load.
    await writeDecodedCache(decodedCachePath(cacheDir, fingerprint), fingerprint, set).catch(() => undefined);
  }
  return { ...set, fingerprint };
}

/** The decoded set from the cache, cut to `limit` (copied, so the full cached arrays can be freed). */
async function fromCache(cacheDir: string, fingerprint: string, limit?: number): Promise<Loaded | undefined> {
  const set = await readDecodedCache(decodedCachePath(cacheDir, fingerprint), fingerprint);
  if (!set) return undefined;
  const totals = { train: set.trainFiles.count, test: set.test.count };
  const counts = limitedCounts(totals.train, totals.test, limit);
  if (counts.train === totals.train && counts.test === totals.test) return { ...set, fingerprint, totals };
  return {
    classNames: set.classNames,
    trainFiles: sliceSplit(set.trainFiles, 0, counts.train, true),
    test: sliceSplit(set.test, 0, counts.test, true),
    fingerprint,
    totals,
  };
}
