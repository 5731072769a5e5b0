import type { LoadedModel } from '../model/io';
import { collectDevices } from './device-info';
import { finiteOrNull } from './finite';
import { layerSparsity, pointwiseLayerNames } from './layer-sparsity';
import { loadRun, RUN_FILES, type LoadedRun } from './load-run';
import { UserError } from '../util/errors';
import { benchmarkRole } from './model-role';
import { summariseBenchmarks, type BenchmarkGroup } from './benchmark-summary';
import { compareOpProfiles } from './op-profile';
import { REPORT_FORMAT, REPORT_SCHEMA_VERSION } from './schema';
import { estimateSpeedup } from './speedup-ci';
import { verdictRules } from './verdict-rules';
import type { RepetitionLatency } from './pooled-latency';
import type {
  BenchmarkSummary,
  ModelInfo,
  ModelRole,
  OpComparison,
  Report,
  RunInfo,
  SparsityHistory,
  Speedup,
  TrainingHistory,
} from './types';
import type { PruneMetricsInput, TrainMetricsInput } from './input-schemas';
import { appVersion } from '../util/app-root';

const ROLES: ModelRole[] = ['dense', 'pruned'];

/** Loads one or several run folders and computes the comparison report. Missing parts are listed, not fatal. */
export async function buildReport(runDirs: string[]): Promise<Report> {
  const runs: LoadedRun[] = [];
  for (const dir of runDirs) runs.push(await loadRun(dir));
  const notRuns = runs.filter((run) => !holdsRun(run));
  if (notRuns.length > 0) {
    throw new UserError(
      'NOT_A_RUN',
      `${notRuns.map((r) => r.dir).join(', ')} ${notRuns.length > 1 ? 'hold' : 'holds'} no run: no run.json, no metrics, no .tflite files, no benchmarks`,
      'Give run folders a Sparse Studio command wrote with --out (`runs list` shows the workspace\'s runs; `runs list --workspace DIR` another folder\'s).',
    );
  }
  disambiguateIds(runs);
  const measured = runs.flatMap((run) =>
    benchmarkGroups(run).map((group) => ({
      summary: summariseBenchmarks(group, pointwiseLayers(run)),
      repetitions: repetitionLatencies(group),
    })),
  );
  const benchmarks = measured.map((m) => m.summary);
  return {
    format: REPORT_FORMAT,
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: new Date().toISOString(),
    generator: { name: 'sparse-studio', version: ownVersion() },
    synthetic: benchmarks.some((b) => b.synthetic),
    runs: runs.map(runInfo),
    missing: runs.flatMap((r) => r.missing),
    training: runs.flatMap(trainingHistories),
    sparsity: runs.flatMap((r) => (r.pruneMetrics ? [sparsityHistory(r.id, r.pruneMetrics)] : [])),
    models: runs.flatMap((run) => modelInfos(run)),
    devices: collectDevices(runs),
    benchmarks,
    speedups: speedups(measured),
    opComparisons: opComparisons(benchmarks),
  };
}

/** A folder is a run when it holds anything a run writes (a run interrupted early may lack all but run.json). */
function holdsRun(run: LoadedRun): boolean {
  return (
    run.manifest !== null ||
    run.trainMetrics !== null ||
    run.pruneMetrics !== null ||
    run.denseModel !== null ||
    run.prunedModel !== null ||
    run.conversion !== null ||
    run.tflite.length > 0 ||
    run.benchmarks.length > 0 ||
    run.missing.some((m) => m.item.startsWith(`${RUN_FILES.benchmarksDir}/`) && m.detail.startsWith('benchmark failed'))
  );
}

function ownVersion(): string | null {
  try {
    return appVersion();
  } catch {
    return null;
  }
}

/** Two folders with the same run id (copied runs) must still be told apart in one report. */
function disambiguateIds(runs: LoadedRun[]): void {
  const seen = new Map<string, number>();
  for (const run of runs) {
    const n = (seen.get(run.id) ?? 0) + 1;
    seen.set(run.id, n);
    if (n > 1) {
      const id = `${run.id}#${n}`;
      for (const m of run.missing) m.run = id;
      run.id = id;
    }
  }
}

function pointwiseLayers(run: LoadedRun): string[] {
  const spec = run.denseModel?.spec ?? run.prunedModel?.spec;
  return spec ? pointwiseLayerNames(spec) : [];
}

