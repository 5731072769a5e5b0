// whatif.html is the app's what-if report component (shared/whatif-view) rendered on the server: in Thai it speaks
// Thai (the warning, the break-even line, the chart), in English it carries the same warning as the files' metadata,
// and either way it is one offline page (strict CSP, no script, embedded font).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderWhatifHtml } from '../../electron/core/whatif/render-whatif-html';
import { WHATIF_NOTICE } from '../../electron/core/whatif/notice';
import { whatifEn } from '../../shared/i18n/whatif-en';
import { whatifTh } from '../../shared/i18n/whatif-th';
import { syntheticWhatifReport } from './synthetic-whatif';

const report = syntheticWhatifReport();
const DEVICE = report.devices[0]!.device.id;
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/[ \t\n]+/g, ' ');

/** The text of the element whose data-testid is `id` (a <p> without nested paragraphs). */
function paragraph(html: string, id: string): string {
  const match = new RegExp(`<p[^>]*data-testid="${id.replace(/[.]/g, '\\.')}"[^>]*>(.*?)</p>`, 's').exec(html);
  assert.ok(match, `no ${id}`);
  return text(match[1]!);
}

test('whatif.html in Thai: Thai warning, break-even line and chart, one offline page', async () => {
  const html = await renderWhatifHtml(report, 'th');
  assert.match(html, /^<!doctype html>\n<html lang="th">/);
  assert.match(
    html,
    /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">/,
  );
  assert.doesNotMatch(html, /<script|<link|\bsrc="http/);
  assert.match(html, /@font-face\{font-family:'Sarabun'.*unicode-range:U\+02D7, U\+0303, U\+0331, U\+0E01-0E5B/);
  assert.match(html, /<title>ทดลองการอนุมานแบบเบาบาง: mobilenet-float\.tflite<\/title>/);

  assert.equal(paragraph(html, 'whatif-notice-report'), whatifTh.notice);
  assert.equal(paragraph(html, `whatif-notice-${DEVICE}`), whatifTh.notice);
  // 1560 / 1500 = 1.04 at 50 %, 1200 / 1500 = 0.8 at 75 %: the ratio reaches 1 a sixth of the way, at 54.2 %.
  assert.equal(report.devices[0]!.breakEven.kind, 'interpolated');
  assert.match(
    paragraph(html, `whatif-break-even-${DEVICE}`),
    /^ความเบาบาง ณ จุดคุ้มทุน: 54\.2\u00a0% \(ประมาณค่าในช่วงระหว่าง 50\u00a0% ถึง 75\u00a0%\)\. XNNPACK จะเปลี่ยนไปใช้การอนุมานแบบเบาบาง/,
  );

  // The shared line chart (not a string SVG): titled in Thai, the break-even and the 2/3 rule in its legend.
  assert.match(
    html,
    /<h3><span class="value">Emulated phone \(synthetic\)<\/span> <span class="tag synthetic">ข้อมูลจำลอง \(โทรศัพท์จำลอง\)<\/span><\/h3><figure class="chart" data-chart="whatif-latency"><figcaption>มัธยฐานเวลาแฝงเทียบกับความเบาบาง<\/figcaption><svg/,
  );
  assert.match(text(html), /จุดคุ้มทุน 54\.2\u00a0%/);
  assert.match(text(html), new RegExp(whatifTh.chart.rule.replace(/[()/]/g, '\\$&')));
  assert.equal((html.match(/class="series"/g) ?? []).length, 3, 'median, unpruned and break-even series');

  // Synthetic numbers say so; no English UI string of the what-if is left.
  assert.match(html, /<span class="tag synthetic">ข้อมูลจำลอง \(โทรศัพท์จำลอง\)<\/span>/);
  for (const english of [
    whatifEn.notice,
    whatifEn.report.breakEvenLabel,
    whatifEn.report.breakEvenStep,
    whatifEn.ops.title,
    whatifEn.col.engaged,
  ])
    assert.equal(text(html).includes(english), false, english);
  assert.match(text(html), /คอนโวลูชัน 1×1/);
});

test('whatif.html in English carries the warning of the files and whatif.json', async () => {
  assert.equal(whatifEn.notice, WHATIF_NOTICE);
  const html = await renderWhatifHtml(report, 'en');
  assert.match(html, /<html lang="en">/);
  assert.equal(paragraph(html, 'whatif-notice-report'), WHATIF_NOTICE);
  assert.match(
    paragraph(html, `whatif-break-even-${DEVICE}`),
    /^Break-even sparsity: 54\.2\u00a0% \(interpolated between 50\u00a0% and 75\u00a0%\)\./,
  );
  assert.match(paragraph(html, `whatif-profile-${DEVICE}`), /^Profiles: 0\u00a0%: 5 inferences \(the timed runs, profiled\);/);
});
