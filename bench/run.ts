// `npm run bench`: stock TF.js CPU vs the fast-cpu engine on the guide model, batch 128, random CIFAR-shaped data.
// Options: --fast-steps N (30), --stock-steps N (3), --no-stock, --full [--data PATH] [--epochs N] (10-epoch run),
// --model-steps N (5), --no-models (the built-in MobileNets' steps, bench/models.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { guideModel } from '../electron/core/model/baseline';
import { initWeights } from '../electron/core/model/weights';
import { createParallelFastTrainer } from '../electron/core/train/fast/parallel/parallel-trainer';
import { createFastTrainer, createFastTrainerWith } from '../electron/core/train/fast/trainer';
import { defaultTrainThreads } from '../electron/core/train/threads';
import { profileStep } from './profile';
import { fullRun, SHARED_CIFAR_JPG, type FullRunResult } from './full-run';
import { benchModels, formatModelTable, type ModelBench } from './models';
import { peakRssMb, timeEvaluation, timeTrainingSteps, type EvalTiming, type StepTiming } from './measure';
import { randomBatches } from './random-batches';
import { formatTable } from './table';

const BATCH = 128;
const EVAL_IMAGES = 10_000;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
  return value;
}

function textOption(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
}

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const spec = guideModel(false);
  const weights = initWeights(spec, 1);
  const batches = randomBatches(4, BATCH, 1);
  const loadBefore = loadavg();

  const fastStepCount = option('--fast-steps', 30);
  const threads = defaultTrainThreads();
  log(`fast-cpu, JavaScript kernels (1 thread): ${Math.max(3, Math.round(fastStepCount / 5))} steps at batch ${BATCH}...`);
  const js = createFastTrainerWith({ spec, weights }, { memory: null, pool: null });
  const jsSteps = timeTrainingSteps(js, batches, 1, Math.max(3, Math.round(fastStepCount / 5)));
  const jsEval = timeEvaluation(js, batches, 2048);
  js.dispose();
  log(`fast-cpu, WebAssembly SIMD, 1 thread: ${fastStepCount} steps...`);
  const simd1 = createFastTrainer({ spec, weights });
  const simd1Steps = timeTrainingSteps(simd1, batches, 3, fastStepCount);
  const simd1Eval = timeEvaluation(simd1, batches, EVAL_IMAGES);
  simd1.dispose();
  log(`fast-cpu, WebAssembly SIMD, ${threads} threads: ${fastStepCount} steps...`);
  const fast = await createParallelFastTrainer({ spec, weights }, threads);
  // Workers tier their WebAssembly up on first use: more warm-up steps than one thread needs.
  const fastSteps = timeTrainingSteps(fast, batches, 10, fastStepCount);
  const fastEval = timeEvaluation(fast, batches, EVAL_IMAGES);
  fast.dispose();
  const fastRss = peakRssMb();

  const profile = profileStep(spec, weights, batches[0]!, 10);

  let stock: { steps: StepTiming; eval: EvalTiming } | null = null;
  if (!process.argv.includes('--no-stock')) {
    const stockSteps = option('--stock-steps', 3);
    log(`tfjs-cpu (stock): 1 warm-up + ${stockSteps} steps at batch ${BATCH} (about 12 s each)...`);
    const { createTfjsTrainer } = await import('../electron/core/train/tfjs-trainer');
    const trainer = await createTfjsTrainer({ spec, weights }, 'tfjs-cpu');
    stock = { steps: timeTrainingSteps(trainer, batches, 1, stockSteps), eval: timeEvaluation(trainer, batches, 1024) };
    trainer.dispose();
  }

  const models: ModelBench[] | null = process.argv.includes('--no-models')
    ? null
    : await benchModels(batches, option('--model-steps', 5), log);

  let full: FullRunResult | null = null;
  if (process.argv.includes('--full')) {
    log('full run: 10 dense epochs of the guide on fast-cpu...');
    full = await fullRun(textOption('--data', SHARED_CIFAR_JPG), option('--epochs', 10), log);
  }

  const speedup = stock ? stock.steps.msPerStep / fastSteps.msPerStep : null;
  const rows: string[][] = [];
  const row = (name: string, s: StepTiming, e: EvalTiming) => [
    name,
    s.msPerStep.toFixed(1),
    s.minMsPerStep.toFixed(1),
    s.cpuMsPerStep.toFixed(1),
    s.imagesPerSecond.toFixed(0),
    e.imagesPerSecond.toFixed(0),
    (EVAL_IMAGES / e.imagesPerSecond).toFixed(2),
    ((e.cpuSeconds * EVAL_IMAGES) / e.images).toFixed(2),
  ];
  if (stock) rows.push(row('tfjs-cpu (stock)', stock.steps, stock.eval));
  rows.push(row('fast-cpu JS kernels, 1 thread', jsSteps, jsEval));
  rows.push(row('fast-cpu SIMD, 1 thread', simd1Steps, simd1Eval));
  rows.push(row(`fast-cpu SIMD, ${threads} threads`, fastSteps, fastEval));
  log('');
  log(
    formatTable(
      ['backend', 'ms/step', 'min ms', 'CPU ms/step', 'train img/s', 'eval img/s', 's/10k eval', 'CPU s/10k eval'],
      rows,
    ),
  );
  if (models) log(`\n${formatModelTable(models)}\n`);
  const profileTotal = profile.reduce((a, p) => a + p.forwardMs + p.backwardMs, 0);
  log('');
  log(`profile of one guide-model step (SIMD, 1 thread, batch ${BATCH}; ${profileTotal.toFixed(1)} ms in layers):`);
  log(
    formatTable(
      ['layer', 'forward ms', 'backward ms', 'share'],
      [...profile]
        .sort((a, b) => b.forwardMs + b.backwardMs - (a.forwardMs + a.backwardMs))
        .map((p) => [
          p.layer,
          p.forwardMs.toFixed(2),
          p.backwardMs.toFixed(2),
          `${(((p.forwardMs + p.backwardMs) / profileTotal) * 100).toFixed(0)} %`,
        ]),
    ),
  );
  if (speedup) log(`speed-up (stock / fast, mean ms per step): ${speedup.toFixed(1)}x`);
  if (stock) log(`speed-up in CPU time per step: ${(stock.steps.cpuMsPerStep / fastSteps.cpuMsPerStep).toFixed(1)}x`);
  log(
    `load average before/after: ${loadBefore.map((l) => l.toFixed(1)).join(' ')} / ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (${cpus().length} CPUs)`,
  );
  log(`peak RSS: ${fastRss.toFixed(0)} MB after fast-cpu, ${peakRssMb().toFixed(0)} MB at the end`);
  if (full) {
    log(
      `full run: test accuracy ${(full.testAccuracy * 100).toFixed(2)} %, training ${full.trainSeconds.toFixed(0)} s ` +
        `wall (${full.trainCpuSeconds.toFixed(0)} s CPU, ${full.meanMsPerStep.toFixed(1)} ms/step), data load ${full.loadSeconds.toFixed(0)} s, peak RSS ${full.peakRssMb.toFixed(0)} MB`,
    );
  }

  const date = new Date().toISOString();
  const result = {
    date,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadavgBefore: loadBefore,
      loadavgAfter: loadavg(),
    },
    model: spec.name,
    batchSize: BATCH,
    threads,
    fastCpu: { training: fastSteps, evaluation: fastEval },
    fastCpuSimdOneThread: { training: simd1Steps, evaluation: simd1Eval },
    fastCpuJsOneThread: { training: jsSteps, evaluation: jsEval },
    profile,
    tfjsCpu: stock ? { training: stock.steps, evaluation: stock.eval } : null,
    speedup,
    cpuSpeedup: stock ? stock.steps.cpuMsPerStep / fastSteps.cpuMsPerStep : null,
    peakRssMb: { afterFastCpu: fastRss, end: peakRssMb() },
    builtInModels: models,
    fullRun: full,
  };
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  log(`results: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
