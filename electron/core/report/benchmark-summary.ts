import type { BenchmarkInput } from './input-schemas';
import { finiteOrNull, spread } from './finite';
import { pointwiseShare, summariseOpProfiles } from './op-profile';
import { latencyBox } from './latency-box';
import { poolLatency } from './pooled-latency';
import type { BenchmarkSummary, ModelRole, RepetitionRow } from './types';

export interface BenchmarkGroup {
  run: string;
  device: string;
  model: string;
  role: ModelRole;
  items: { file: string; data: BenchmarkInput }[];
}

type Scalar = string | number | boolean | null;

function repetitionRow(file: string, b: BenchmarkInput): RepetitionRow {
  return {
    repetition: b.repetition,
    file,
    rawOutputFile: b.rawOutputFile ?? null,
    startedAt: b.startedAt,
    synthetic: b.synthetic,
    count: b.stats.count,
    avg: finiteOrNull(b.stats.avg),
    median: finiteOrNull(b.stats.median),
    min: finiteOrNull(b.stats.min),
    max: finiteOrNull(b.stats.max),
    std: finiteOrNull(b.stats.std),
    p90: finiteOrNull(b.stats.p90),
    initUs: finiteOrNull(b.initUs),
    firstInferenceUs: finiteOrNull(b.firstInferenceUs),
    warmupAvgUs: finiteOrNull(b.warmupAvgUs),
    peakMb: finiteOrNull(b.memory?.peakMb),
    sparseInference: b.sparseInference.engaged,
  };
}

function flags(items: BenchmarkGroup['items']): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(items[0]?.data.flags ?? {})) {
    const values = new Set(items.map((i) => JSON.stringify(i.data.flags[key] ?? null)));
    // Repetitions that ran with different flags must not look alike.
    out[key] =
      values.size > 1
        ? `varies: ${[...values].join(' | ')}`
        : ['string', 'number', 'boolean'].includes(typeof value)
          ? (value as Scalar)
          : JSON.stringify(value);
  }
  return out;
}

function sparseVerdict(items: BenchmarkGroup['items']): BenchmarkSummary['sparseInference'] {
  const verdicts = new Set(items.map((i) => i.data.sparseInference.engaged));
  const first = items[0]!.data.sparseInference;
  if (verdicts.size === 1) return { engaged: first.engaged, reason: first.reason };
  return { engaged: 'unknown', reason: `repetitions disagree: ${items.map((i) => i.data.sparseInference.engaged).join(', ')}` };
}

/** Box statistics over every run when each repetition kept its runs, else over the repetition averages. */
function boxOf(data: readonly BenchmarkInput[]): BenchmarkSummary['latencyBox'] {
  const usable = data.filter((d) => d.stats.count > 0);
  if (usable.length > 0 && usable.every((d) => d.runsUs && d.runsUs.length > 0)) {
    return latencyBox(
      usable.flatMap((d) => d.runsUs!),
      'runs',
    );
  }
  return latencyBox(
    usable.map((d) => d.stats.avg),
    'repetitions',
  );
}

/** One device x model: pooled latency, init, memory, tool and the per-op profile over its repetitions. */
export function summariseBenchmarks(group: BenchmarkGroup, pointwiseLayers: readonly string[]): BenchmarkSummary {
  const items = [...group.items].sort((a, b) => a.data.repetition - b.data.repetition);
  const data = items.map((i) => i.data);
  const memory = (key: 'initMb' | 'overallMb' | 'peakMb'): number | null => spread(data.map((d) => d.memory?.[key])).avg;
  const peak = spread(data.map((d) => d.memory?.peakMb)).max;
  const tool = data[0]!.tool;
  const versions = new Set(data.map((d) => d.tool.version ?? ''));
  const profiled = data.filter((d) => (d.opProfile?.length ?? 0) > 0);
  const opProfile = summariseOpProfiles(
    profiled.map((d) => d.opProfile!),
    pointwiseLayers,
  );
  const sources = new Set(profiled.map((d) => d.opProfileSource));
  const calls = profiled.every((d) => d.opProfileCalls !== undefined)
    ? profiled.reduce((sum, d) => sum + d.opProfileCalls!, 0)
    : null;
  return {
    device: group.device,
    model: group.model,
    run: group.run,
    role: group.role,
    synthetic: data.some((d) => d.synthetic),
    repetitions: items.map((i) => repetitionRow(i.file, i.data)),
    latency: poolLatency(data.map((d) => ({ stats: d.stats, ...(d.runsUs ? { runsUs: d.runsUs } : {}) }))),
    latencyBox: boxOf(data),
    initUs: spread(data.map((d) => d.initUs)),
    firstInferenceUs: spread(data.map((d) => d.firstInferenceUs)),
    memory: { initMb: memory('initMb'), overallMb: memory('overallMb'), peakMb: peak },
    tool: {
      name: tool.name,
      version: versions.size > 1 ? `varies: ${[...versions].join(' | ')}` : (tool.version ?? null),
      sha256: tool.sha256 ?? null,
    },
    flags: flags(items),
    sparseInference: sparseVerdict(items),
    opProfile,
    opProfileFiles: profiled.length,
    opProfileCalls: profiled.length > 0 ? calls : null,
    opProfileSource: sources.size === 0 ? null : sources.size > 1 ? 'mixed' : ([...sources][0] ?? null),
    pointwiseShare: pointwiseShare(opProfile),
  };
}
