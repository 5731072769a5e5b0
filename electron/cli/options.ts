import { UserError } from '../core/util/errors';
import type { ParsedValues } from './command';

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

export function intOption(values: ParsedValues, name: string, fallback: number, min = 0): number {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new UserError('BAD_OPTION', `--${name} must be a whole number >= ${min}, got '${raw}'`);
  }
  return value;
}

export function numberOption(values: ParsedValues, name: string, fallback: number): number {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new UserError('BAD_OPTION', `--${name} must be a number, got '${raw}'`);
  return value;
}

export function stringList(values: ParsedValues, name: string): string[] {
  const value = values[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}
