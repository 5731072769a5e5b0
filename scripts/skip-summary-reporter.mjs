// A node:test reporter used next to `spec` by run-tests.mjs: node counts skipped tests but not skipped suites
// (a `describe` skipped for a missing tool such as adb or Chromium reports none of its tests), so this one counts
// and lists every skipped suite with its file and reason at the end of the run.
import { relative } from 'node:path';

export default async function* skipSummaryReporter(source) {
  const suites = [];
  let skippedTests = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    if (data.skip === undefined || data.skip === false) continue;
    const reason = typeof data.skip === 'string' ? data.skip : 'skipped';
    if (data.details?.type === 'suite') suites.push({ name: data.name, file: data.file, reason });
    else skippedTests++;
  }
  if (suites.length === 0) return;
  yield `ℹ skipped suites ${suites.length} (their tests did not run; ${skippedTests} single tests skipped besides)\n`;
  for (const s of suites)
    yield `ℹ   skipped suite: ${s.file ? `${relative(process.cwd(), s.file)}: ` : ''}${s.name} — ${s.reason}\n`;
}
