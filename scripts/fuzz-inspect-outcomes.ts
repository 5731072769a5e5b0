// Replays the fuzz corpus (test/tflite/fuzz-corpus.ts) through the inspector and counts outcomes:
// `npx tsx scripts/fuzz-inspect-outcomes.ts [--runtime]`. With --runtime, files that inspect are also loaded in the
// real TFLite runtime (one watchdog-guarded worker each) to count which of them the runtime refuses or hangs on.
import { inspectTfliteBytes } from '../electron/core/tflite/inspect';
import { UserError } from '../electron/core/util/errors';
import { fuzzCorpus } from '../test/tflite/fuzz-corpus';

const withRuntime = process.argv.includes('--runtime');
const corpus = fuzzCorpus();
const counts = {
  files: corpus.length,
  refused: 0,
  inspected: 0,
  eligible: 0,
  crashed: 0,
  runtimeRefused: 0,
  runtimeRefusedEligible: 0,
  runtimeTimeout: 0,
};
const crashes: string[] = [];
const runtimeRefusals: string[] = [];
let slowest = { name: '', ms: 0 };
const runtime = withRuntime ? await import('../electron/core/host/runtime-worker') : undefined;
for (const c of corpus) {
  const started = performance.now();
  let eligible = false;
  try {
    eligible = inspectTfliteBytes(c.bytes, c.name).sparseInference.eligible;
    counts.inspected++;
    if (eligible) counts.eligible++;
  } catch (error) {
    if (error instanceof UserError && error.code === 'TFLITE_CORRUPT') counts.refused++;
    else {
      counts.crashed++;
      crashes.push(`${c.name}: ${String(error).split('\n')[0]}`);
    }
    continue;
  } finally {
    const ms = performance.now() - started;
    if (ms > slowest.ms) slowest = { name: c.name, ms };
  }
  if (runtime) {
    try {
      await runtime.runRuntimeRequest('load', { bytes: c.bytes, file: c.name }, { timeoutMs: 20_000 });
    } catch (error) {
      if (error instanceof UserError && error.code === 'TIMEOUT') counts.runtimeTimeout++;
      else counts.runtimeRefused++;
      if (eligible) counts.runtimeRefusedEligible++;
      runtimeRefusals.push(`${eligible ? 'eligible ' : ''}${c.name}: ${String(error).split('\n')[0]}`);
    }
  }
}
console.log(JSON.stringify({ ...counts, slowestInspectMs: Math.round(slowest.ms), slowest: slowest.name }));
for (const line of crashes.slice(0, 20)) console.log('  crash:', line);
for (const line of runtimeRefusals.slice(0, 20)) console.log('  runtime refused:', line);
