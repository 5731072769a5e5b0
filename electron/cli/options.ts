import { UserError } from '../core/util/errors';
import type { ParsedValues } from './command';
import { isLanguage, LANGUAGES, type Language } from '../../shared/i18n/languages';
import { systemLanguage } from '../core/util/system-language';

export function stringOption(values: ParsedValues, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new UserError('BAD_OPTION', `--${name} needs a value`);
  return value;
}

export function requiredString(values: ParsedValues, name: string): string {
  const value = stringOption(values, name);
  if (value === undefined) throw new UserError('MISSING_OPTION', `--${name} is required`);
  return value;
}

export function intOption(values: ParsedValues, name: string, fallback: number, min = 0, max = Infinity): number {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `>= ${min}` : `from ${min} to ${max}`;
    throw new UserError('BAD_OPTION', `--${name} must be a whole number ${range}, got '${raw}'`);
  }
  return value;
}

/** A number in [min, below); a value out of range gets the same message as one that is not a number. */
export function numberOption(values: ParsedValues, name: string, fallback: number, min = -Infinity, below = Infinity): number {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value >= below) {
    const range =
      min === -Infinity ? '' : below === Infinity ? ` >= ${min}` : ` from ${min} to below ${below}`;
    throw new UserError('BAD_OPTION', `--${name} must be a number${range}, got '${raw}'`);
  }
  return value;
}

/** A pruning sparsity: a fraction of zeros, 0 <= s < 1. */
export function sparsityOption(values: ParsedValues, name: string, fallback: number): number {
  return numberOption(values, name, fallback, 0, 1);
}

export function stringList(values: ParsedValues, name: string): string[] {
  const value = values[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** `--lang en|th`; absent: the system language (LC_ALL / LC_MESSAGES / LANG). */
export function languageOption(values: ParsedValues): Language {
  const value = stringOption(values, 'lang');
  if (value === undefined) return systemLanguage();
  if (!isLanguage(value)) throw new UserError('BAD_OPTION', `--lang must be one of ${LANGUAGES.join(', ')}, got '${value}'`);
  return value;
}
