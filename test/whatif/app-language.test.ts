// A what-if started from the app (the jobs.start handler) writes whatif.html in the language chosen in Settings,
// unless the request names one: the same rule as the benchmark and pipeline reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppContext } from '../../electron/app/context';
import { dispatch } from '../../electron/app/dispatch';
import { EventBus } from '../../electron/app/event-bus';
import { createHandlers } from '../../electron/app/handlers';
import { convertToTflite } from '../../electron/core/tflite/convert';
import type { JobFinishedPayload } from '../../shared/contract';
import { whatifTh } from '../../shared/i18n/whatif-th';
import { testModel } from '../tflite/test-model';

test('jobs.start whatif: whatif.html in the Settings language (Thai), or in the one the request names', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'whatif-app-lang-'));
  const bus = new EventBus();
  const context = await createAppContext({ bus, transport: 'ipc', userDataDir: dir });
  try {
    const handlers = createHandlers(context);
    const guide = testModel(31, 0);
    const model = join(dir, 'guide.tflite');
    await writeFile(model, convertToTflite(guide.spec, guide.weights, { sparse: false }).bytes);
    assert.ok((await dispatch(handlers, 'settings.update', { language: 'th' })).ok);

    const whatif = async (out: string, lang?: 'en'): Promise<string> => {
      const finished = new Promise<JobFinishedPayload>((resolve) => {
        const stop = bus.subscribe((event, payload) => {
          if (event !== 'job.finished') return;
          stop();
          resolve(payload as JobFinishedPayload);
        });
      });
      const config = {
        model,
        out,
        sparsities: [0.75],
        includeFc: false,
        devices: ['host'],
        runs: 2,
        warmup: 0,
        threads: 1,
        repeat: 1,
        xnnpack: 'true' as const,
        opProfiling: true,
        bigCores: false,
        cooldownSeconds: 0,
        timeoutSeconds: 120,
        ...(lang ? { lang } : {}),
      };
      const started = await dispatch(handlers, 'jobs.start', { job: 'whatif', config });
      assert.ok(started.ok, JSON.stringify(started));
      const done = await finished;
      assert.equal(done.status, 'completed', JSON.stringify(done));
      return readFile(join(out, 'report', 'whatif.html'), 'utf8');
    };

    const thai = await whatif(join(dir, 'whatif-th'));
    assert.match(thai, /<html lang="th">/);
    assert.ok(thai.includes(whatifTh.notice));
    const english = await whatif(join(dir, 'whatif-en'), 'en');
    assert.match(english, /<html lang="en">/);
    assert.match(english, /Break-even sparsity:/);
  } finally {
    context.dispose();
    await rm(dir, { recursive: true, force: true });
  }
});