function runInfo(run: LoadedRun): RunInfo {
  const m = run.manifest;
  const ds = run.trainMetrics?.dataset;
  return {
    id: run.id,
    dir: run.dir,
    kind: m?.kind ?? 'unknown',
    status: m?.status ?? 'unknown',
    error: m?.error ?? null,
    createdAt: m?.createdAt ?? '',
    updatedAt: m?.updatedAt ?? '',
    config: m?.config ?? {},
    environment: m?.environment ?? {},
    steps: Object.entries(m?.steps ?? {}).map(([name, s]) => ({
      name,
      status: s.status,
      startedAt: s.startedAt,
      endedAt: s.endedAt ?? null,
      error: s.error ?? null,
    })),
    dataset: ds
      ? {
          source: ds.source,
          fingerprint: ds.fingerprint ?? null,
          train: finiteOrNull(ds.train),
          validation: finiteOrNull(ds.validation),
          test: finiteOrNull(ds.test),
        }
      : null,
  };
}

function history(run: string, phase: TrainingHistory['phase'], metrics: TrainMetricsInput | PruneMetricsInput): TrainingHistory {
  return {
    run,
    phase,
    backend: metrics.backend ?? null,
    epochs: metrics.epochs.map((e) => ({
      epoch: e.epoch,
      loss: finiteOrNull(e.loss),
      accuracy: finiteOrNull(e.accuracy),
      valLoss: finiteOrNull(e.valLoss),
      valAccuracy: finiteOrNull(e.valAccuracy),
      seconds: finiteOrNull(e.seconds),
    })),
    batches: (metrics.batches ?? []).map((b) => ({
      step: b.step,
      loss: finiteOrNull(b.loss),
      accuracy: finiteOrNull(b.accuracy),
    })),
    test: metrics.test ? { loss: finiteOrNull(metrics.test.loss), accuracy: finiteOrNull(metrics.test.accuracy) } : null,
  };
}

function trainingHistories(run: LoadedRun): TrainingHistory[] {
  const out: TrainingHistory[] = [];
  if (run.trainMetrics) out.push(history(run.id, 'dense', run.trainMetrics));
  if (run.pruneMetrics) out.push(history(run.id, 'pruning', run.pruneMetrics));
  return out;
}

function scheduleText(schedule: { class_name: string; config: Record<string, unknown> } | undefined): string | null {
  if (!schedule) return null;
  const c = schedule.config;
  const steps = `steps ${String(c.begin_step)}-${String(c.end_step)} every ${String(c.frequency)}`;
  if (schedule.class_name === 'PolynomialDecay') {
    return `PolynomialDecay ${String(c.initial_sparsity)} → ${String(c.final_sparsity)} (power ${String(c.power)}), ${steps}`;
  }
  if (schedule.class_name === 'ConstantSparsity') return `ConstantSparsity ${String(c.target_sparsity)}, ${steps}`;
  return `${schedule.class_name} ${JSON.stringify(c)}`;
}

function sparsityHistory(run: string, metrics: PruneMetricsInput): SparsityHistory {
  const summary = metrics.pruning ?? metrics.summary;
  const names = summary?.tensors ?? [...new Set((summary?.epochs ?? []).flatMap((e) => e.tensors.map((t) => t.name)))];
  return {
    run,
    schedule: (summary?.targetPerStep ?? []).flatMap((target, i) => (target === null ? [] : [{ step: i + 1, target }])),
    scheduleText: scheduleText(summary?.schedule),
    policy: summary?.policy ?? null,
    maskUpdateSteps: summary?.maskUpdateSteps ?? [],
    tensors: names.map((name) => ({
      name,
      epochs: (summary?.epochs ?? []).flatMap((e) => {
        const t = e.tensors.find((x) => x.name === name);
        return t
          ? [
              {
                epoch: e.epoch,
                step: finiteOrNull(e.step),
                sparsity: finiteOrNull(t.sparsity),
                threshold: finiteOrNull(t.threshold),
              },
            ]
          : [];
      }),
    })),
  };
}

