import { esc } from '../report/charts/svg';
import { whatifLatencyChart } from './whatif-chart';
import type { BreakEven, WhatifDevice, WhatifPoint, WhatifReport } from './whatif-report';

const pct = (v: number | null, digits = 0) => (v === null ? '–' : `${(v * 100).toFixed(digits)} %`);
const us = (v: number | null) => (v === null ? '–' : v >= 1000 ? `${(v / 1000).toFixed(2)} ms` : `${v.toFixed(1)} µs`);

export function describeBreakEven(b: BreakEven): string {
  switch (b.kind) {
    case 'interpolated':
      return `${pct(b.sparsity, 1)} (interpolated between ${pct(b.between[0])} and ${pct(b.between[1])})`;
    case 'at-or-below':
      return `at or below ${pct(b.sparsity)} (already faster at the lowest sparsity measured)`;
    case 'not-reached':
      return `not reached${b.best !== null ? ` (best pruned/dense ratio ${b.best.toFixed(2)})` : ''}`;
  }
}

/** What a point's per-operator profile covers, e.g. "50 inferences after 325 warm-up calls (left out)". */
export function describeProfileCoverage(p: Pick<WhatifPoint, 'profile'>): string {
  if (!p.profile) return 'no profile';
  const calls = p.profile.calls === null ? 'an unknown number of inferences' : `${p.profile.calls} inferences`;
  if (p.profile.warmupExcluded !== null) return `${calls} after ${p.profile.warmupExcluded} warm-up calls (left out)`;
  return p.profile.source === 'these-runs' ? `${calls} (the timed runs, profiled)` : calls;
}

function deviceSection(report: WhatifReport, d: WhatifDevice): string {
  const rows = d.points
    .map((p) => {
      const file = report.files.find((f) => f.file === p.file);
      return `<tr><td>${pct(p.sparsity)}</td><td>${esc(p.file)}</td><td>${file?.verdict.eligible ? 'eligible' : 'not eligible'}</td><td title="${esc(p.sparseInference.reason)}">${esc(p.sparseInference.engaged)}</td><td>${us(p.medianUs)}</td><td>${us(p.p90Us)}</td><td>${p.ratio === null ? '–' : p.ratio.toFixed(2)}</td><td>${pct(p.pointwiseShare)}</td><td>${p.runs} (${p.repetitions} rep.)</td></tr>`;
    })
    .join('');
  const categories = [...new Set(d.points.flatMap((p) => p.ops.map((o) => o.category)))];
  const opTable = categories.length
    ? `<table class="ops"><thead><tr><th>operation</th>${d.points.map((p) => `<th>${pct(p.sparsity)}</th>`).join('')}</tr></thead><tbody>${categories
        .map(
          (c) =>
            `<tr${c === '1x1 convolution' ? ' class="pointwise"' : ''}><td>${esc(c)}</td>${d.points
              .map((p) => {
                const o = p.ops.find((x) => x.category === c);
                return `<td>${o ? `${o.avgMs.toFixed(3)} ms (${pct(o.share)})` : '–'}</td>`;
              })
              .join('')}</tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>No operator profile (enable op profiling for phones).</p>';
  return `<section class="device"><h2>${esc(d.device.label)}${d.synthetic ? ' <span class="synthetic">SYNTHETIC (emulated phone)</span>' : ''}</h2>
<p class="notice">${esc(report.notice)}</p>
<p>Break-even sparsity: <strong>${esc(describeBreakEven(d.breakEven))}</strong>. XNNPACK only switches to sparse inference above 2/3 zeros in the 1x1 weights, so latency changes in a step there rather than along the interpolated line.</p>
<table><thead><tr><th>sparsity</th><th>file</th><th>XNNPACK rules</th><th>sparse inference ran</th><th>median</th><th>p90</th><th>pruned / dense</th><th>1x1 share of time</th><th>runs</th></tr></thead><tbody>${rows}</tbody></table>
<h3>Time per operation (profile)</h3>${opTable}${
    d.points.some((p) => p.profile)
      ? `<p class="coverage">Profiles: ${d.points.map((p) => `${pct(p.sparsity)}: ${esc(describeProfileCoverage(p))}`).join('; ')}. Times per inference; the warm-up (first calls of the runtime and of each interpreter, which pack the weights) is not in them.</p>`
      : ''
  }<p class="tool">${esc(d.tool)}</p></section>`;
}

/** The what-if report as one self-contained HTML page (no scripts, no external files). */
export function renderWhatifHtml(report: WhatifReport): string {
  const failures = report.failures.length
    ? `<h2>Failures</h2><ul>${report.failures.map((f) => `<li>${esc(f.device)}: ${esc(f.code)} ${esc(f.message)}</li>`).join('')}</ul>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sparse inference what-if: ${esc(report.source.file)}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}.notice{background:#fff3cd;border:1px solid #b58900;padding:6px 10px}.synthetic{background:#fff3cd;color:#7a5a00;font-size:12px;padding:2px 6px}.pointwise{font-weight:600}.tool{color:#777;font-size:12px}</style></head><body>
<h1>Would sparse inference pay off? ${esc(report.source.file)}</h1>
<p class="notice"><strong>${esc(report.notice)}</strong> The pruned files only measure speed; their outputs are not a usable model.</p>
<p>${report.files.length - 1} pruned copies (${report.files
    .filter((f) => f.sparsity > 0)
    .map((f) => pct(f.sparsity))
    .join(
      ', ',
    )}) of ${esc(report.source.file)}: 1x1 CONV_2D weights${report.config.includeFc ? ' and FULLY_CONNECTED weights (1x4 blocks)' : ''} magnitude-pruned, stored as CSR behind DENSIFY. ${report.config.repeat} repetitions of ${report.config.runs} runs per file, ${report.config.threads} thread(s), files alternating between repetitions.</p>
${whatifLatencyChart(report)}
${report.devices.map((d) => deviceSection(report, d)).join('\n')}
${failures}</body></html>`;
}
