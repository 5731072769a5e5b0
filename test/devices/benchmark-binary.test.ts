import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { resolveBenchmarkBinary } from '../../electron/core/benchmark/benchmark-binary';
import { UserError } from '../../electron/core/util/errors';

describe('benchmark_model binary resolution', { timeout: 20_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sparse-binary-'));
  const body = Buffer.alloc(300_000, 9);
  let server: Server;
  let baseUrl = '';
  let requests: string[] = [];

  before(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url?.endsWith('/android_aarch64_benchmark_model')) {
        res.writeHead(200, { 'content-length': body.length });
        res.end(body);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/latest`;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('downloads into the cache with progress and sha256, then reuses the cached file', async () => {
    const cacheDir = join(dir, 'cache');
    const progress: number[] = [];
    const first = await resolveBenchmarkBinary({
      name: 'android_aarch64_benchmark_model',
      cacheDir,
      baseUrl,
      onProgress: (bytes) => progress.push(bytes),
    });
    assert.equal(first.source, 'download');
    assert.equal(first.sha256, createHash('sha256').update(body).digest('hex'));
    assert.equal(progress.at(-1), body.length);
    assert.deepEqual(readFileSync(first.path), body);
    assert.equal(statSync(first.path).mode & 0o111, 0o111);
    assert.match(first.version, /nightly http:\/\/127\.0\.0\.1:\d+\/latest\/android_aarch64_benchmark_model downloaded/);
    requests = [];
    const second = await resolveBenchmarkBinary({ name: 'android_aarch64_benchmark_model', cacheDir, baseUrl });
    assert.equal(second.source, 'cache');
    assert.equal(second.sha256, first.sha256);
    assert.deepEqual(requests, []);
  });

  it('uses the user file when given, and names a missing one', async () => {
    const file = join(dir, 'mine');
    writeFileSync(file, 'x');
    const own = await resolveBenchmarkBinary({
      name: 'android_arm_benchmark_model',
      userPath: file,
      cacheDir: join(dir, 'c2'),
      baseUrl,
    });
    assert.equal(own.source, 'user');
    await assert.rejects(
      resolveBenchmarkBinary({ name: 'android_arm_benchmark_model', userPath: join(dir, 'nope'), baseUrl }),
      (e: unknown) => e instanceof UserError && e.code === 'BINARY_NOT_FOUND' && e.message.includes('nope'),
    );
  });

  it('says when the download fails (offline or HTTP error) and how to pass --binary', async () => {
    const offlineUrl = 'http://127.0.0.1:1/latest';
    await assert.rejects(
      resolveBenchmarkBinary({ name: 'android_aarch64_benchmark_model', cacheDir: join(dir, 'c3'), baseUrl: offlineUrl }),
      (e: unknown) => {
        assert.ok(e instanceof UserError);
        assert.equal(e.code, 'BINARY_DOWNLOAD_FAILED');
        assert.match(e.message, /offline/);
        assert.match(e.hint ?? '', /--binary PATH/);
        return true;
      },
    );
    await assert.rejects(
      resolveBenchmarkBinary({ name: 'android_arm_benchmark_model', cacheDir: join(dir, 'c4'), baseUrl }),
      /HTTP 404/,
    );
  });
});
