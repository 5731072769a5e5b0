// Measures the dense and sparse .tflite files of a model on "This computer" (TFLite WebAssembly, 1 thread) and
// prints each file's median latency over repetitions and the sparse/dense ratio.
//   npx tsx scripts/measure-host-sparse-ratio.ts DENSE.tflite SPARSE.tflite [--repeat 9] [--runs 500] [--warmup 50] [--threads 1]
import { parseArgs } from 'node:util';
import { benchHost } from '../electron/core/host/benchmark';
import { median } from '../electron/core/host/latency-stats';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { repeat: { type: 'string' }, runs: { type: 'string' }, warmup: { type: 'string' }, threads: { type: 'string' } },
});
const [dense, sparse] = positionals;
if (!dense || !sparse) {
  console.error(
    'usage: measure-host-sparse-ratio.ts DENSE.tflite SPARSE.tflite [--repeat N] [--runs N] [--warmup N] [--threads N]',
  );
  process.exit(2);
}
const results = await benchHost([dense, sparse], {
  runs: Number(values.runs ?? 500),
  warmup: Number(values.warmup ?? 50),
  threads: Number(values.threads ?? 1),
  repeat: Number(values.repeat ?? 9),
});
const medians = (file: string) => results.filter((r) => r.model.file === file).map((r) => r.stats.median ?? 0);
const d = medians(dense);
const s = medians(sparse);
const pairs = d.map((v, i) => s[i]! / v);
for (const [file, list] of [
  [dense, d],
  [sparse, s],
] as const) {
  const r = results.find((x) => x.model.file === file)!;
  console.log(
    `${file}: ${r.model.bytes} bytes, median of medians ${median(list).toFixed(1)} µs [${list.map((v) => v.toFixed(1)).join(' ')}], init ${r.initUs?.toFixed(0)} µs, sparse inference ${r.sparseInference.engaged} (${r.sparseInference.reason})`,
  );
}
console.log(
  `sparse/dense median latency ratio: ${(median(s) / median(d)).toFixed(3)} (per repetition ${pairs.map((p) => p.toFixed(2)).join(' ')})`,
);
