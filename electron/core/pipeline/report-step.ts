import { join } from 'node:path';
import { buildReport } from '../report/build-report';
import { findChromium } from '../report/chromium';
import { writeReport, type ReportFormat } from '../report/write-report';
import type { Language } from '../../../shared/i18n/languages';
import { systemLanguage } from '../util/system-language';

export const REPORT_DIR = 'report';

/** Writes the run's report in every format (PDF only when a Chromium is available; its absence is recorded). */
export async function reportInRun(
  runDir: string,
  lang: Language = systemLanguage(),
): Promise<{ files: string[]; pdf: 'written' | 'skipped: no Chromium found' }> {
  const report = await buildReport([runDir]);
  const files: string[] = [];
  const formats: ReportFormat[] = ['json', 'csv', 'html'];
  const chromium = await findChromium();
  if (chromium) formats.push('pdf');
  for (const format of formats) {
    const written = await writeReport(report, format, join(runDir, REPORT_DIR, `report.${format}`), { lang });
    files.push(...written.map((path) => path.slice(runDir.length + 1)));
  }
  return { files, pdf: chromium ? 'written' : 'skipped: no Chromium found' };
}
