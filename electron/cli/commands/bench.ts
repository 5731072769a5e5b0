import { MAX_BENCHMARK_THREADS } from '../../core/devices/device';
import { resolve } from 'node:path';
import type { ModelBenchmark } from '../../../shared/benchmark-result';
import type { BenchmarkEvent, BenchmarkRequest, DeviceBenchmarkOutcome } from '../../core/devices/device';
import { benchmarkTargets } from '../../core/benchmark/benchmark-targets';
import { UserError } from '../../core/util/errors';
import { jsonLine, type CliCommand, type CliIO } from '../command';
import { intOption, numberOption, requiredString, stringList, stringOption } from '../options';
import { ProgressBar } from '../progress-bar';
import { BENCHMARK_OPTIONS, xnnpackOption } from '../benchmark-options';

const USAGE = `Usage: sparse-studio bench --device SERIAL|all|host --model A.tflite [--model B.tflite] --out DIR [options]

Benchmarks .tflite models with TFLite's benchmark_model on Android phones over adb (in parallel), or on this
computer (--device host, TFLite WebAssembly). Each model runs --repeat times, alternating A B A B. Writes one JSON per
run and the raw tool output into DIR/<device>/.

Options:
  --device SERIAL|all|host  phone serial (repeatable), all ready phones, or this computer
  --model FILE              .tflite model (repeatable)
  --binary PATH             benchmark_model built for the phone (default: download the official nightly into a cache)
  --runs N                  timed runs per benchmark (default 100)
  --warmup N                warm-up runs (default 1)
  --threads N               threads (default 1)
  --repeat N                repetitions per model (default 5)
  --xnnpack true|false|default   --use_xnnpack flag (default: default = the build's default delegate)
  --op-profiling            per-operator profile (shows whether XNNPACK's sparse path ran)
  --big-cores               pin to the fastest CPU cluster with taskset
  --cooldown SEC            pause between runs (default 0)
  --run-delay SEC           benchmark_model --run_delay between inferences
  --timeout SEC             limit for one run (default 300)
  --keep-files              leave the binary and models in /data/local/tmp/sparse-studio
  --adb-server HOST:PORT    adb server to use
  --out DIR                 results folder (required)
  --json                    one JSON object per line (events, then a summary)`;

function describeResult(result: ModelBenchmark): string {
  const s = result.stats;
  const name = result.model.file.split(/[\\/]/).pop();
  return `${result.device.id}  ${name}  run ${result.repetition + 1}: avg ${s.avg.toFixed(0)} µs (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)}, n=${s.count}), sparse inference: ${result.sparseInference.engaged}${result.synthetic ? '  [SYNTHETIC: emulated phone]' : ''}`;
}

function eventPrinter(io: CliIO, json: boolean): (event: BenchmarkEvent) => void {
  const bar = io.interactive && !json ? new ProgressBar(io.stderr) : undefined;
  return (event) => {
    if (json) {
      if (event.type !== 'push' || event.bytes === event.total) jsonLine(io, event);
      return;
    }
    if (event.type === 'push' || event.type === 'download') {
      const label =
        event.type === 'push'
          ? `${event.device}: ${event.skipped ? 'already there' : 'push'} ${event.file.split(/[\\/]/).pop()}`
          : `${event.device}: download benchmark_model`;
      bar?.update(event.bytes, event.total ?? 0, label, event.bytes === event.total);
      if (event.bytes === event.total) bar?.done();
    } else if (event.type === 'run-done') io.stdout.write(describeResult(event.result) + '\n');
    else if (event.type === 'run-failed')
      io.stderr.write(`${event.failure.message}${event.failure.hint ? `\n  ${event.failure.hint}` : ''}\n`);
  };
}

export const benchCommand: CliCommand = {
  name: 'bench',
  summary: 'Benchmark .tflite models on phones (adb) or this computer',
  usage: USAGE,
  options: {
    ...BENCHMARK_OPTIONS,
    model: { type: 'string', multiple: true },
    cooldown: { type: 'string' },
    'run-delay': { type: 'string' },
    timeout: { type: 'string' },
    'keep-files': { type: 'boolean' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const targets = stringList(values, 'device');
    const models = stringList(values, 'model').map((m) => resolve(m));
    if (targets.length === 0)
      throw new UserError('MISSING_OPTION', '--device is required (a serial from `devices`, all, or host)');
    if (models.length === 0) throw new UserError('MISSING_OPTION', '--model is required (a .tflite file; repeat it for several)');
    const json = Boolean(values.json);
    const onEvent = eventPrinter(io, json);
    const runDelay = stringOption(values, 'run-delay');
    const controller = new AbortController();
    const request: BenchmarkRequest = {
      models,
      flags: {
        numRuns: intOption(values, 'runs', 100, 1),
        warmupRuns: intOption(values, 'warmup', 1, 0),
        numThreads: intOption(values, 'threads', 1, 1, MAX_BENCHMARK_THREADS),
        useXnnpack: xnnpackOption(values),
        enableOpProfiling: Boolean(values['op-profiling']),
        ...(runDelay !== undefined ? { runDelaySeconds: numberOption(values, 'run-delay', 0, 0) } : {}),
      },
      bigCores: Boolean(values['big-cores']),
      repeat: intOption(values, 'repeat', 5, 1),
      cooldownMs: numberOption(values, 'cooldown', 0, 0) * 1000,
      timeoutMs: numberOption(values, 'timeout', 300, 1) * 1000,
      keepFiles: Boolean(values['keep-files']),
      outDir: resolve(requiredString(values, 'out')),
      signal: controller.signal,
      onEvent,
    };
    const binary = stringOption(values, 'binary');
    if (binary) request.binaryPath = resolve(binary);

    const onSigint = () => controller.abort();
    process.once('SIGINT', onSigint);
    let outcomes: DeviceBenchmarkOutcome[];
    try {
      const adbServer = stringOption(values, 'adb-server');
      outcomes = await benchmarkTargets({ targets, ...(adbServer ? { adbServer } : {}) }, request);
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
    const failures = outcomes.reduce((n, o) => n + o.failures.length, 0);
    const runs = outcomes.reduce((n, o) => n + o.results.length, 0);
    if (json) {
      jsonLine(io, {
        type: 'summary',
        outDir: request.outDir,
        devices: outcomes.map((o) => ({ device: o.device, runs: o.results.length, failures: o.failures })),
      });
    } else {
      io.stdout.write(`${runs} run(s) written to ${request.outDir}${failures ? `; ${failures} failed (see above)` : ''}.\n`);
    }
    return failures > 0 ? 1 : 0;
  },
};
