// One chart implementation for the app and the report: every SVG chart the screens or the report draw is a
// component of shared/report-view/charts (rendered in the browser and by react-dom/server alike).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CHARTS = 'shared/report-view/charts/';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry) ? [relative(root, path)] : [];
  });
}

test('only shared/report-view/charts draws SVG charts for the screens and the reports', () => {
  // electron/ included: the HTML reports (report.html, whatif.html) draw no SVG strings of their own.
  const drawing = [
    ...sources(join(root, 'renderer/src')),
    ...sources(join(root, 'shared')),
    ...sources(join(root, 'electron')),
  ].filter((file) => /<(svg|polyline|polygon)\b/.test(readFileSync(join(root, file), 'utf8')));
  assert.ok(drawing.length >= 4, `found only ${drawing.join(', ')}`);
  assert.deepEqual(
    drawing.filter((file) => !file.startsWith(CHARTS)),
    [],
  );
  assert.ok(!sources(join(root, 'renderer/src')).some((f) => /charts\/(LineChart|BarChart|scale)\.tsx?$/.test(f)));
});
