import type { DeviceRef, ModelBenchmark } from '../../../shared/benchmark-result';
import { summariseOpProfiles, pointwiseShare } from '../report/op-profile';
import { opCategory } from '../report/op-category';
import { poolLatency } from '../report/pooled-latency';
import type { SparseVerdict } from '../tflite/xnnpack-verdict';
import { WHATIF_NOTICE } from './notice';
import type { PrunedLayer } from './sparsify-model';

/** One file of a what-if run: the unpruned input (sparsity 0) or a pruned copy. */
export interface WhatifFile {
  sparsity: number;
  /** Path inside the run folder. */
  file: string;
  bytes: number;
  layers: PrunedLayer[];
  verdict: SparseVerdict;
}

export interface WhatifOpRow {
  /** Kind of operation (1x1 convolution, depthwise convolution, ...), as the dense/pruned report groups them. */
  category: string;
  pointwise: boolean;
  avgMs: number;
  share: number;
}

export interface WhatifPoint {
  sparsity: number;
  file: string;
  /** Median latency over every run of every repetition, µs (null without results). */
  medianUs: number | null;
  p90Us: number | null;
  runs: number;
  repetitions: number;
  /** Pruned median / dense median on the same device. */
  ratio: number | null;
  sparseInference: ModelBenchmark['sparseInference'];
  /** Share of the profiled time spent in 1x1 convolutions (null without a profile). */
  pointwiseShare: number | null;
  /** What the profile covers (null without one); on this computer, warm-up calls are left out of it. */
  profile: WhatifProfileCoverage | null;
  ops: WhatifOpRow[];
}

export interface WhatifProfileCoverage {
  /** Inferences the profile averages (null when a result does not say). */
  calls: number | null;
  /** Calls run before the profiled ones and left out of the profile (null when not recorded: phones profile the timed runs). */
  warmupExcluded: number | null;
  source: 'these-runs' | 'separate-run' | 'mixed';
}

function profileCoverage(results: readonly ModelBenchmark[]): WhatifProfileCoverage | null {
  const profiled = results.filter((r) => (r.opProfile?.length ?? 0) > 0);
  if (profiled.length === 0) return null;
  const sum = (values: (number | undefined)[]) =>
    values.every((v) => v !== undefined) ? values.reduce((a, b) => a! + b!, 0)! : null;
  const sources = new Set(profiled.map((r) => r.opProfileSource ?? 'these-runs'));
  return {
    calls: sum(profiled.map((r) => r.opProfileCalls)),
    warmupExcluded: sum(profiled.map((r) => r.opProfileWarmupExcluded)),
    source: sources.size > 1 ? 'mixed' : [...sources][0]!,
  };
}

export type BreakEven =
  | { kind: 'interpolated'; sparsity: number; between: [number, number] }
  /** Already faster at the lowest sparsity measured: the crossing lies at or below it. */
  | { kind: 'at-or-below'; sparsity: number }
  | { kind: 'not-reached'; best: number | null };

export interface WhatifDevice {
  device: DeviceRef;
  synthetic: boolean;
  tool: string;
  points: WhatifPoint[];
  breakEven: BreakEven;
}

export interface WhatifReport {
  kind: 'whatif';
  /** Shown wherever the numbers appear: the weights were pruned without training. */
  notice: string;
  createdAt: string;
  runDir: string;
  source: { file: string; bytes: number };
  config: { devices: string[]; runs: number; repeat: number; threads: number; includeFc: boolean };
  files: WhatifFile[];
  devices: WhatifDevice[];
  failures: { device: string; code: string; message: string }[];
}

/**
 * The sparsity at which the pruned median latency falls to the dense one: linear interpolation of the ratio
 * between the two measured sparsities around the last crossing below 1 (after which every point stays below 1).
 */
