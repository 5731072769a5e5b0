import { MAX_BENCHMARK_THREADS } from '../../core/devices/device';
import { resolve } from 'node:path';
import { runJob } from '../../core/jobs/run-job';
import { HOST_DEVICE_ID } from '../../core/benchmark/device-registry';
import { createFormatters } from '../../../shared/format/formatters';
import { createI18n, type Language } from '../../../shared/i18n/i18n';
import { describeBreakEven, describeProfileCoverage } from '../../../shared/whatif-view/describe';
import type { WhatifConfig, WhatifEvent } from '../../core/whatif/whatif-run';
import type { WhatifReport } from '../../core/whatif/whatif-report';
import { UserError } from '../../core/util/errors';
import { BENCHMARK_OPTIONS, xnnpackOption } from '../benchmark-options';
import type { CliCommand, CliIO, ParsedValues } from '../command';
import { intOption, languageOption, requiredString, stringList, stringOption } from '../options';
import { runWithProgress } from '../run-with-progress';
import { sparsityList } from '../sparsity-list';

const USAGE = `Usage: sparse-studio whatif IN.tflite --device all|host|SERIAL [--sparsity 0.5,0.75,0.9] [--include-fc] --out RUN_DIR [options]

"Would sparse inference pay off on this phone?" Prunes the 1x1 convolutions of a float .tflite to each sparsity
without training (as \`sparsify\`), checks XNNPACK's sparse-inference rules per file, benchmarks the original and every
pruned copy on each device (same repetitions and alternating order as \`bench\`), and writes a report with latency vs
sparsity, the per-operator profile (the 1x1 share of time) and the break-even sparsity:
RUN_DIR/report/whatif.{html,json}. Weights pruned without training: accuracy not preserved.

Options:
  --device SERIAL|all|host  phone serial (repeatable), all ready phones, or this computer (default host)
  --sparsity F[,F...]       targets (default 0.5,0.75,0.9)
  --include-fc              also prune FULLY_CONNECTED weights (1x4 blocks)
  --runs N                  timed runs per benchmark (default 100)
  --warmup N                warm-up runs (default 1)
  --threads N               threads (default 1)
  --repeat N                repetitions per file (default 5)
  --xnnpack true|false|default
  --binary PATH             benchmark_model for the phones
  --big-cores               pin to the fastest CPU cluster
  --adb-server HOST:PORT
  --out RUN_DIR             run folder (required)
  --lang en|th              language of the report and this summary (default: the system language)
  --json                    one JSON object per line`;

function configFrom(values: ParsedValues, positionals: string[], lang: Language): WhatifConfig {
  const model = positionals[0];
  if (!model) throw new UserError('MISSING_OPTION', 'Give the .tflite file: whatif IN.tflite --device host --out RUN_DIR');
  const devices = stringList(values, 'device');
  const binary = stringOption(values, 'binary');
  const adbServer = stringOption(values, 'adb-server');
  return {
    model: resolve(model),
    out: resolve(requiredString(values, 'out')),
    sparsities: sparsityList(values, [0.5, 0.75, 0.9]),
    includeFc: values['include-fc'] === true,
    lang,
    devices: devices.length > 0 ? devices : [HOST_DEVICE_ID],
    runs: intOption(values, 'runs', 100, 1),
    warmup: intOption(values, 'warmup', 1, 0),
    threads: intOption(values, 'threads', 1, 1, MAX_BENCHMARK_THREADS),
    repeat: intOption(values, 'repeat', 5, 1),
    xnnpack: xnnpackOption(values),
    // The report needs the per-operator profile (host runs always profile once).
    opProfiling: true,
    bigCores: values['big-cores'] === true,
    cooldownSeconds: 0,
    timeoutSeconds: 300,
    ...(binary !== undefined ? { binary: resolve(binary) } : {}),
    ...(adbServer !== undefined ? { adbServer } : {}),
  };
}

function humanProgress(io: CliIO): (event: WhatifEvent) => void {
  return (event) => {
    if (event.kind === 'sparsified') {
      const f = event.file;
      io.stderr.write(
        `${f.file}: ${(f.sparsity * 100).toFixed(0)} %, ${f.layers.length} weight(s) pruned, XNNPACK rules: ${f.verdict.eligible ? 'pass' : `fail (${f.verdict.summary})`}\n`,
      );
    } else if (event.kind === 'benchmark' && event.event.type === 'run-done') {
      const r = event.event.result;
      io.stderr.write(
        `${r.device.id} ${r.model.file.split(/[\\/]/).pop()} #${r.repetition + 1}: median ${r.stats.median?.toFixed(1) ?? '?'} µs, sparse inference ${r.sparseInference.engaged}${r.synthetic ? ' [SYNTHETIC]' : ''}\n`,
      );
    } else if (event.kind === 'benchmark' && event.event.type === 'run-failed') {
      io.stderr.write(`${event.event.device}: ${event.event.failure.message}\n`);
    }
  };
}

function printSummary(io: CliIO, result: { runDir: string; report: WhatifReport }, lang: Language): void {
  const { report } = result;
  const { t } = createI18n(lang);
  const f = createFormatters(lang);
  io.stdout.write(`${t('whatif.notice')}\n`);
  for (const d of report.devices) {
    io.stdout.write(`${d.device.label}${d.synthetic ? ` ${t('whatif.cli.synthetic')}` : ''}\n`);
    for (const p of d.points) {
      const point = t('whatif.cli.point', {
        sparsity: f.percent(p.sparsity, 0).padStart(5),
        median: f.micros(p.medianUs),
        ratio: f.number(p.ratio, 2),
        engaged: t(`report.engaged.${p.sparseInference.engaged}`),
        share: f.percent(p.pointwiseShare, 0),
        profile: describeProfileCoverage(p, t, f),
      });
      io.stdout.write(`  ${point}\n`);
    }
    io.stdout.write(`  ${t('whatif.cli.breakEven', { value: describeBreakEven(d.breakEven, t, f) })}\n`);
  }
  for (const x of report.failures) io.stdout.write(`${t('whatif.cli.failed', { device: x.device, message: x.message })}\n`);
  io.stdout.write(`${t('whatif.cli.report', { file: `${result.runDir}/report/whatif.html` })}\n`);
}

export const whatifCommand: CliCommand = {
  name: 'whatif',
  summary: 'would sparse inference pay off? prune a float .tflite at several sparsities, benchmark, report',
  usage: USAGE,
  allowPositionals: true,
  options: {
    ...BENCHMARK_OPTIONS,
    sparsity: { type: 'string', multiple: true },
    'include-fc': { type: 'boolean' },
    out: { type: 'string' },
    lang: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, positionals, io) {
    const lang = languageOption(values);
    const config = configFrom(values, positionals, lang);
    return runWithProgress(io, values.json === true, (onEvent, signal) => runJob('whatif', config, onEvent, signal), {
      onEvent: humanProgress(io),
      printSummary: (summary) => printSummary(io, summary, lang),
    });
  },
};
