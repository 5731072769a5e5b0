import { NUMBER, toNumber } from './numbers';

/**
 * One `count=...` line from tensorflow/core/util/stats_calculator (Stat<int64_t>::OutputToStream), in µs.
 * A single sample prints only `count=1 curr=X`; equal samples print `count=N curr=X(all same)`.
 */
export interface StatLine {
  count: number;
  first?: number;
  curr?: number;
  min?: number;
  max?: number;
  avg?: number;
  std?: number;
  p5?: number;
  median?: number;
  p95?: number;
  allSame?: boolean;
}

const STAT_START = /^count=(\d+)(?=\s|\(|$)/;
const FIELD = new RegExp(`\\b(first|curr|min|max|avg|std|p5|median|p95)=(${NUMBER})`, 'g');
type StatKey = 'first' | 'curr' | 'min' | 'max' | 'avg' | 'std' | 'p5' | 'median' | 'p95';

/** Parses `count=50 first=1 curr=2 min=1 max=3 avg=2 std=1 [p5=.. median=.. p95=..]` (or returns undefined). */
export function parseStatLine(text: string): StatLine | undefined {
  const start = STAT_START.exec(text.trim());
  if (!start?.[1]) return undefined;
  const stat: StatLine = { count: Number(start[1]) };
  for (const match of text.matchAll(FIELD)) {
    const key = match[1] as StatKey;
    const value = toNumber(match[2]);
    if (value !== undefined) stat[key] = value;
  }
  if (/\(all same\)/.test(text)) stat.allSame = true;
  return stat;
}
