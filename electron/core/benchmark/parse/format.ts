import type { BenchmarkFlags } from '../../../../shared/benchmark-result';
import { formatCppDouble } from './cpp-number';
import type { OpProfileTableRow } from './op-profile-table';
import { SYNTHETIC_MARKER } from './synthetic-marker';

/** A `count=` line's values; min/max/first/curr/std are whole µs as the tool prints them, avg may be fractional. */
export interface StatValues {
  count: number;
  first: number;
  curr: number;
  min: number;
  max: number;
  avg: number;
  std: number;
}

export interface BenchmarkOutputInput {
  /** True for made-up numbers (the emulated phone): adds the SYNTHETIC line the parser turns into synthetic=true. */
  synthetic: boolean;
  graph: string;
  flags: Pick<BenchmarkFlags, 'numRuns' | 'warmupRuns' | 'numThreads' | 'useXnnpack' | 'enableOpProfiling'>;
  modelSizeMb: number;
  initUs: number;
  warmup: StatValues;
  inference: StatValues;
  memory?: { initMb: number; overallMb: number };
  /** Regular-run op profile rows (XNNPACK operator names for the sparse-path verdict). */
  opProfile?: OpProfileTableRow[];
}

/** Prints output in the current benchmark_model format (TF 2.13+ / nightly: `INFO: ` prefixes, no `[start]` column). */
export function formatBenchmarkOutput(input: BenchmarkOutputInput): string {
  const { flags } = input;
  const lines: string[] = ['STARTING!', 'Log parameter values verbosely: [0]'];
  lines.push(`Min num runs: [${flags.numRuns}]`, `Min warmup runs: [${flags.warmupRuns}]`, `Num threads: [${flags.numThreads}]`);
  lines.push(`Graph: [${input.graph}]`);
  if (flags.enableOpProfiling) lines.push('Enable op profiling: [1]');
  lines.push(`#threads used for CPU inference: [${flags.numThreads}]`);
  if (flags.useXnnpack !== 'default') lines.push(`Use xnnpack: [${flags.useXnnpack === 'true' ? 1 : 0}]`);
  lines.push(`Loaded model ${input.graph}`);
  if (input.synthetic) lines.push(SYNTHETIC_MARKER);
  lines.push('Initialized TensorFlow Lite runtime.');
  if (flags.useXnnpack !== 'false') lines.push('Created TensorFlow Lite XNNPACK delegate for CPU.');
  if (flags.useXnnpack === 'true') {
    lines.push('Explicitly applied XNNPACK delegate, and the model graph will be completely executed by the delegate.');
  }
  lines.push(`The input model file size (MB): ${formatCppDouble(input.modelSizeMb)}`);
  lines.push(`Initialized session in ${formatCppDouble(input.initUs / 1000)}ms.`);
  lines.push(runningLine(input.warmup.count, 0.5), statLine(input.warmup), '');
  lines.push(runningLine(input.inference.count, 1), statLine(input.inference), '');
  lines.push(
    `Inference timings in us: Init: ${Math.round(input.initUs)}, First inference: ${input.warmup.first}, ` +
      `Warmup (avg): ${formatCppDouble(input.warmup.avg)}, Inference (avg): ${formatCppDouble(input.inference.avg)}`,
  );
  if (input.memory) {
    lines.push(
      'Note: as the benchmark tool itself affects memory footprint, the following is only APPROXIMATE to the actual memory footprint of the model at runtime. Take the information at your discretion.',
      `Memory footprint delta from the start of the tool (MB): init=${formatCppDouble(input.memory.initMb)} overall=${formatCppDouble(input.memory.overallMb)}`,
    );
  }
  const prefixed = lines.map((l) => (l === '' ? '' : `INFO: ${l}`));
  if (input.opProfile) prefixed.push(...formatOpProfile(input.opProfile));
  return prefixed.join('\n') + '\n';
}

function runningLine(count: number, minSecs: number): string {
  return `Running benchmark for at least ${count} iterations and at least ${minSecs} seconds but terminate if exceeding 150 seconds.`;
}

function statLine(s: StatValues): string {
  return `count=${s.count} first=${s.first} curr=${s.curr} min=${s.min} max=${s.max} avg=${formatCppDouble(s.avg)} std=${s.std}`;
}

const banner = (title: string) => `${'='.repeat(30)} ${title} ${'='.repeat(30)}`;
const ms = (v: number) => v.toFixed(3);
const pct = (v: number) => `${v.toFixed(3)}%`;

function formatOpProfile(rows: OpProfileTableRow[]): string[] {
  const total = rows.reduce((sum, r) => sum + r.avgMs, 0);
  const header = ['[node type]', '[first]', '[avg ms]', '[%]', '[cdf%]', '[mem KB]', '[times called]'];
  const widths = [24, 9, 9, 8, 8, 10, 9];
  const cell = (values: string[]) => values.map((v, i) => `\t${v.padStart(widths[i] ?? 0)}`).join('');
  const table = (ordered: OpProfileTableRow[]) => {
    let cdf = 0;
    return ordered.map((r) => {
      const share = total > 0 ? (100 * r.avgMs) / total : 0;
      cdf += share;
      const first = r.firstMs ?? r.avgMs;
      return `${cell([r.nodeType, ms(first), ms(r.avgMs), pct(share), pct(cdf), ms(r.memKb ?? 0), String(r.timesCalled)])}\t${r.name}`;
    });
  };
  const top = [...rows].sort((a, b) => b.avgMs - a.avgMs).slice(0, 10);
  return [
    'Operator-wise Profiling Info for Regular Benchmark Runs:',
    banner('Run Order'),
    `${cell(header)}\t[Name]`,
    ...table(rows),
    '',
    banner('Top by Computation Time'),
    `${cell(header)}\t[Name]`,
    ...table(top),
    '',
    `Number of nodes executed: ${rows.length}`,
    ...formatSummaryByNodeType(rows, total),
    '',
    'Memory (bytes): count=0',
    `${rows.length} nodes observed`,
    '',
  ];
}

function formatSummaryByNodeType(rows: OpProfileTableRow[], total: number): string[] {
  const byType = new Map<string, { count: number; avgMs: number; times: number }>();
  for (const r of rows) {
    const entry = byType.get(r.nodeType) ?? { count: 0, avgMs: 0, times: 0 };
    byType.set(r.nodeType, { count: entry.count + 1, avgMs: entry.avgMs + r.avgMs, times: entry.times + r.timesCalled });
  }
  const widths = [24, 9, 10, 11, 11, 10, 9];
  const cell = (values: string[]) => values.map((v, i) => `\t${v.padStart(widths[i] ?? 0)}`).join('');
  let cdf = 0;
  const sorted = [...byType.entries()].sort((a, b) => b[1].avgMs - a[1].avgMs);
  return [
    banner('Summary by node type'),
    cell(['[Node type]', '[count]', '[avg ms]', '[avg %]', '[cdf %]', '[mem KB]', '[times called]']),
    ...sorted.map(([type, e]) => {
      const share = total > 0 ? (100 * e.avgMs) / total : 0;
      cdf += share;
      return cell([type, String(e.count), ms(e.avgMs), pct(share), pct(cdf), ms(0), String(e.times)]);
    }),
  ];
}
