// Display formatting for the app's screens: the shared formatters (shared/format/formatters.ts, the same the report
// uses) in the app's current language. Missing numbers show as an em dash, never as 0.
import { createFormatters, DASH, type Formatters } from '../../../shared/format/formatters';
import { isLanguage } from '../../../shared/i18n/languages';
import { appI18n } from '../i18n/app-i18n';

const cache = new Map<string, Formatters>();
function current(): Formatters {
  const lang = isLanguage(appI18n.language) ? appI18n.language : 'en';
  let f = cache.get(lang);
  if (!f) cache.set(lang, (f = createFormatters(lang)));
  return f;
}

export const formatCount = (n: number | null | undefined): string => current().count(n);
export const formatBytes = (bytes: number | null | undefined): string => current().bytes(bytes);
/** A fraction 0..1 as a percentage. */
export const formatPercent = (fraction: number | null | undefined, digits = 1): string => current().percent(fraction, digits);
/** Microseconds as µs / ms / s with three significant digits. */
export const formatMicros = (us: number | null | undefined): string => current().micros(us);

/** Seconds as "45 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return DASH;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export function formatNumber(n: number | null | undefined, digits = 3): string {
  return n === null || n === undefined || !Number.isFinite(n) ? DASH : Number(n.toPrecision(digits)).toString();
}
