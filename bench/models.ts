// The built-in MobileNets on the fast engine: ms per training step at batch 128, on this thread (WebAssembly SIMD, or
// the scalar kernels with SPARSE_STUDIO_WASM=0) and on every core. Part of `npm run bench` (skip with --no-models).
import { availableParallelism } from 'node:os';
import { modelByName, type ModelName } from '../electron/core/model/built-in';
import { multiplyAddsPerImage } from '../electron/core/model/multiply-adds';
import { countParameters } from '../electron/core/model/shapes';
import { initWeights } from '../electron/core/model/weights';
import { createParallelFastTrainer } from '../electron/core/train/fast/parallel/parallel-trainer';
import { createFastTrainer } from '../electron/core/train/fast/trainer';
import type { Batch } from '../electron/core/train/types';
import { timeTrainingSteps, type StepTiming } from './measure';
import { formatTable } from './table';

export const BENCH_MODELS: readonly ModelName[] = ['mobilenetv2-cifar', 'mobilenetv3s-cifar'];

export interface ModelBench {
  model: ModelName;
  parameters: number;
  multiplyAddsPerImage: number;
  oneThread: StepTiming;
  threads: number;
  allThreads: StepTiming | null;
}

/** Times `steps` training steps (after one warm-up) of each built-in MobileNet at its default width. */
export async function benchModels(batches: Batch[], steps: number, log: (line: string) => void): Promise<ModelBench[]> {
  const results: ModelBench[] = [];
  const threads = availableParallelism();
  for (const model of BENCH_MODELS) {
    const spec = modelByName(model);
    const weights = initWeights(spec, 1);
    log(
      `${model}: ${steps} fast-cpu steps at batch ${batches[0]!.size} on 1 thread${threads > 1 ? ` and on ${threads}` : ''}...`,
    );
    const single = createFastTrainer({ spec, weights });
    const oneThread = timeTrainingSteps(single, batches, 1, steps);
    single.dispose();
    let allThreads: StepTiming | null = null;
    if (threads > 1) {
      const parallel = await createParallelFastTrainer({ spec, weights }, threads);
      allThreads = timeTrainingSteps(parallel, batches, 1, steps);
      parallel.dispose();
    }
    results.push({
      model,
      parameters: countParameters(spec).total,
      multiplyAddsPerImage: multiplyAddsPerImage(spec),
      oneThread,
      threads,
      allThreads,
    });
  }
  return results;
}

export function formatModelTable(results: ModelBench[]): string {
  const rows = results.flatMap((r) => {
    const row = (label: string, s: StepTiming) => [
      `${r.model} (${label})`,
      r.parameters.toLocaleString('en-US'),
      (r.multiplyAddsPerImage / 1e6).toFixed(1),
      s.msPerStep.toFixed(0),
      s.minMsPerStep.toFixed(0),
      s.cpuMsPerStep.toFixed(0),
      s.imagesPerSecond.toFixed(0),
      (45_000 / s.imagesPerSecond / 60).toFixed(1),
    ];
    return [row('1 thread', r.oneThread), ...(r.allThreads ? [row(`${r.threads} threads`, r.allThreads)] : [])];
  });
  return formatTable(
    ['fast-cpu model', 'params', 'M mult-adds/img', 'ms/step', 'min ms', 'CPU ms/step', 'train img/s', 'min/45k epoch'],
    rows,
  );
}
