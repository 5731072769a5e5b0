import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildReport } from '../report/build-report';
import { findChromium } from '../report/chromium';
import { reportHeadline, type ReportHeadline } from '../report/headline';
import type { Report } from '../report/types';
import { writeReport, type ReportFormat } from '../report/write-report';
import type { Language } from '../../../shared/i18n/languages';
import { systemLanguage } from '../util/system-language';

export const REPORT_DIR = 'report';
export const REPORT_STEP = 'report';

/**
 * The report is written while its own step is still open, and the run finishes right after it succeeds; so the
 * report shows the states the run will have once the step closes: that step completed, the run completed.
 */
function asFinished(report: Report, step: string, at: string): void {
  const run = report.runs[0];
  if (!run) return;
  run.status = 'completed';
  run.error = null;
  run.updatedAt = at;
  const own = run.steps.find((s) => s.name === step);
  if (own) Object.assign(own, { status: 'completed', endedAt: at, error: null });
}

/**
 * Writes the run's report in every format (PDF only when a Chromium is available; its absence is recorded), as step
 * `step` of the run, HTML and PDF in `lang`. If a format fails, the files already written are removed: they would claim a completed run.
 */
export async function reportInRun(
  runDir: string,
  step = REPORT_STEP,
  lang: Language = systemLanguage(),
): Promise<{ files: string[]; pdf: 'written' | 'skipped: no Chromium found'; headline: ReportHeadline[] }> {
  const report = await buildReport([runDir]);
  asFinished(report, step, new Date().toISOString());
  const files: string[] = [];
  const formats: ReportFormat[] = ['json', 'csv', 'html'];
  const chromium = await findChromium();
  if (chromium) formats.push('pdf');
  try {
    for (const format of formats) {
      const written = await writeReport(report, format, join(runDir, REPORT_DIR, `report.${format}`), { lang });
      files.push(...written.map((path) => path.slice(runDir.length + 1)));
    }
  } catch (error) {
    await Promise.all(files.map((file) => rm(join(runDir, file), { force: true })));
    throw error;
  }
  return { files, pdf: chromium ? 'written' : 'skipped: no Chromium found', headline: reportHeadline(report) };
}
