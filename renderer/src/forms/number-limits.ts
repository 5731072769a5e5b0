// A number field's limits, read from the contract's own zod schema (shared/contract.ts), so a value the form accepts
// can never fail the request validation on the other side.
import type { z } from 'zod';
import { formatCount } from '../format/numbers';
import { appI18n } from '../i18n/app-i18n';

export interface NumberLimits {
  min: number | undefined;
  max: number | undefined;
  /** The bound itself is not allowed (e.g. sparsity < 1). */
  minExclusive: boolean;
  maxExclusive: boolean;
  integer: boolean;
  optional: boolean;
}

interface ZodNumberLike {
  minValue: number | null;
  maxValue: number | null;
  isInt: boolean;
}

function innerNumber(schema: z.ZodType): { number: ZodNumberLike | undefined; optional: boolean } {
  const def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } })._zod.def;
  if (def.type === 'optional' && def.innerType) return { number: innerNumber(def.innerType).number, optional: true };
  if (def.type === 'number') return { number: schema as unknown as ZodNumberLike, optional: false };
  return { number: undefined, optional: false };
}

export function numberLimits(schema: z.ZodType): NumberLimits {
  const { number, optional } = innerNumber(schema);
  const finite = (v: number | null | undefined): number | undefined =>
    v === null || v === undefined || !Number.isFinite(v) || Math.abs(v) >= Number.MAX_SAFE_INTEGER ? undefined : v;
  const min = finite(number?.minValue);
  const max = finite(number?.maxValue);
  return {
    min,
    max,
    minExclusive: min !== undefined && !schema.safeParse(min).success,
    maxExclusive: max !== undefined && !schema.safeParse(max).success,
    integer: number?.isInt ?? false,
    optional,
  };
}

function shown(v: number, integer: boolean): string {
  return integer ? formatCount(v) : String(v);
}

/** The allowed range in a few characters, shown next to the field: "1 – 1,000,000", "0 ≤ x < 1". */
export function limitsText(limits: NumberLimits): string {
  const { min, max, integer } = limits;
  if (min !== undefined && max !== undefined) {
    if (!limits.minExclusive && !limits.maxExclusive) return `${shown(min, integer)} – ${shown(max, integer)}`;
    return `${shown(min, integer)} ${limits.minExclusive ? '<' : '≤'} x ${limits.maxExclusive ? '<' : '≤'} ${shown(max, integer)}`;
  }
  if (min !== undefined) return `${limits.minExclusive ? '>' : '≥'} ${shown(min, integer)}`;
  if (max !== undefined) return `${limits.maxExclusive ? '<' : '≤'} ${shown(max, integer)}`;
  return '';
}

/** What is wrong with `value` for this schema, as a sentence; undefined when the schema accepts it. */
export function numberProblem(schema: z.ZodType, value: number | undefined): string | undefined {
  const limits = numberLimits(schema);
  if (value === undefined && limits.optional) return undefined;
  if (value === undefined || Number.isNaN(value)) return appI18n.t('wizard.field.enterNumber');
  if (schema.safeParse(value).success) return undefined;
  if (limits.integer && !Number.isInteger(value)) return appI18n.t('wizard.field.enterWhole');
  const range = limitsText(limits);
  return range ? appI18n.t('wizard.field.enterRange', { range }) : appI18n.t('wizard.field.notAllowed');
}
