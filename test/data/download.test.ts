import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { CIFAR10_URL, cifar10ArchivePath, ensureCifar10Archive } from '../../electron/core/data/cifar10-download';
import { DownloadError, downloadFile } from '../../electron/core/data/download-file';
import { loadDataset } from '../../electron/core/data/load';
import { UserError } from '../../electron/core/util/errors';
import { tempDir } from './fixtures';

const BODY = Buffer.alloc(300_000, 7);
BODY.write('sparse studio test payload');
const MD5 = createHash('md5').update(BODY).digest('hex');

async function serve(t: { after(fn: () => Promise<void>): void }, handler: RequestListener): Promise<string> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const routes: RequestListener = (req, res) => {
  if (req.url === '/file') {
    res.writeHead(200, { 'content-length': BODY.length });
    res.end(BODY);
  } else if (req.url === '/moved') {
    res.writeHead(302, { location: '/file' });
    res.end();
  } else if (req.url === '/broken') {
    res.writeHead(200, { 'content-length': BODY.length });
    res.write(BODY.subarray(0, 1000), () => res.destroy());
  } else if (req.url === '/silent') {
    res.writeHead(200, { 'content-length': BODY.length });
    res.write(BODY.subarray(0, 10));
  } else {
    res.writeHead(404);
    res.end();
  }
};

test('a download is verified by MD5 and renamed into place, with progress', async (t) => {
  const base = await serve(t, routes);
  const dir = await tempDir(t);
  const progress: [number, number][] = [];
  await downloadFile(`${base}/moved`, join(dir, 'sub', 'data.tar.gz'), {
    md5: MD5,
    onProgress: (done, total) => progress.push([done, total]),
  });
  assert.deepEqual(await readFile(join(dir, 'sub', 'data.tar.gz')), BODY);
  assert.deepEqual(progress.at(-1), [BODY.length, BODY.length]);
  assert.deepEqual(await readdir(join(dir, 'sub')), ['data.tar.gz']);
});

test('failed downloads leave neither the file nor a temporary file behind', async (t) => {
  const base = await serve(t, routes);
  const cases: [string, string, Partial<Parameters<typeof downloadFile>[2]>, RegExp][] = [
    ['wrong checksum', '/file', { md5: '0'.repeat(32) }, /MD5/],
    ['missing file', '/nope', {}, /HTTP 404/],
    ['connection dropped', '/broken', {}, /broke off|sent 1000 of/],
    ['server goes quiet', '/silent', { idleTimeoutMs: 300 }, /stopped sending|broke off/],
  ];
  for (const [name, path, options, message] of cases) {
    const dir = await tempDir(t);
    await assert.rejects(
      downloadFile(`${base}${path}`, join(dir, 'data.tar.gz'), { md5: MD5, ...options }),
      (e: unknown) => e instanceof DownloadError && message.test(e.message),
      name,
    );
    assert.deepEqual(await readdir(dir), [], name);
  }
});

test('cancelling a download removes the partial file', async (t) => {
  const base = await serve(t, routes);
  const dir = await tempDir(t);
  const controller = new AbortController();
  const pending = downloadFile(`${base}/silent`, join(dir, 'data.tar.gz'), {
    md5: MD5,
    signal: controller.signal,
    onProgress: () => controller.abort(),
  });
  await assert.rejects(pending, (e: unknown) => (e as Error).name === 'AbortError');
  assert.deepEqual(await readdir(dir), []);
});

test('offline, cifar10 fails at once and says what to download and exactly where to put it', async (t) => {
  const base = await serve(t, routes);
  const closedPort = base.replace(/:\d+$/, ':1');
  const cacheDir = await tempDir(t);
  const started = performance.now();
  await assert.rejects(ensureCifar10Archive(cacheDir, { url: `${closedPort}/cifar-10-binary.tar.gz` }), (e: unknown) => {
    assert.ok(e instanceof UserError && e.code === 'DATA_DOWNLOAD_FAILED');
    assert.ok(e.message.includes(CIFAR10_URL), e.message);
    assert.ok(e.message.includes(cifar10ArchivePath(cacheDir)), e.message);
    return true;
  });
  assert.ok(performance.now() - started < 3000);
  assert.deepEqual(await readdir(cacheDir).then((d) => d.filter((n) => n !== 'datasets')), []);
});

test('an archive already in the cache is reused without the network, and its MD5 is checked on load', async (t) => {
  const cacheDir = await tempDir(t);
  const path = cifar10ArchivePath(cacheDir);
  await mkdir(join(cacheDir, 'datasets'), { recursive: true });
  await writeFile(path, 'not the real archive');
  assert.equal(await ensureCifar10Archive(cacheDir, { url: 'http://127.0.0.1:1/unused' }), path);
  await assert.rejects(
    loadDataset('cifar10', { cacheDir }),
    (e: unknown) => e instanceof UserError && e.code === 'DATA_CHECKSUM_MISMATCH' && e.message.includes(path),
  );
});