export function breakEven(points: readonly { sparsity: number; ratio: number | null }[]): BreakEven {
  const pruned = points.filter((p) => p.sparsity > 0 && p.ratio !== null).sort((a, b) => a.sparsity - b.sparsity);
  if (pruned.length === 0) return { kind: 'not-reached', best: null };
  const best = Math.min(...pruned.map((p) => p.ratio!));
  let first = pruned.length;
  while (first > 0 && pruned[first - 1]!.ratio! < 1) first--;
  if (first === pruned.length) return { kind: 'not-reached', best };
  if (first === 0) return { kind: 'at-or-below', sparsity: pruned[0]!.sparsity };
  const a = pruned[first - 1]!;
  const b = pruned[first]!;
  const t = (a.ratio! - 1) / (a.ratio! - b.ratio!);
  return { kind: 'interpolated', sparsity: a.sparsity + t * (b.sparsity - a.sparsity), between: [a.sparsity, b.sparsity] };
}

function opRows(results: readonly ModelBenchmark[], pointwiseLayers: readonly string[]): WhatifOpRow[] {
  const rows = summariseOpProfiles(
    results.map((r) => r.opProfile ?? []),
    pointwiseLayers,
  );
  const byCategory = new Map<string, WhatifOpRow>();
  for (const row of rows) {
    const category = opCategory(row.nodeType, row.pointwise);
    const entry = byCategory.get(category) ?? { category, pointwise: row.pointwise, avgMs: 0, share: 0 };
    entry.avgMs += row.avgMs;
    entry.share += row.share;
    byCategory.set(category, entry);
  }
  return [...byCategory.values()].sort((x, y) => y.avgMs - x.avgMs);
}

export interface WhatifInputs {
  source: WhatifReport['source'];
  runDir: string;
  files: WhatifFile[];
  results: ModelBenchmark[];
  failures: WhatifReport['failures'];
  config: WhatifReport['config'];
}

/** Latency vs sparsity per device, the op-level profile per point and the break-even sparsity. */
export function buildWhatifReport(input: WhatifInputs): WhatifReport {
  const pointwiseLayers = input.files.flatMap((f) => f.layers.filter((l) => l.op === 'CONV_2D').map((l) => l.tensor));
  const byDevice = new Map<string, ModelBenchmark[]>();
  for (const r of input.results) byDevice.set(r.device.id, [...(byDevice.get(r.device.id) ?? []), r]);
  const devices = [...byDevice.values()].map((results): WhatifDevice => {
    const forFile = (f: WhatifFile) => results.filter((r) => r.model.file.endsWith(f.file.split('/').pop()!));
    const dense = poolLatency(forFile(input.files[0]!)).median;
    const points = input.files.map((f): WhatifPoint => {
      const mine = forFile(f);
      const pooled = poolLatency(mine);
      const ops = opRows(mine, pointwiseLayers);
      const last = mine[mine.length - 1];
      return {
        sparsity: f.sparsity,
        file: f.file,
        medianUs: pooled.median,
        p90Us: pooled.p90,
        runs: pooled.count,
        repetitions: mine.length,
        ratio: pooled.median !== null && dense ? pooled.median / dense : null,
        sparseInference: last?.sparseInference ?? { engaged: 'unknown', reason: 'not measured' },
        pointwiseShare: pointwiseShare(
          ops.map((o) => ({ nodeType: o.category, avgMs: o.avgMs, share: o.share, pointwise: o.pointwise })),
        ),
        profile: profileCoverage(mine),
        ops,
      };
    });
    const first = results[0]!;
    return {
      device: first.device,
      synthetic: results.some((r) => r.synthetic),
      tool: `${first.tool.name}${first.tool.version ? ` ${first.tool.version}` : ''}`,
      points,
      breakEven: breakEven(points),
    };
  });
  return {
    kind: 'whatif',
    notice: WHATIF_NOTICE,
    createdAt: new Date().toISOString(),
    runDir: input.runDir,
    source: input.source,
    config: input.config,
    files: input.files,
    devices,
    failures: input.failures,
  };
}
