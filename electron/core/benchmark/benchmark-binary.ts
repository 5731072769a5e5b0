import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeJsonAtomic } from '../util/atomic-write';
import { UserError, errorMessage } from '../util/errors';
import type { BenchmarkBinaryName } from '../devices/parse/benchmark-binary-for-abi';
import { sha256File } from './file-hash';

export const NIGHTLY_BASE_URL =
  'https://storage.googleapis.com/tensorflow-nightly-public/prod/tensorflow/release/lite/tools/nightly/latest';

export interface BenchmarkBinary {
  path: string;
  sha256: string;
  source: 'user' | 'cache' | 'download';
  /** What identifies the build: the nightly URL and download date, or the user's file. */
  version: string;
}

export interface ResolveBinaryOptions {
  name: BenchmarkBinaryName;
  /** --binary: the user's own file wins. */
  userPath?: string;
  cacheDir?: string;
  baseUrl?: string;
  onProgress?: (bytes: number, total: number | undefined) => void;
}

export function defaultBinaryCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.SPARSE_STUDIO_HOME ?? join(homedir(), '.sparse-studio'), 'cache', 'benchmark_model');
}

interface CacheRecord {
  url: string;
  sha256: string;
  bytes: number;
  downloadedAt: string;
}

async function fromCache(path: string): Promise<BenchmarkBinary | undefined> {
  try {
    const record = JSON.parse(await readFile(`${path}.json`, 'utf8')) as CacheRecord;
    const info = await stat(path);
    if (info.size !== record.bytes) return undefined;
    return { path, sha256: record.sha256, source: 'cache', version: `nightly ${record.url} downloaded ${record.downloadedAt}` };
  } catch {
    return undefined;
  }
}

async function download(url: string, path: string, onProgress: ResolveBinaryOptions['onProgress']): Promise<BenchmarkBinary> {
  const offline = (reason: string) =>
    new UserError(
      'BINARY_DOWNLOAD_FAILED',
      `Could not download benchmark_model from ${url}: ${reason}`,
      `Without internet access, download that file on another machine and pass it with --binary PATH.`,
    );
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    throw offline(`this computer seems to be offline (${errorMessage(cause ?? error)})`);
  }
  if (!response.ok || !response.body) throw offline(`the server answered HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || undefined;
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      const buffer = Buffer.from(chunk);
      chunks.push(buffer);
      hash.update(buffer);
      bytes += buffer.length;
      onProgress?.(bytes, total);
    }
  } catch (error) {
    throw offline(`the download broke off after ${bytes} bytes (${errorMessage(error)})`);
  }
  if (total !== undefined && bytes !== total) throw offline(`got ${bytes} of ${total} bytes`);
  const sha256 = hash.digest('hex');
  const tmp = `${path}.part`;
  await writeFile(tmp, Buffer.concat(chunks), { mode: 0o755 });
  await rename(tmp, path).catch(async (error: unknown) => {
    await rm(tmp, { force: true });
    throw error;
  });
  const record: CacheRecord = { url, sha256, bytes, downloadedAt: new Date().toISOString() };
  await writeJsonAtomic(`${path}.json`, record);
  return { path, sha256, source: 'download', version: `nightly ${url} downloaded ${record.downloadedAt}` };
}

/** The benchmark_model to push: the user's file, else a cached download, else the official nightly build. */
export async function resolveBenchmarkBinary(options: ResolveBinaryOptions): Promise<BenchmarkBinary> {
  if (options.userPath) {
    try {
      await stat(options.userPath);
    } catch {
      throw new UserError(
        'BINARY_NOT_FOUND',
        `--binary ${options.userPath} does not exist`,
        'Give the path of a benchmark_model built for the phone (e.g. android_aarch64_benchmark_model).',
      );
    }
    return {
      path: options.userPath,
      sha256: await sha256File(options.userPath),
      source: 'user',
      version: `user file ${options.userPath}`,
    };
  }
  const cacheDir = options.cacheDir ?? defaultBinaryCacheDir();
  await mkdir(cacheDir, { recursive: true });
  const path = join(cacheDir, options.name);
  const cached = await fromCache(path);
  if (cached) return cached;
  // Several phones may ask at once: one download serves them all.
  let pending = downloads.get(path);
  if (!pending) {
    pending = download(`${options.baseUrl ?? NIGHTLY_BASE_URL}/${options.name}`, path, options.onProgress).finally(() =>
      downloads.delete(path),
    );
    downloads.set(path, pending);
  }
  return pending;
}

const downloads = new Map<string, Promise<BenchmarkBinary>>();