function modelInfos(run: LoadedRun): ModelInfo[] {
  const layers = layerSparsity(run.denseModel, run.prunedModel);
  const tfjs: Record<ModelRole, LoadedModel | null> = { dense: run.denseModel, pruned: run.prunedModel };
  const accuracyTfjs: Record<ModelRole, number | null> = {
    dense: finiteOrNull(run.trainMetrics?.test?.accuracy),
    pruned: finiteOrNull(run.pruneMetrics?.test?.accuracy),
  };
  return ROLES.flatMap((role) => {
    const converted = run.conversion?.files.find((f) => f.role === role);
    const file = run.tflite.find((t) => t.role === role);
    const benchmarked = run.benchmarks.some((b) => benchmarkRole(run, b.data.model) === role);
    if (!converted && !file && !tfjs[role] && !benchmarked) return [];
    return [
      {
        key: `${run.id}/${role}`,
        run: run.id,
        role,
        file: file?.file ?? converted?.file ?? null,
        bytes: finiteOrNull(converted?.bytes ?? file?.bytes),
        weightBytes: finiteOrNull(converted?.weightBytes),
        sha256: file?.sha256 ?? converted?.sha256 ?? null,
        accuracyTfjs: accuracyTfjs[role],
        accuracyTflite: finiteOrNull(converted?.validation?.accuracyTflite),
        validation: converted?.validation
          ? { maxAbsDiff: finiteOrNull(converted.validation.maxAbsDiff), agreement: finiteOrNull(converted.validation.agreement) }
          : null,
        sparseTensors: (converted?.sparseTensors ?? []).map((t) => ({ name: t.name, zeros: t.zeros, bytesSaved: t.bytesSaved })),
        xnnpackVerdict: converted?.xnnpackVerdict
          ? {
              eligible: converted.xnnpackVerdict.eligible,
              reasons: converted.xnnpackVerdict.reasons,
              rules: verdictRules(converted.xnnpackVerdict),
            }
          : null,
        layers,
      },
    ];
  });
}

function benchmarkGroups(run: LoadedRun): BenchmarkGroup[] {
  const groups = new Map<string, BenchmarkGroup>();
  for (const item of run.benchmarks) {
    const role = benchmarkRole(run, item.data.model);
    if (!role) {
      run.missing.push({
        run: run.id,
        item: item.file,
        detail: `cannot tell whether ${item.data.model.file} is the dense or the pruned model; left out`,
      });
      continue;
    }
    const key = `${item.data.device.id}\u0000${role}`;
    const group = groups.get(key) ?? { run: run.id, device: item.data.device.id, model: `${run.id}/${role}`, role, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

interface Measured {
  summary: BenchmarkSummary;
  /** The group's repetitions as the latency table pools them (the speed-up uses the same statistic). */
  repetitions: RepetitionLatency[];
}

function repetitionLatencies(group: BenchmarkGroup): RepetitionLatency[] {
  return group.items.map((i) => ({ stats: i.data.stats, ...(i.data.runsUs ? { runsUs: i.data.runsUs } : {}) }));
}

function pairs<T extends { summary: BenchmarkSummary } | BenchmarkSummary>(items: readonly T[]): { dense: T; pruned: T }[] {
  const of = (item: T): BenchmarkSummary => ('summary' in item ? item.summary : item);
  return items
    .filter((item) => of(item).role === 'dense')
    .flatMap((dense) => {
      const d = of(dense);
      const pruned = items.find((item) => of(item).role === 'pruned' && of(item).run === d.run && of(item).device === d.device);
      return pruned ? [{ dense, pruned }] : [];
    });
}

function speedups(measured: readonly Measured[]): Speedup[] {
  return pairs(measured).map(({ dense, pruned }) => {
    const estimate = estimateSpeedup(dense.repetitions, pruned.repetitions);
    return {
      device: dense.summary.device,
      run: dense.summary.run,
      dense: dense.summary.model,
      pruned: pruned.summary.model,
      synthetic: dense.summary.synthetic || pruned.summary.synthetic,
      speedup: finiteOrNull(estimate.speedup),
      basis: estimate.basis,
      ci: estimate.ci,
      note: estimate.note,
    };
  });
}

function opComparisons(benchmarks: readonly BenchmarkSummary[]): OpComparison[] {
  return pairs(benchmarks)
    .filter(({ dense, pruned }) => dense.opProfile.length > 0 || pruned.opProfile.length > 0)
    .map(({ dense, pruned }) => ({
      device: dense.device,
      run: dense.run,
      synthetic: dense.synthetic || pruned.synthetic,
      rows: compareOpProfiles(dense.opProfile, pruned.opProfile),
      densePointwiseShare: dense.pointwiseShare,
      prunedPointwiseShare: pruned.pointwiseShare,
    }));
}
