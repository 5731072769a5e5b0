import type { Batch, Trainer } from '../electron/core/train/types';

export interface StepTiming {
  steps: number;
  msPerStep: number;
  /** Fastest single step: less sensitive to other processes on the machine. */
  minMsPerStep: number;
  /** CPU time of this process per step (user + system, all threads): what the step costs on an idle machine. */
  cpuMsPerStep: number;
  imagesPerSecond: number;
}

/** Times `steps` training steps after `warmup` untimed ones, cycling through `batches`. */
export function timeTrainingSteps(trainer: Trainer, batches: Batch[], warmup: number, steps: number): StepTiming {
  for (let i = 0; i < warmup; i++) trainer.trainStep(batches[i % batches.length]!);
  const times: number[] = [];
  let images = 0;
  const cpuBefore = cpuMs();
  for (let i = 0; i < steps; i++) {
    const batch = batches[(warmup + i) % batches.length]!;
    const t0 = performance.now();
    trainer.trainStep(batch);
    times.push(performance.now() - t0);
    images += batch.size;
  }
  const cpu = cpuMs() - cpuBefore;
  const total = times.reduce((a, b) => a + b, 0);
  return {
    steps,
    msPerStep: total / steps,
    minMsPerStep: Math.min(...times),
    cpuMsPerStep: cpu / steps,
    imagesPerSecond: (images * 1000) / total,
  };
}

export interface EvalTiming {
  images: number;
  seconds: number;
  cpuSeconds: number;
  imagesPerSecond: number;
}

/** Times evaluate() over `images` images, built by repeating `batches`. */
export function timeEvaluation(trainer: Trainer, batches: Batch[], images: number): EvalTiming {
  const plan: Batch[] = [];
  for (let total = 0, i = 0; total < images; i++) {
    const batch = batches[i % batches.length]!;
    const size = Math.min(batch.size, images - total);
    plan.push(
      size === batch.size ? batch : { x: batch.x.subarray(0, size * 3072), labels: batch.labels.subarray(0, size), size },
    );
    total += size;
  }
  const t0 = performance.now();
  const cpu0 = cpuMs();
  const result = trainer.evaluate(plan);
  const seconds = (performance.now() - t0) / 1000;
  return { images: result.count, seconds, cpuSeconds: (cpuMs() - cpu0) / 1000, imagesPerSecond: result.count / seconds };
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** CPU time used by this process so far (user + system), in ms. */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
