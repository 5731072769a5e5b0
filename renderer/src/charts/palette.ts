import { SERIES as SERIES_COLORS } from '../../../shared/report-view/charts/axis';

/** The report's colour-blind-friendly series colours (Okabe–Ito), in order. */

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? '#0072B2';
}
