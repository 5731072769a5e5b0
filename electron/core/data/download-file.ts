import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface DownloadOptions {
  /** The file's published MD5; the download is kept only when it matches. */
  md5: string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Give up when no connection is made within this time (offline machines fail quickly). */
  connectTimeoutMs?: number;
  /** Give up when the server sends nothing for this long. */
  idleTimeoutMs?: number;
}

/** Why a download failed, in words for the user. */
export class DownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DownloadError';
  }
}

const MAX_REDIRECTS = 5;

/**
 * Downloads `url` (http or https, following redirects) into a temporary file next to `dest`, checks its MD5,
 * then renames it to `dest`. On any failure the temporary file is removed and `dest` is untouched.
 */
export async function downloadFile(url: string, dest: string, options: DownloadOptions): Promise<void> {
  await mkdir(dirname(dest), { recursive: true });
  const tmp = join(dirname(dest), `.${basename(dest)}.${randomBytes(6).toString('hex')}.part`);
  try {
    const response = await openResponse(url, options, 0);
    const total = Number(response.headers['content-length'] ?? 0);
    const md5 = createHash('md5');
    let done = 0;
    const measure = async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const chunk of source) {
        md5.update(chunk);
        done += chunk.length;
        options.onProgress?.(done, total);
        yield chunk;
      }
    };
    await pipeline(response, measure, createWriteStream(tmp), ...(options.signal ? [{ signal: options.signal }] : [])).catch(
      (error: unknown) => {
        throw options.signal?.aborted
          ? error
          : new DownloadError(`the transfer broke off after ${done} bytes (${(error as Error).message})`);
      },
    );
    if (total > 0 && done !== total) throw new DownloadError(`the server sent ${done} of ${total} bytes`);
    const digest = md5.digest('hex');
    if (digest !== options.md5.toLowerCase()) {
      throw new DownloadError(`the file's MD5 is ${digest}, the published one is ${options.md5}`);
    }
    await rename(tmp, dest);
  } finally {
    await rm(tmp, { force: true });
  }
}

function openResponse(url: string, options: DownloadOptions, redirects: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return reject(new DownloadError(`"${url}" is not a valid URL`));
    }
    const get = parsed.protocol === 'https:' ? httpsGet : parsed.protocol === 'http:' ? httpGet : undefined;
    if (!get) return reject(new DownloadError(`unsupported protocol in ${url}`));
    const request = get(parsed, { ...(options.signal ? { signal: options.signal } : {}) });
    const connectTimer = setTimeout(
      () =>
        request.destroy(
          new DownloadError(`no connection to ${parsed.host} within ${(options.connectTimeoutMs ?? 10_000) / 1000} s`),
        ),
      options.connectTimeoutMs ?? 10_000,
    );
    request.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      socket.once('connect', () => clearTimeout(connectTimer));
    });
    request.setTimeout(options.idleTimeoutMs ?? 60_000, () =>
      request.destroy(new DownloadError(`${parsed.host} stopped sending data`)),
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(connectTimer);
      reject(
        error instanceof DownloadError || options.signal?.aborted
          ? error
          : new DownloadError(`${error.code ?? 'error'}: ${error.message}`),
      );
    });
    request.on('response', (response) => {
      clearTimeout(connectTimer);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.resume();
        if (redirects >= MAX_REDIRECTS) return reject(new DownloadError(`too many redirects from ${url}`));
        return resolve(openResponse(new URL(location, parsed).toString(), options, redirects + 1));
      }
      if (status !== 200) {
        response.resume();
        return reject(new DownloadError(`${parsed.host} answered HTTP ${status} for ${parsed.pathname}`));
      }
      resolve(response);
    });
  });
}
