import { UserError } from '../core/util/errors';
import type { ParsedValues } from './command';
import { stringList } from './options';

/** `--sparsity 0.5 --sparsity 0.75` or `--sparsity 0.5,0.75,0.9` (fractions; "75%" also accepted). */
export function sparsityList(values: ParsedValues, fallback: number[]): number[] {
  const raw = stringList(values, 'sparsity').flatMap((v) => v.split(','));
  if (raw.length === 0) return fallback;
  return raw.map((text) => {
    const trimmed = text.trim();
    const value = trimmed.endsWith('%') ? Number(trimmed.slice(0, -1)) / 100 : Number(trimmed);
    if (!(value > 0 && value < 1))
      throw new UserError('BAD_OPTION', `--sparsity takes fractions between 0 and 1 (e.g. 0.75 or 75%), got '${text}'`);
    return value;
  });
}
