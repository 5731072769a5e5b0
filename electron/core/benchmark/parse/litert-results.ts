import { NUMBER, toNumber } from './numbers';

/** The `========== BENCHMARK RESULTS ==========` block of LiteRT's CompiledModel benchmark_model (2025+), in ms. */
export interface LiteRtResults {
  signature?: string;
  initMs?: number;
  warmupFirstMs?: number;
  warmupAvgMs?: number;
  warmupRuns?: number;
  inferenceAvgMs?: number;
  inferenceRuns?: number;
  inferenceMinMs?: number;
  inferenceMaxMs?: number;
  /** Printed without a unit; the block reports every time in ms. */
  inferenceStdMs?: number;
  throughputMbPerSec?: number;
  peakMemoryAvailable?: boolean;
}

export function isLiteRtResultsBanner(text: string): boolean {
  return /^=+ BENCHMARK RESULTS =+$/.test(text.trim());
}

type Field = keyof Omit<LiteRtResults, 'signature' | 'peakMemoryAvailable' | 'warmupRuns' | 'inferenceRuns'>;

const TIMES: [string, Field][] = [
  ['Model initialization', 'initMs'],
  ['Warmup (first)', 'warmupFirstMs'],
  ['Warmup (avg)', 'warmupAvgMs'],
  ['Inference (avg)', 'inferenceAvgMs'],
  ['Inference (min)', 'inferenceMinMs'],
  ['Inference (max)', 'inferenceMaxMs'],
  ['Inference (std)', 'inferenceStdMs'],
  ['Throughput', 'throughputMbPerSec'],
];

/** Folds one line of the block into `results`; returns true when the line belonged to it. */
export function readLiteRtLine(text: string, results: LiteRtResults): boolean {
  const line = text.trim();
  const signature = /^Signature name:\s*(.*)$/.exec(line);
  if (signature) {
    results.signature = signature[1] ?? '';
    return true;
  }
  if (/^Peak memory usage not available/.test(line)) {
    results.peakMemoryAvailable = false;
    return true;
  }
  for (const [label, field] of TIMES) {
    if (!line.startsWith(`${label}:`)) continue;
    const match = new RegExp(`^${NUMBER}`).exec(line.slice(label.length + 1).trim());
    const value = toNumber(match?.[0]);
    if (value !== undefined) results[field] = value;
    const runs = /\((\d+) runs?\)/.exec(line);
    if (runs && field === 'warmupAvgMs') results.warmupRuns = Number(runs[1]);
    if (runs && field === 'inferenceAvgMs') results.inferenceRuns = Number(runs[1]);
    return true;
  }
  return false;
}
