import { localeOf, type Language } from '../i18n/languages';

// The one set of display formatters for the app, the HTML/PDF report and the CLI. A number that was not
// measured (null, undefined, NaN) shows as an em dash, never as 0.

export const DASH = '—';

type Maybe = number | null | undefined;

function ok(v: Maybe): v is number {
  return v !== null && v !== undefined && Number.isFinite(v);
}

export interface Formatters {
  lang: Language;
  locale: string;
  /** Fixed decimals, locale digits and separators. */
  number(v: Maybe, digits?: number): string;
  count(v: Maybe): string;
  /** Microseconds as µs below 1 ms, else ms (or s); three significant digits. */
  micros(v: Maybe): string;
  /** The unit `micros` picks for a value, and the divisor from µs. */
  microsUnit(v: number): { unit: 'µs' | 'ms' | 's'; divisor: number };
  bytes(v: Maybe): string;
  /** A fraction 0..1 as a percentage. */
  percent(v: Maybe, digits?: number): string;
  /** A difference of two fractions in percentage points, signed: "+0.4", "−1.2". */
  points(v: Maybe, digits?: number): string;
  /** "1.53×" */
  times(v: Maybe, digits?: number): string;
  date(iso: string | null | undefined): string;
}

/** Between a number and its unit; screens use a non-breaking one so "12.3" and "µs" never land on two lines. */
export const NBSP = '\u00a0';

export interface FormatterOptions {
  /** ' ' (default: terminal and CSV text) or NBSP (HTML, PDF and the app's screens). */
  unitSpace?: ' ' | typeof NBSP;
}

export function createFormatters(lang: Language, { unitSpace = ' ' }: FormatterOptions = {}): Formatters {
  const locale = localeOf(lang);
  const sp = unitSpace;
  const cache = new Map<string, Intl.NumberFormat>();
  const nf = (digits: number, signed = false): Intl.NumberFormat => {
    const key = `${digits}${signed}`;
    let f = cache.get(key);
    if (!f) {
      f = new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
      });
      cache.set(key, f);
    }
    return f;
  };
  const sig3 = (v: number): string => {
    const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
    return nf(digits).format(v);
  };
  const microsUnit = (v: number): { unit: 'µs' | 'ms' | 's'; divisor: number } =>
    Math.abs(v) >= 1_000_000 ? { unit: 's', divisor: 1_000_000 } : Math.abs(v) >= 1000 ? { unit: 'ms', divisor: 1000 } : { unit: 'µs', divisor: 1 };
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    lang,
    locale,
    number: (v, digits = 2) => (ok(v) ? nf(digits).format(v) : DASH),
    count: (v) => (ok(v) ? nf(0).format(Math.round(v)) : DASH),
    micros: (v) => {
      if (!ok(v)) return DASH;
      const { unit, divisor } = microsUnit(v);
      return `${sig3(v / divisor)}${sp}${unit}`;
    },
    microsUnit,
    bytes: (v) => {
      if (!ok(v)) return DASH;
      if (Math.abs(v) < 1024) return `${nf(0).format(v)}${sp}B`;
      if (Math.abs(v) < 1024 * 1024) return `${nf(Math.abs(v) < 10 * 1024 ? 2 : 1).format(v / 1024)}${sp}KiB`;
      if (Math.abs(v) < 1024 ** 3) return `${nf(Math.abs(v) < 10 * 1024 * 1024 ? 2 : 1).format(v / 1024 / 1024)}${sp}MiB`;
      return `${nf(Math.abs(v) < 10 * 1024 ** 3 ? 2 : 1).format(v / 1024 ** 3)}${sp}GiB`;
    },
    percent: (v, digits = 1) => (ok(v) ? `${nf(digits).format(v * 100)}${sp}%` : DASH),
    points: (v, digits = 1) => (ok(v) ? nf(digits, true).format(v * 100).replace('-', '−') : DASH),
    times: (v, digits = 2) => (ok(v) ? `${nf(digits).format(v)}×` : DASH),
    date: (iso) => {
      if (!iso) return DASH;
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dates.format(d);
    },
  };
}

/** Joins every "number unit" in a sentence with NBSP (translated notes such as "Its 95 % interval ..."). */
export function keepUnits(text: string): string {
  return text.replace(/(\d) (µs|ms|s|B|KiB|MiB|GiB|%)(?![\p{L}\p{N}])/gu, `$1${NBSP}$2`);
}
