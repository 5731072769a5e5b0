import { toNumber } from './numbers';

/** The one-line summary, µs. */
export interface TimingSummary {
  /** 'current': `Inference timings in us: Init: .., First inference: .., Warmup (avg): .., Inference (avg): ..` (2020+);
   * 'average-2018': `Average inference timings in us: Warmup: .., Init: .., no stats|Inference: ..` (2018-19). */
  form: 'current' | 'average-2018';
  initUs?: number;
  firstInferenceUs?: number;
  warmupAvgUs?: number;
  inferenceAvgUs?: number;
}

const SUMMARY = /^(Average inference|Inference) timings in us:\s*(.*)$/;

// 2018-19 builds printed the regular-run average under the label "no stats" (the stat's empty name) or "Inference".
const KEY_TO_FIELD: Record<string, keyof Omit<TimingSummary, 'form'>> = {
  init: 'initUs',
  'first inference': 'firstInferenceUs',
  'warmup (avg)': 'warmupAvgUs',
  warmup: 'warmupAvgUs',
  'inference (avg)': 'inferenceAvgUs',
  inference: 'inferenceAvgUs',
  'no stats': 'inferenceAvgUs',
};

export function parseTimingSummary(text: string): TimingSummary | undefined {
  const match = SUMMARY.exec(text.trim());
  if (!match) return undefined;
  const summary: TimingSummary = { form: match[1] === 'Inference' ? 'current' : 'average-2018' };
  for (const part of (match[2] ?? '').split(',')) {
    const colon = part.lastIndexOf(':');
    if (colon < 0) continue;
    const field = KEY_TO_FIELD[part.slice(0, colon).trim().toLowerCase()];
    const value = toNumber(part.slice(colon + 1));
    if (field && value !== undefined) summary[field] = value;
  }
  return summary;
}
