import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { runRuntimeRequest } from '../../electron/core/host/runtime-worker';
import { convertToTflite } from '../../electron/core/tflite/convert';
import { FlatBufferReader } from '../../electron/core/tflite/flatbuffer-reader';
import { inspectTfliteBytes } from '../../electron/core/tflite/inspect';
import { UserError } from '../../electron/core/util/errors';
import { fuzzCorpus } from './fuzz-corpus';
import { testModel } from './test-model';
import type { FuzzOutcome } from './fuzz-inspect-worker';

/** Generous bounds for the whole corpus: a hang or a runaway allocation fails the test instead of stalling the suite. */
const CORPUS_WATCHDOG_MS = 180_000;
const INSPECTOR_HEAP_MB = 512;

function inspectCorpusInWorker(): Promise<FuzzOutcome[]> {
  const worker = new Worker(new URL('../../electron/core/jobs/tsx-worker-bootstrap.mjs', import.meta.url), {
    workerData: { entry: pathToFileURL(new URL('./fuzz-inspect-worker.ts', import.meta.url).pathname).href },
    resourceLimits: { maxOldGenerationSizeMb: INSPECTOR_HEAP_MB },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`the inspector did not get through the fuzz corpus within ${CORPUS_WATCHDOG_MS / 1000} s (a hang)`));
    }, CORPUS_WATCHDOG_MS);
    worker.once('message', (outcomes: FuzzOutcome[]) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcomes);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const outcomes = inspectCorpusInWorker();

function vtableClaimingMoreFields(): Uint8Array {
  const { spec, weights } = testModel(21);
  const bytes = convertToTflite(spec, weights, { sparse: true }).bytes.slice();
  const tensor = new FlatBufferReader(bytes, 'x').root().tables(2, 'subgraphs')[0]!.tables(0, 'tensors')[0]!;
  const view = new DataView(bytes.buffer);
  const vtable = tensor.position - view.getInt32(tensor.position, true);
  view.setUint16(vtable, view.getUint16(vtable, true) + 128, true);
  return bytes;
}

test('fuzz corpus: every damaged file inspects or is refused with TFLITE_CORRUPT, within the time and heap bounds', async () => {
  const all = await outcomes;
  assert.equal(all.length, fuzzCorpus().length);
  assert.ok(all.length > 300, `corpus of ${all.length} files`);
  const crashed = all.filter((o) => o.outcome === 'crashed');
  assert.deepEqual(crashed, [], 'no file may fail with anything but TFLITE_CORRUPT');
  const refused = all.filter((o) => o.outcome === 'refused');
  // Each kind of mutation produces refusals; the messages name what is wrong.
  for (const kind of ['truncated', 'flipped', 'set to', 'dense_size', 'traversal_order', 'segments', 'indices'])
    assert.ok(
      refused.some((o) => o.name.includes(kind)),
      `some '${kind}' mutation is refused`,
    );
  assert.ok(refused.every((o) => o.outcome === 'refused' && / is not a valid TFLite model: /.test(o.message)));
});

test('fuzz corpus: the sparsity edits the runtime would trust are refused with the tensor and the field', async () => {
  const byName = new Map((await outcomes).map((o) => [o.name, o]));
  const expectations: [RegExp, RegExp][] = [
    [/dense_size \d+ -> 268435456$/, /tensor \d+ .*dense_size is 268435456/],
    [/traversal_order\[\d\] \d+ -> 7$/, /traversal_order\[\d\] is 7: traversal_order \[.*\] is not a permutation/],
    [/traversal_order\[\d\] \d+ -> -1$/, /traversal_order\[\d\] is -1/],
    [/indices\[\d+\] \d+ -> 65535$/, /tensor \d+ .*array_indices\[\d+\] is (65535|255), outside 0\.\.\d+/],
  ];
  for (const [name, message] of expectations) {
    const cases = [...byName.values()].filter((o) => name.test(o.name));
    assert.ok(cases.length > 0, `the corpus has a case ${name}`);
    for (const c of cases) {
      assert.equal(c.outcome, 'refused', `${c.name} is refused`);
      if (c.outcome === 'refused') assert.match(c.message, message, c.name);
    }
  }
});

test('fuzz corpus: damaged files the inspector calls eligible load in the real TFLite runtime', async () => {
  const eligible = new Set((await outcomes).filter((o) => o.outcome === 'inspected' && o.eligible).map((o) => o.name));
  // A sample of them (each load starts a runtime worker), spread over the corpus, plus the vtable case that the
  // runtime's verifier refused before the reader checked the fields it does not show (below).
  const cases = fuzzCorpus().filter((c) => eligible.has(c.name));
  const sample = cases.filter((_, i) => i % Math.ceil(cases.length / 6) === 0);
  assert.ok(sample.length >= 4, `${sample.length} eligible mutated files sampled`);
  for (const c of sample) await runRuntimeRequest('load', { bytes: c.bytes, file: c.name }, { timeoutMs: 60_000 });
  // A tensor vtable whose size claims more fields than the schema reader knows: the runtime's verifier follows
  // variant_tensors there, so the reader must too.
  const bytes = vtableClaimingMoreFields();
  assert.throws(
    () => inspectTfliteBytes(bytes, 'vtable.tflite'),
    (e: unknown) => e instanceof UserError && e.code === 'TFLITE_CORRUPT' && /variant_tensors/.test(e.message),
  );
});
