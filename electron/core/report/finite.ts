/** A measured number or null: NaN, Infinity and missing values all become null (JSON has no NaN). */
export function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Mean, min and max of the values that were measured; nulls when none was. */
export function spread(values: readonly (number | undefined | null)[]): {
  avg: number | null;
  min: number | null;
  max: number | null;
} {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (present.length === 0) return { avg: null, min: null, max: null };
  return {
    avg: present.reduce((a, b) => a + b, 0) / present.length,
    min: Math.min(...present),
    max: Math.max(...present),
  };
}
