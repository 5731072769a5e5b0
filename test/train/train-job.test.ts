import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJob } from '../../electron/core/jobs/run-job';
import { loadModel } from '../../electron/core/model/io';
import { readManifest } from '../../electron/core/runs/manifest';
import { CancelledError } from '../../electron/core/train/fit';
import type { TrainConfig, TrainEvent } from '../../electron/core/train/train-run';

describe('dense training as a worker job on the bundled sample', { timeout: 300_000 }, () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'train-job-'));
  });
  after(async () => rm(root, { recursive: true, force: true }));

  const config = (out: string, epochs: number): TrainConfig => ({
    data: 'sample',
    model: 'baseline',
    epochs,
    batchSize: 32,
    limit: 640,
    seed: 3,
    backend: 'fast-cpu',
    // Data-parallel: every step is split over two threads (progress, cancel and outputs as with one).
    trainThreads: 2,
    out,
  });

  it('reports progress, lowers the loss, and writes the model and metrics atomically', async () => {
    const out = join(root, 'trained');
    const events: TrainEvent[] = [];
    const summary = await runJob('train', config(out, 4), (event) => events.push(event));
    assert.equal(summary.backend, 'fast-cpu');
    const batches = events.filter((e) => e.kind === 'batch');
    const epochs = events.filter((e) => e.kind === 'epoch');
    assert.equal(epochs.length, 4);
    assert.equal(batches.length, 4 * Math.ceil(576 / 32));
    assert.ok(batches.every((b) => b.kind === 'batch' && b.imagesPerSecond > 0));
    const first = epochs[0]!.kind === 'epoch' ? epochs[0]!.loss : NaN;
    const last = epochs[3]!.kind === 'epoch' ? epochs[3]!.loss : NaN;
    assert.ok(last < first, `training loss should go down: ${first} -> ${last}`);
    const metrics = JSON.parse(await readFile(join(out, 'train-metrics.json'), 'utf8')) as {
      backend: string;
      threads: number;
      epochs: unknown[];
    };
    assert.equal(metrics.backend, 'fast-cpu');
    assert.equal(metrics.threads, 2);
    assert.equal(summary.threads, 2);
    assert.equal(metrics.epochs.length, 4);
    const model = await loadModel(join(out, 'dense'));
    assert.equal(model.spec.name, 'baseline');
    const manifest = await readManifest(out);
    assert.equal(manifest.status, 'completed');
    assert.equal(manifest.environment.backend, 'fast-cpu');
  });

  it('trains a graph model (mobilenetv3s-cifar: Add, Multiply, hard-swish, Dropout) on the fast engine', async () => {
    const out = join(root, 'graph');
    const summary = await runJob(
      'train',
      { ...config(out, 2), model: 'mobilenetv3s-cifar', width: 0.1, limit: 96, batchSize: 16 },
      () => undefined,
    );
    assert.equal(summary.backend, 'fast-cpu');
    assert.ok(
      Number.isFinite(summary.final.loss) && Number.isFinite(summary.test.loss),
      `losses ${summary.final.loss}, ${summary.test.loss}`,
    );
    const model = await loadModel(join(out, 'dense'));
    assert.equal(model.spec.name, 'mobilenetv3s-cifar');
    assert.ok(model.spec.layers.some((l) => l.type === 'Multiply'));
    assert.equal((await readManifest(out)).environment.backend, 'fast-cpu');
  });

  it('cancels cleanly on two threads: the job ends with CancelledError and the run is marked cancelled, with no model written', async () => {
    const out = join(root, 'cancelled');
    const controller = new AbortController();
    const job = runJob(
      'train',
      config(out, 50),
      (event) => {
        if (event.kind === 'batch' && event.step === 3) controller.abort();
      },
      controller.signal,
    );
    await assert.rejects(job, CancelledError);
    const manifest = await readManifest(out);
    assert.equal(manifest.status, 'cancelled');
    assert.equal(manifest.steps.train?.status, 'cancelled');
    await assert.rejects(loadModel(join(out, 'dense')), /No model at/);
  });

  it('a bad data path fails with a message naming it, and the run is marked failed', async () => {
    const out = join(root, 'bad-data');
    await assert.rejects(
      runJob('train', { ...config(out, 1), data: join(root, 'no-such-folder') }, () => undefined),
      /no-such-folder/,
    );
    assert.equal((await readManifest(out)).status, 'failed');
  });
});
